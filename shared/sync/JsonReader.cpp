#include "sync/JsonReader.h"

#include "sync/SyncTuning.h"

#include <cmath>

namespace dantoc::sync {

namespace {

// 1e400 parses to infinity, which would serialize as null: refuse it instead of changing the value.
bool allNumbersFinite(const Json& v)
{
    if (v.is_number_float()) {
        return std::isfinite(v.get<double>());
    }
    if (v.is_structured()) {
        for (const auto& child : v) {
            if (!allNumbersFinite(child)) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

Result<Json> parseMessageJson(std::string_view text, std::size_t maxBytes)
{
    JsonLimits limits;
    limits.maxBytes = maxBytes;
    limits.maxDepth = tuning::kMaxJsonDepth;
    auto json = parseJson(text, limits);
    if (json.isOk() && !allNumbersFinite(*json)) {
        return Status(ErrorCode::InvalidArgument, "a number is out of the range of a double");
    }
    return json;
}

std::string serializeJson(const Json& json)
{
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string joinPath(std::string_view parent, std::string_view key)
{
    if (parent.empty()) {
        return std::string(key);
    }
    std::string out(parent);
    out += '.';
    out += key;
    return out;
}

std::string indexPath(std::string_view parent, std::size_t index)
{
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

namespace {

bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::string typeName(const Json& v)
{
    if (v.is_null()) {
        return "null";
    }
    if (v.is_boolean()) {
        return "a boolean";
    }
    if (v.is_number()) {
        return "a number";
    }
    if (v.is_string()) {
        return "a string";
    }
    if (v.is_array()) {
        return "an array";
    }
    return "an object";
}

}  // namespace

bool isCanonicalUuid(std::string_view text)
{
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isLowerHex(text[i])) {
            return false;
        }
    }
    return true;
}

bool isSha256Hex(std::string_view text)
{
    if (text.size() != 64) {
        return false;
    }
    for (const char c : text) {
        if (!isLowerHex(c)) {
            return false;
        }
    }
    return true;
}

bool isIdentifier(std::string_view text)
{
    if (text.empty() || text.size() > tuning::kMaxIdentifierBytes) {
        return false;
    }
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '.' || c == ':' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> readString(const Json& v, std::string_view path, std::size_t maxBytes, Status& error)
{
    if (!v.is_string()) {
        if (error.isOk()) {
            error = Status(ErrorCode::InvalidArgument, std::string(path) + ": expected a string, got " + typeName(v));
        }
        return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        if (error.isOk()) {
            error = Status(ErrorCode::InvalidArgument,
                           std::string(path) + ": string longer than " + std::to_string(maxBytes) + " bytes");
        }
        return std::nullopt;
    }
    return s;
}

std::optional<std::uint64_t> readInteger(const Json& v, std::string_view path, std::uint64_t min, std::uint64_t max,
                                         Status& error)
{
    std::optional<std::uint64_t> value;
    if (v.is_number_unsigned()) {
        value = v.get<std::uint64_t>();
    } else if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
        value = static_cast<std::uint64_t>(v.get<std::int64_t>());
    }
    if (!value || *value < min || *value > max) {
        if (error.isOk()) {
            error = Status(ErrorCode::InvalidArgument, std::string(path) + ": expected an integer in " +
                                                           std::to_string(min) + ".." + std::to_string(max) +
                                                           ", got " + (value ? v.dump() : typeName(v)));
        }
        return std::nullopt;
    }
    return value;
}

JsonReader::JsonReader(const Json& value, std::string path) : m_value(value), m_path(std::move(path))
{
    if (!m_value.is_object()) {
        failAt(m_path.empty() ? "(root)" : m_path, "expected an object, got " + typeName(m_value));
    }
}

void JsonReader::failAt(std::string_view path, std::string_view what)
{
    if (m_error.isOk()) {
        m_error = Status(ErrorCode::InvalidArgument, std::string(path) + ": " + std::string(what));
    }
}

void JsonReader::absorb(const Status& status)
{
    if (m_error.isOk() && !status.isOk()) {
        m_error = status;
    }
}

const Json* JsonReader::member(std::string_view key, bool required)
{
    if (!m_value.is_object()) {
        return nullptr;
    }
    m_known.emplace(key);
    const Json* v = jsonMember(m_value, key);
    if (!v && required) {
        fail(key, "required key is missing");
    }
    return v;
}

const Json* JsonReader::object(std::string_view key, bool required)
{
    const Json* v = member(key, required);
    if (v && !v->is_object()) {
        fail(key, "expected an object, got " + typeName(*v));
        return nullptr;
    }
    return v;
}

const Json* JsonReader::array(std::string_view key, bool required, std::size_t maxItems)
{
    const Json* v = member(key, required);
    if (v && !v->is_array()) {
        fail(key, "expected an array, got " + typeName(*v));
        return nullptr;
    }
    if (v && v->size() > maxItems) {
        fail(key, "more than " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return v;
}

std::optional<std::string> JsonReader::optString(std::string_view key, std::size_t maxBytes)
{
    const Json* v = member(key, false);
    if (!v) {
        return std::nullopt;
    }
    return readString(*v, childPath(key), maxBytes, m_error);
}

std::string JsonReader::string(std::string_view key, std::size_t maxBytes)
{
    const Json* v = member(key, true);
    if (!v) {
        return {};
    }
    return readString(*v, childPath(key), maxBytes, m_error).value_or(std::string());
}

std::optional<std::string> JsonReader::optIdentifier(std::string_view key)
{
    auto s = optString(key, tuning::kMaxIdentifierBytes);
    if (s && !isIdentifier(*s)) {
        fail(key, "expected 1-64 characters of A-Z a-z 0-9 _ . : -");
        return std::nullopt;
    }
    return s;
}

std::string JsonReader::identifier(std::string_view key)
{
    if (!member(key, true)) {
        return {};
    }
    return optIdentifier(key).value_or(std::string());
}

std::string JsonReader::uuid(std::string_view key)
{
    const Json* v = member(key, true);
    if (!v) {
        return {};
    }
    auto s = readString(*v, childPath(key), 64, m_error);
    if (s && !isCanonicalUuid(*s)) {
        fail(key, "expected a lower-case UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        return {};
    }
    return s.value_or(std::string());
}

std::string JsonReader::sha256(std::string_view key)
{
    const Json* v = member(key, true);
    if (!v) {
        return {};
    }
    auto s = readString(*v, childPath(key), 64, m_error);
    if (s && !isSha256Hex(*s)) {
        fail(key, "expected a SHA-256 as 64 lower-case hex digits");
        return {};
    }
    return s.value_or(std::string());
}

std::uint64_t JsonReader::readInteger(const Json& v, std::string_view key, std::uint64_t min, std::uint64_t max)
{
    return sync::readInteger(v, childPath(key), min, max, m_error).value_or(0);
}

std::uint64_t JsonReader::integer(std::string_view key, std::uint64_t min, std::uint64_t max)
{
    const Json* v = member(key, true);
    return v ? readInteger(*v, key, min, max) : 0;
}

std::optional<std::uint64_t> JsonReader::optInteger(std::string_view key, std::uint64_t min, std::uint64_t max)
{
    const Json* v = member(key, false);
    if (!v) {
        return std::nullopt;
    }
    return sync::readInteger(*v, childPath(key), min, max, m_error);
}

std::optional<bool> JsonReader::optBoolean(std::string_view key)
{
    const Json* v = member(key, false);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        fail(key, "expected a boolean, got " + typeName(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

bool JsonReader::boolean(std::string_view key)
{
    if (!member(key, true)) {
        return false;
    }
    return optBoolean(key).value_or(false);
}

Status JsonReader::finish()
{
    if (!m_error.isOk() || !m_value.is_object()) {
        return m_error;
    }
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        if (m_known.find(it.key()) == m_known.end()) {
            return Status(ErrorCode::InvalidArgument, childPath(it.key()) + ": unknown key");
        }
    }
    return Status::ok();
}

}  // namespace dantoc::sync
