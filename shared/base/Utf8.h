// UTF-8 decoding and encoding shared by the text and expression modules: one strict decoder (no overlongs,
// surrogates or code points above U+10FFFF). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dantoc::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at byte `i` of `s` (i < s.size()) into `cp`; returns its length in bytes, or 0
// when the sequence there is invalid or truncated (then `cp` is unspecified).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp);
// Decodes the code point at `pos` and advances past it; an invalid sequence yields U+FFFD and consumes one byte.
char32_t decodeNext(std::string_view s, std::size_t& pos);
// Byte offset of the first invalid sequence, or npos when `text` is well-formed.
std::size_t firstInvalid(std::string_view text);
// Appends the UTF-8 encoding of `cp` (precondition: a Unicode scalar value).
void append(std::string& out, char32_t cp);

}  // namespace dantoc::utf8
