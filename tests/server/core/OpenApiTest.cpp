// server/docs/openapi.yaml must describe every route the router serves (path and method).
#include "support/ApiFixture.h"
#include "support/Files.h"

#include <algorithm>
#include <cctype>

TEST_CASE("every router route appears in server/docs/openapi.yaml")
{
    dantoc::test::ApiFixture f;
    const std::string yaml = dantoc::test::readFile(std::filesystem::path(DANTOC_SOURCE_DIR) / "server/docs/openapi.yaml");
    REQUIRE_FALSE(yaml.empty());
    for (const auto& route : f.app().router()->routes()) {
        if (route.pattern.find("/test/") != std::string::npos) {
            continue;  // test-only routes, never enabled in production
        }
        CAPTURE(route.pattern);
        const auto at = yaml.find("\n  " + route.pattern + ":\n");
        REQUIRE(at != std::string::npos);
        std::string method = route.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto next = yaml.find("\n  /", at + 1);
        const std::string block = yaml.substr(at, next == std::string::npos ? std::string::npos : next - at);
        CAPTURE(method);
        CHECK(block.find("\n    " + method + ":") != std::string::npos);
    }
}
