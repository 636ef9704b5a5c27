// The server's transport-independent request/response types: handlers are plain functions from an ApiRequest
// (plus the authenticated Principal) to an ApiResponse and never touch sockets. Value types; thread-safe to copy.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dantoc::server {

// ProvincialReviewer reviews and accepts at the province without the administrator's rights (issue 15).
enum class Role { CommuneOfficer, DistrictReviewer, ProvincialAdmin, ProvincialViewer, ProvincialReviewer };

// Stable names used in JSON, the store and the CLI: commune_officer, district_reviewer, provincial_admin,
// provincial_viewer, provincial_reviewer.
const char* roleName(Role role);
std::optional<Role> roleFromName(const std::string& name);

// Who is calling, as established from a valid access token.
struct Principal {
    std::string accountId;
    std::string username;
    Role role = Role::CommuneOfficer;
    std::string unitCode;  // the root of the account's scope (its subtree)
    bool mustChangePassword = false;
};

struct ApiRequest {
    std::string method;  // "GET", "POST", "PATCH", ...
    std::string path;    // without the query string, percent-decoded
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;                            // already size-limited by the transport
    std::string bearerToken;                     // from "Authorization: Bearer ..."; empty if none
    std::string remoteAddress;
    std::map<std::string, std::string> pathParams;  // filled by the router: "/accounts/{id}" -> {"id": ...}
    // Set by the transport only: the connection broke while reading the body, `body` holds the bytes that arrived
    // and nobody reads the answer. Dispatched only for routes with Route::acceptsPartialBody (blob chunks).
    bool bodyTruncated = false;

    const std::string* header(const std::string& lowerCaseName) const
    {
        auto it = headers.find(lowerCaseName);
        return it == headers.end() ? nullptr : &it->second;
    }
};

struct ApiResponse {
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;

    // {"error": {"code": code, "message": message}} with the given HTTP status.
    static ApiResponse error(int status, const std::string& code, const std::string& message);
    static ApiResponse json(int status, const std::string& serializedJson);
};

}  // namespace dantoc::server
