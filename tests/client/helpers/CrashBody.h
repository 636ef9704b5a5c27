// Shared by the crash-test writer and the test: the deterministic body of the i-th record.
#pragma once

#include <string>

namespace dantoc::test {

inline std::string crashBody(long long index)
{
    std::string pad(1500 + static_cast<std::size_t>(index % 997), static_cast<char>('a' + index % 26));
    return "{\"index\":" + std::to_string(index) + ",\"name\":\"Hộ gia đình số " + std::to_string(index) +
           "\",\"pad\":\"" + pad + "\"}";
}

}  // namespace dantoc::test
