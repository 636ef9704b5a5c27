// Small helpers shared by the catalog loaders (internal to the catalog module). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dantoc::catalog {

// Splits a ';'-separated list, trimming spaces and dropping empty items.
std::vector<std::string> splitSemicolonList(std::string_view text);
// Trims ASCII spaces and tabs at both ends.
std::string_view trimSpaces(std::string_view text);

}  // namespace dantoc::catalog
