// UTF-8 helpers of the expression language: validation, code-point counting and the simple case mapping of
// ASCII and Vietnamese letters. Pure functions; thread-safe.
#pragma once

#include "base/Utf8.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace dantoc::expr::utf8 {

using dantoc::utf8::firstInvalid;  // the strict decoder lives in base/Utf8.h
// Code points of valid UTF-8; for invalid input, the number of bytes that are not continuation bytes.
std::size_t countCodePoints(std::string_view text);
// Lower/upper case of ASCII, Latin-1, Latin Extended-A and the Vietnamese letters (Ă Đ Ĩ Ũ Ơ Ư and
// U+1EA0..U+1EF9); every other code point (and every invalid byte) is copied unchanged.
std::string toLower(std::string_view text);
std::string toUpper(std::string_view text);
using dantoc::utf8::append;

}  // namespace dantoc::expr::utf8
