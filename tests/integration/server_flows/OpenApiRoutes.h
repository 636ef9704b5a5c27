// The routes server/docs/openapi.yaml documents (method + path pattern), read with a line scanner that knows the
// document's layout (paths at two spaces, methods at four). Used by the scenario tables to fail when a documented
// route has no scenario. Stateless; thread-safe.
#pragma once

#include "support/Files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace dantoc::test {

struct DocumentedRoute {
    std::string method;  // upper case: GET, POST, PATCH, DELETE, HEAD, PUT
    std::string path;    // as documented, with {params}
    std::string key() const { return method + " " + path; }
};

inline std::vector<DocumentedRoute> documentedRoutes()
{
    const std::string yaml = readFile(std::filesystem::path(DANTOC_SOURCE_DIR) / "server/docs/openapi.yaml");
    std::vector<DocumentedRoute> routes;
    std::istringstream lines(yaml);
    bool inPaths = false;
    std::string currentPath;
    static const std::vector<std::string> kMethods = {"get", "post", "put", "patch", "delete", "head"};
    for (std::string line; std::getline(lines, line);) {
        if (line == "paths:") {
            inPaths = true;
            continue;
        }
        if (!inPaths || line.empty() || line[0] == '#') {
            continue;
        }
        if (line[0] != ' ') {
            inPaths = false;  // the next top-level key
            continue;
        }
        if (line.rfind("  /", 0) == 0 && line.back() == ':') {
            currentPath = line.substr(2, line.size() - 3);
            continue;
        }
        if (currentPath.empty() || line.rfind("    ", 0) != 0 || line.size() < 5 || line[4] == ' ') {
            continue;
        }
        for (const auto& method : kMethods) {
            if (line == "    " + method + ":") {
                std::string upper = method;
                std::transform(upper.begin(), upper.end(), upper.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                routes.push_back({upper, currentPath});
            }
        }
    }
    return routes;
}

// Replaces every {param} of a documented path with `value`.
inline std::string fillPath(std::string path, const std::string& value)
{
    for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
        const auto close = path.find('}', open);
        if (close == std::string::npos) {
            break;
        }
        path.replace(open, close - open + 1, value);
    }
    return path;
}

}  // namespace dantoc::test
