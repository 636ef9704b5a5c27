// Enforces the dependency direction by reading the sources: shared/ includes no Qt, Asio or Beast; client and
// server never include each other; client/core includes no widgets.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Violation {
    std::string file;
    int line;
    std::string text;
};

std::vector<Violation> findIncludes(const fs::path& root, const std::regex& forbidden)
{
    std::vector<Violation> found;
    if (!fs::exists(root)) {
        return found;
    }
    static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp" && ext != ".hpp")) {
            continue;
        }
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            std::smatch match;
            if (std::regex_search(line, match, include) && std::regex_search(match[1].str(), forbidden)) {
                found.push_back({entry.path().string(), number, line});
            }
        }
    }
    return found;
}

void requireNone(const std::vector<Violation>& violations)
{
    for (const auto& v : violations) {
        INFO(v.file << ":" << v.line << ": " << v.text);
        CHECK(false);
    }
    CHECK(violations.empty());
}

const fs::path kSource = DANTOC_SOURCE_DIR;

}  // namespace

TEST_CASE("shared/ is plain C++: no Qt, no Asio, no Beast, no client or server headers")
{
    requireNone(findIncludes(kSource / "shared", std::regex(R"(^(Q[A-Z]|Qt|boost/|asio|client/|server/|core/|gui/))")));
}

TEST_CASE("client and server never include each other")
{
    requireNone(findIncludes(kSource / "client", std::regex(R"(^(server/|boost/beast|boost/asio))")));
    requireNone(findIncludes(kSource / "server", std::regex(R"(^(client/|core/|gui/|Q[A-Z]|Qt))")));
}

TEST_CASE("client/core has no widgets")
{
    requireNone(findIncludes(kSource / "client" / "core", std::regex(R"(^(QtWidgets|QWidget|QMainWindow|QDialog|gui/))")));
}
