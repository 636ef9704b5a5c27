// WireCodec: one call from HTTP body bytes to a parsed JSON message and back, with each route's limits on the
// wire and after decompression, so the server and the client cannot apply the caps differently.
// Stateless functions; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/SyncTuning.h"
#include "sync/ZstdCodec.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace dantoc::sync {

struct RouteLimits {
    std::size_t wireMaxBytes;     // body as received (compressed or not)
    std::size_t decodedMaxBytes;  // JSON text after decompression
};

inline constexpr RouteLimits kPushRequestLimits{tuning::kPushBodyMaxBytes, tuning::kPushDecodedMaxBytes};
inline constexpr RouteLimits kPushResponseLimits{tuning::kPushResponseMaxBytes, tuning::kPushResponseMaxBytes};
inline constexpr RouteLimits kPullRequestLimits{tuning::kPullRequestMaxBytes, tuning::kPullRequestMaxBytes};
inline constexpr RouteLimits kPullResponseLimits{tuning::kPullResponseMaxBytes, tuning::kPullDecodedMaxBytes};
inline constexpr RouteLimits kBlobStartLimits{tuning::kBlobStartMaxBytes, tuning::kBlobStartMaxBytes};

enum class ContentEncoding { Identity, Zstd };

// The Content-Encoding header: absent/"identity" or "zstd" (case-insensitive); anything else is
// FailedPrecondition (answer 415 unsupported_encoding).
Result<ContentEncoding> parseContentEncoding(std::string_view header);
std::string_view contentEncodingName(ContentEncoding encoding);  // "identity" or "zstd"

// Body bytes -> JSON: ResourceExhausted (413) over a limit; FailedPrecondition (415) for an unknown dictionary;
// InvalidArgument / ParseError (400) for a bad frame or bad JSON. The caller then runs the message's parser.
Result<Json> decodeMessage(std::string_view body, ContentEncoding encoding, const RouteLimits& limits,
                           const ZstdDictionaryLookup& dictionaries = {});

// JSON -> body bytes, compressed with `dictionary` when given.
Result<std::string> encodeMessage(const Json& message, ContentEncoding encoding,
                                  const ZstdDictionary* dictionary = nullptr);

}  // namespace dantoc::sync
