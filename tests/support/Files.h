// Small file helpers for tests. Throw on failure (tests only).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dantoc::test {

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
    out << content;
}

inline std::filesystem::path resourcesDir() { return DANTOC_RESOURCES_DIR; }
inline std::filesystem::path testDataDir() { return DANTOC_TEST_DATA_DIR; }

}  // namespace dantoc::test
