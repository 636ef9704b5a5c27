// JsonReader: strict, exception-free reading of one JSON object of a sync message. Typed getters record the
// first error together with its path ("ops[2].dev_seq: ..."); finish() rejects keys nobody asked for.
// Not thread-safe; one reader per object being read.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "base/Status.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace dantoc::sync {

// Parses a sync message body with the sync limits: at most `maxBytes`, depth tuning::kMaxJsonDepth, duplicate
// keys rejected (base/Json.h), numbers beyond the range of a double (which would become null) rejected.
Result<Json> parseMessageJson(std::string_view text, std::size_t maxBytes);
// Compact UTF-8 text of a message; never throws (invalid UTF-8 in a string is replaced, not fatal).
std::string serializeJson(const Json& json);

// "a" + "b" -> "a.b"; "" + "b" -> "b"; "a" + index 3 -> "a[3]".
std::string joinPath(std::string_view parent, std::string_view key);
std::string indexPath(std::string_view parent, std::size_t index);

// Character-class checks used by the message parsers.
bool isCanonicalUuid(std::string_view text);  // lower-case 8-4-4-4-12 hex
bool isSha256Hex(std::string_view text);      // 64 lower-case hex digits
bool isIdentifier(std::string_view text);     // 1..64 of [A-Za-z0-9_.:-]

class JsonReader
{
public:
    // `path` names the object in error messages; "" for the document root.
    JsonReader(const Json& value, std::string path);

    bool ok() const { return m_error.isOk(); }
    const std::string& path() const { return m_path; }
    std::string childPath(std::string_view key) const { return joinPath(m_path, key); }

    // Records `what` as the error at `path` unless an earlier error is already recorded.
    void failAt(std::string_view path, std::string_view what);
    void fail(std::string_view key, std::string_view what) { failAt(childPath(key), what); }
    // Records an error produced by a nested parser (keeps the first).
    void absorb(const Status& status);

    // Any JSON value (marked as known); nullptr and an error when required and absent.
    const Json* member(std::string_view key, bool required);
    const Json* object(std::string_view key, bool required);
    const Json* array(std::string_view key, bool required, std::size_t maxItems);

    std::string string(std::string_view key, std::size_t maxBytes);
    std::optional<std::string> optString(std::string_view key, std::size_t maxBytes);
    std::string identifier(std::string_view key);
    std::optional<std::string> optIdentifier(std::string_view key);
    std::string uuid(std::string_view key);
    std::string sha256(std::string_view key);
    std::uint64_t integer(std::string_view key, std::uint64_t min, std::uint64_t max);
    std::optional<std::uint64_t> optInteger(std::string_view key, std::uint64_t min, std::uint64_t max);
    bool boolean(std::string_view key);
    std::optional<bool> optBoolean(std::string_view key);

    // The first error, or an error naming the first unknown key; ok() when the object was read cleanly.
    Status finish();

private:
    std::uint64_t readInteger(const Json& v, std::string_view key, std::uint64_t min, std::uint64_t max);

    const Json& m_value;
    std::string m_path;
    std::set<std::string, std::less<>> m_known;
    Status m_error;
};

// Standalone value checks that name the path, for array elements.
std::optional<std::string> readString(const Json& v, std::string_view path, std::size_t maxBytes, Status& error);
std::optional<std::uint64_t> readInteger(const Json& v, std::string_view path, std::uint64_t min, std::uint64_t max,
                                         Status& error);

}  // namespace dantoc::sync
