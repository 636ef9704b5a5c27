#include "base/Json.h"

#include <set>
#include <string>
#include <vector>

namespace dantoc {

TextPosition positionOfOffset(std::string_view text, std::size_t offset)
{
    TextPosition pos;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
            ++pos.column;
        }
    }
    return pos;
}

namespace {

std::string positionPrefix(std::string_view text, std::size_t offset)
{
    const TextPosition pos = positionOfOffset(text, offset);
    return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) + ": ";
}

}  // namespace

Result<Json> parseJson(std::string_view text, const JsonLimits& limits)
{
    if (text.size() > limits.maxBytes) {
        return Status(ErrorCode::ResourceExhausted, "JSON document of " + std::to_string(text.size()) +
                                                        " bytes exceeds the limit of " +
                                                        std::to_string(limits.maxBytes));
    }
    // Cheap pre-scan for depth so a hostile "[[[[..." never reaches the recursive builder.
    {
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limits.maxDepth) {
                    return Status(ErrorCode::ResourceExhausted,
                                  positionPrefix(text, i) + "nesting deeper than " +
                                      std::to_string(limits.maxDepth) + " levels");
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
    }

    // Duplicate keys: one set of seen keys per open object.
    std::vector<std::set<std::string>> openObjects;
    std::string duplicateKey;
    auto callback = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start: openObjects.emplace_back(); break;
        case Json::parse_event_t::object_end:
            if (!openObjects.empty()) {
                openObjects.pop_back();
            }
            break;
        case Json::parse_event_t::key:
            if (!openObjects.empty() && duplicateKey.empty()) {
                const auto& key = parsed.get_ref<const std::string&>();
                if (!openObjects.back().insert(key).second) {
                    duplicateKey = key;
                }
            }
            break;
        default: break;
        }
        return true;
    };
    try {
        Json doc = Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                               /*ignore_comments=*/false);
        if (!duplicateKey.empty()) {
            return Status(ErrorCode::ParseError, "duplicate key \"" + duplicateKey + "\" in a JSON object");
        }
        return doc;
    } catch (const Json::parse_error& e) {
        // e.byte is 1-based position of the offending byte
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        std::string what = e.what();
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line x, column y: ";
        // keep only the explanation after the last ": " of that prefix.
        const auto cut = what.find("parse error");
        if (cut != std::string::npos) {
            const auto colon = what.find(": ", cut);
            if (colon != std::string::npos) {
                what = what.substr(colon + 2);
            }
        }
        return Status(ErrorCode::ParseError, positionPrefix(text, offset) + what);
    } catch (const Json::exception& e) {
        return Status(ErrorCode::ParseError, e.what());
    }
}

const Json* jsonMember(const Json& object, std::string_view key)
{
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const std::string* jsonString(const Json& object, std::string_view key)
{
    const Json* member = jsonMember(object, key);
    return member && member->is_string() ? &member->get_ref<const std::string&>() : nullptr;
}

}  // namespace dantoc
