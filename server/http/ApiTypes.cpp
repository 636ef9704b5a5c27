#include "http/ApiTypes.h"

#include <nlohmann/json.hpp>

namespace dantoc::server {

const char* roleName(Role role)
{
    switch (role) {
    case Role::CommuneOfficer: return "commune_officer";
    case Role::DistrictReviewer: return "district_reviewer";
    case Role::ProvincialAdmin: return "provincial_admin";
    case Role::ProvincialViewer: return "provincial_viewer";
    case Role::ProvincialReviewer: return "provincial_reviewer";
    }
    return "commune_officer";
}

std::optional<Role> roleFromName(const std::string& name)
{
    for (Role role : {Role::CommuneOfficer, Role::DistrictReviewer, Role::ProvincialAdmin, Role::ProvincialViewer,
                      Role::ProvincialReviewer}) {
        if (name == roleName(role)) {
            return role;
        }
    }
    return std::nullopt;
}

ApiResponse ApiResponse::error(int status, const std::string& code, const std::string& message)
{
    nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
    // A message may quote client bytes (a parser's "last read"); invalid UTF-8 there must not turn a 400 into a
    // failure to serialise: replace it with U+FFFD.
    return json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

ApiResponse ApiResponse::json(int status, const std::string& serializedJson)
{
    ApiResponse response;
    response.status = status;
    response.body = serializedJson;
    return response;
}

}  // namespace dantoc::server
