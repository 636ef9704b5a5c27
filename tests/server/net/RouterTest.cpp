// Router unit tests with a test Authenticator (tokens are a map): patterns, captures, auth gating, errors.
#include "http/Router.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

using namespace dantoc;
using namespace dantoc::server;

namespace {

class MapAuthenticator : public Authenticator
{
public:
    std::map<std::string, Principal> tokens;
    Result<Principal> authenticate(const std::string& token) const override
    {
        auto it = tokens.find(token);
        if (it == tokens.end()) {
            return Status(ErrorCode::Unauthenticated, "no such token");
        }
        return it->second;
    }
};

ApiRequest makeRequest(std::string method, std::string path, std::string token = {})
{
    ApiRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.bearerToken = std::move(token);
    return r;
}

std::string code(const ApiResponse& response)
{
    return nlohmann::json::parse(response.body)["error"]["code"];
}

}  // namespace

TEST_CASE("router matches patterns, captures segments and reports 404/405")
{
    auto auth = std::make_shared<MapAuthenticator>();
    Router router(auth);
    router.add(Route{"GET", "/api/v1/things/{id}/parts/{part}", 0, Auth::None,
                     [](const ApiRequest& r, const Principal*) {
                         return ApiResponse::json(200, nlohmann::json{{"id", r.pathParams.at("id")},
                                                                      {"part", r.pathParams.at("part")}}
                                                               .dump());
                     },
                     "things"});
    auto ok = router.dispatch(makeRequest("GET", "/api/v1/things/42/parts/x"));
    CHECK(ok.status == 200);
    CHECK(nlohmann::json::parse(ok.body)["id"] == "42");
    CHECK(router.dispatch(makeRequest("GET", "/api/v1/things/42")).status == 404);
    CHECK(router.dispatch(makeRequest("GET", "/api/v1/things/42/parts/x/y")).status == 404);
    auto wrong = router.dispatch(makeRequest("DELETE", "/api/v1/things/42/parts/x"));
    CHECK(wrong.status == 405);
    CHECK(code(wrong) == "method_not_allowed");
    CHECK(router.match("GET", "/api/v1/things/1/parts/2") != nullptr);
    CHECK(router.match("POST", "/api/v1/things/1/parts/2") == nullptr);
}

TEST_CASE("router enforces authentication and the forced password change")
{
    auto auth = std::make_shared<MapAuthenticator>();
    Principal fresh;
    fresh.username = "xa.bat.xat";
    fresh.mustChangePassword = true;
    Principal normal = fresh;
    normal.mustChangePassword = false;
    auth->tokens["fresh"] = fresh;
    auth->tokens["normal"] = normal;
    Router router(auth);
    auto echo = [](const ApiRequest&, const Principal* p) {
        return ApiResponse::json(200, nlohmann::json{{"user", p ? p->username : ""}}.dump());
    };
    router.add(Route{"GET", "/api/v1/data", 0, Auth::Authenticated, echo, "data"});
    router.add(Route{"POST", "/api/v1/auth/password", 1024, Auth::AllowPasswordChangeOnly, echo, "password"});

    CHECK(router.dispatch(makeRequest("GET", "/api/v1/data")).status == 401);
    CHECK(router.dispatch(makeRequest("GET", "/api/v1/data", "forged")).status == 401);
    auto gated = router.dispatch(makeRequest("GET", "/api/v1/data", "fresh"));
    CHECK(gated.status == 403);
    CHECK(code(gated) == "password_change_required");
    CHECK(router.dispatch(makeRequest("POST", "/api/v1/auth/password", "fresh")).status == 200);
    auto ok = router.dispatch(makeRequest("GET", "/api/v1/data", "normal"));
    CHECK(ok.status == 200);
    CHECK(nlohmann::json::parse(ok.body)["user"] == "xa.bat.xat");
}

TEST_CASE("a throwing handler becomes a 500 without details; body limits are checked")
{
    Router router(nullptr);
    router.add(Route{"POST", "/boom", 10, Auth::None,
                     [](const ApiRequest&, const Principal*) -> ApiResponse {
                         throw std::runtime_error("secret detail");
                     },
                     "boom"});
    auto request = makeRequest("POST", "/boom");
    auto response = router.dispatch(request);
    CHECK(response.status == 500);
    CHECK(response.body.find("secret") == std::string::npos);
    request.body = std::string(11, 'x');
    CHECK(router.dispatch(request).status == 413);
    CHECK(router.bodyLimitFor("POST", "/boom") == 10);
}
