#include "sync/WireCodec.h"

#include "sync/JsonReader.h"

#include <cctype>

namespace dantoc::sync {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

Result<ContentEncoding> parseContentEncoding(std::string_view header)
{
    const std::string_view value = trimmed(header);
    if (value.empty() || equalsIgnoreCase(value, "identity")) {
        return ContentEncoding::Identity;
    }
    if (equalsIgnoreCase(value, "zstd")) {
        return ContentEncoding::Zstd;
    }
    return Status(ErrorCode::FailedPrecondition, "Content-Encoding \"" + std::string(value.substr(0, 40)) +
                                                     "\" is not supported (use zstd or none)");
}

std::string_view contentEncodingName(ContentEncoding encoding)
{
    return encoding == ContentEncoding::Zstd ? "zstd" : "identity";
}

Result<Json> decodeMessage(std::string_view body, ContentEncoding encoding, const RouteLimits& limits,
                           const ZstdDictionaryLookup& dictionaries)
{
    if (body.size() > limits.wireMaxBytes) {
        return Status(ErrorCode::ResourceExhausted, "body of " + std::to_string(body.size()) +
                                                        " bytes exceeds the limit of " +
                                                        std::to_string(limits.wireMaxBytes));
    }
    if (encoding == ContentEncoding::Identity) {
        return parseMessageJson(body, limits.decodedMaxBytes);
    }
    auto text = zstdDecompress(body, limits.decodedMaxBytes, dictionaries);
    if (!text) {
        return text.status();
    }
    return parseMessageJson(*text, limits.decodedMaxBytes);
}

Result<std::string> encodeMessage(const Json& message, ContentEncoding encoding, const ZstdDictionary* dictionary)
{
    std::string text = serializeJson(message);
    if (encoding == ContentEncoding::Identity) {
        return text;
    }
    return zstdCompress(text, kDefaultZstdLevel, dictionary);
}

}  // namespace dantoc::sync
