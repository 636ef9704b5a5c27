// zstd compression of whole sync request and response bodies (sync-design §10), with an optional trained
// dictionary per form version identified by the frame's dictionary id, and a decompressor that is safe against
// zip bombs: the frame must declare its content size, that size must fit the route's limit, and output is
// produced with a hard cap. Functions are stateless and thread-safe; a ZstdDictionary is immutable and may be
// shared between threads.
#pragma once

#include "base/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::sync {

inline constexpr int kDefaultZstdLevel = 3;
// Largest window a decoder accepts (2^23 = 8 MiB): bounds decoder memory for hostile frames.
inline constexpr int kMaxZstdWindowLog = 23;

class ZstdDictionary
{
public:
    // `bytes` must be a zstd dictionary with a header (magic + id), as produced by trainDictionary or
    // `zstd --train`; raw-content dictionaries have no id and are refused.
    static Result<ZstdDictionary> fromBytes(std::string bytes, int level = kDefaultZstdLevel);

    std::uint32_t id() const;
    const std::string& bytes() const;

    struct Impl;
    const Impl& impl() const { return *m_impl; }

private:
    explicit ZstdDictionary(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<const Impl> m_impl;
};

// Trains a dictionary of at most `capacity` bytes from sample documents. `dictId` (32768 .. 2^31-1) names it in
// frames; 0 keeps the id zstd derived. Fails (InvalidArgument) when the samples are too few or too small.
Result<ZstdDictionary> trainDictionary(const std::vector<std::string>& samples, std::size_t capacity,
                                       std::uint32_t dictId = 0, int level = kDefaultZstdLevel);

// One zstd frame with the content size in its header (always) and the dictionary id when `dict` is given.
Result<std::string> zstdCompress(std::string_view input, int level = kDefaultZstdLevel,
                                 const ZstdDictionary* dict = nullptr);

// Finds the dictionary a frame names; nullptr when unknown.
using ZstdDictionaryLookup = std::function<const ZstdDictionary*(std::uint32_t id)>;

// Decompresses exactly one frame. ResourceExhausted when the declared or actual size exceeds `maxOutput`;
// InvalidArgument when the content size is not declared, the input is not exactly one frame, or it is corrupt;
// FailedPrecondition when it names a dictionary `dictionaries` does not know.
Result<std::string> zstdDecompress(std::string_view frame, std::size_t maxOutput,
                                   const ZstdDictionaryLookup& dictionaries = {});

// The dictionary id a frame names (0: none), or 0 when it is not a zstd frame.
std::uint32_t zstdFrameDictionaryId(std::string_view frame);

}  // namespace dantoc::sync
