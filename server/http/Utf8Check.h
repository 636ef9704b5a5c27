// Utf8Check: where a request body stops being well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), so the router can answer 400 with the byte offset instead of a JSON library failing
// deep inside a handler (issue 19, finding 8). Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dantoc::server {

// The offset of the first byte that does not start or continue a valid UTF-8 sequence; nullopt when all is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

}  // namespace dantoc::server
