// Defensive JSON parsing for everything that comes from outside (form templates, submissions, sync messages,
// HTTP bodies): size and depth limits, duplicate keys rejected (CouchDB CVE-2017-12635), errors with
// line:column. Stateless functions; safe from any thread.
#pragma once

#include "base/Result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace dantoc {

using Json = nlohmann::json;

struct JsonLimits {
    std::size_t maxBytes = 16 * 1024 * 1024;  // whole document
    int maxDepth = 64;                        // nesting of arrays and objects
};

// Parses `text`; on failure the Status is ParseError ("line 3, column 14: ...") or ResourceExhausted
// (too large / too deep).
Result<Json> parseJson(std::string_view text, const JsonLimits& limits = {});

// 1-based line and column of a byte offset in `text` (columns count UTF-8 code points).
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOfOffset(std::string_view text, std::size_t offset);

// Small typed accessors that never throw: absent or wrongly typed keys give nullptr.
const Json* jsonMember(const Json& object, std::string_view key);
const std::string* jsonString(const Json& object, std::string_view key);

}  // namespace dantoc
