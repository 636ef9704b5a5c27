#include "sync/ZstdCodec.h"

#include <zdict.h>
#include <zstd.h>

#include <array>

namespace dantoc::sync {

struct ZstdDictionary::Impl {
    std::string bytes;
    std::uint32_t id = 0;
    ZSTD_CDict* cdict = nullptr;
    ZSTD_DDict* ddict = nullptr;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl()
    {
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
    }
};

namespace {

struct CCtxDeleter {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxDeleter {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

Status zstdError(std::string_view what, std::size_t code)
{
    return Status(ErrorCode::InvalidArgument, std::string(what) + ": " + ZSTD_getErrorName(code));
}

}  // namespace

Result<ZstdDictionary> ZstdDictionary::fromBytes(std::string bytes, int level)
{
    const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (id == 0) {
        return Status(ErrorCode::InvalidArgument, "not a zstd dictionary with an id");
    }
    auto impl = std::make_shared<Impl>();
    impl->bytes = std::move(bytes);
    impl->id = id;
    impl->cdict = ZSTD_createCDict(impl->bytes.data(), impl->bytes.size(), level);
    impl->ddict = ZSTD_createDDict(impl->bytes.data(), impl->bytes.size());
    if (!impl->cdict || !impl->ddict) {
        return Status(ErrorCode::InvalidArgument, "zstd could not load the dictionary");
    }
    return ZstdDictionary(std::move(impl));
}

std::uint32_t ZstdDictionary::id() const { return m_impl->id; }
const std::string& ZstdDictionary::bytes() const { return m_impl->bytes; }

Result<ZstdDictionary> trainDictionary(const std::vector<std::string>& samples, std::size_t capacity,
                                       std::uint32_t dictId, int level)
{
    if (dictId != 0 && (dictId < 32768 || dictId >= (1u << 31))) {
        return Status(ErrorCode::InvalidArgument, "dictionary id must be in 32768 .. 2^31-1");
    }
    std::string joined;
    std::vector<std::size_t> sizes;
    for (const std::string& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    std::string dict(capacity, '\0');
    const std::size_t size = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(),
                                                   static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size)) {
        return Status(ErrorCode::InvalidArgument,
                      std::string("dictionary training failed: ") + ZDICT_getErrorName(size));
    }
    dict.resize(size);
    if (dictId != 0 && dict.size() >= 8) {
        // Header: 4-byte magic, then the id little-endian; the entropy tables do not depend on it.
        for (int i = 0; i < 4; ++i) {
            dict[4 + static_cast<std::size_t>(i)] = static_cast<char>((dictId >> (8 * i)) & 0xFFu);
        }
    }
    return ZstdDictionary::fromBytes(std::move(dict), level);
}

Result<std::string> zstdCompress(std::string_view input, int level, const ZstdDictionary* dict)
{
    std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
    if (!cctx) {
        return Status(ErrorCode::ResourceExhausted, "zstd: out of memory");
    }
    std::size_t rc = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, level);
    if (!ZSTD_isError(rc)) {
        rc = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_contentSizeFlag, 1);
    }
    if (!ZSTD_isError(rc) && dict) {
        rc = ZSTD_CCtx_refCDict(cctx.get(), dict->impl().cdict);
    }
    if (ZSTD_isError(rc)) {
        return zstdError("zstd setup", rc);
    }
    std::string out(ZSTD_compressBound(input.size()), '\0');
    const std::size_t size = ZSTD_compress2(cctx.get(), out.data(), out.size(), input.data(), input.size());
    if (ZSTD_isError(size)) {
        return zstdError("zstd compress", size);
    }
    out.resize(size);
    return out;
}

std::uint32_t zstdFrameDictionaryId(std::string_view frame)
{
    return ZSTD_getDictID_fromFrame(frame.data(), frame.size());
}

Result<std::string> zstdDecompress(std::string_view frame, std::size_t maxOutput,
                                   const ZstdDictionaryLookup& dictionaries)
{
    const unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR) {
        return Status(ErrorCode::InvalidArgument, "not a zstd frame");
    }
    if (declared == ZSTD_CONTENTSIZE_UNKNOWN) {
        return Status(ErrorCode::InvalidArgument, "zstd frame does not declare its content size");
    }
    if (declared > maxOutput) {
        return Status(ErrorCode::ResourceExhausted, "zstd frame declares " + std::to_string(declared) +
                                                        " bytes, more than the limit of " + std::to_string(maxOutput));
    }
    const std::size_t frameSize = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
    if (ZSTD_isError(frameSize)) {
        return zstdError("zstd frame", frameSize);
    }
    if (frameSize != frame.size()) {
        return Status(ErrorCode::InvalidArgument, "trailing bytes after the zstd frame");
    }
    std::unique_ptr<ZSTD_DCtx, DCtxDeleter> dctx(ZSTD_createDCtx());
    if (!dctx) {
        return Status(ErrorCode::ResourceExhausted, "zstd: out of memory");
    }
    std::size_t rc = ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kMaxZstdWindowLog);
    if (ZSTD_isError(rc)) {
        return zstdError("zstd setup", rc);
    }
    if (const unsigned dictId = ZSTD_getDictID_fromFrame(frame.data(), frame.size()); dictId != 0) {
        const ZstdDictionary* dict = dictionaries ? dictionaries(dictId) : nullptr;
        if (!dict) {
            return Status(ErrorCode::FailedPrecondition,
                          "zstd frame needs dictionary " + std::to_string(dictId) + ", which is not known here");
        }
        rc = ZSTD_DCtx_refDDict(dctx.get(), dict->impl().ddict);
        if (ZSTD_isError(rc)) {
            return zstdError("zstd dictionary", rc);
        }
    }
    // Stream into a buffer of exactly the declared size; any byte beyond it is an error, so a frame lying
    // about its size can never make us allocate or write more than maxOutput.
    std::string out(static_cast<std::size_t>(declared), '\0');
    ZSTD_inBuffer in{frame.data(), frame.size(), 0};
    ZSTD_outBuffer dst{out.data(), out.size(), 0};
    std::array<char, 64> probe{};
    while (true) {
        const std::size_t inBefore = in.pos;
        const std::size_t outBefore = dst.pos;
        if (dst.pos < dst.size) {
            rc = ZSTD_decompressStream(dctx.get(), &dst, &in);
        } else {
            ZSTD_outBuffer extra{probe.data(), probe.size(), 0};
            rc = ZSTD_decompressStream(dctx.get(), &extra, &in);
            if (!ZSTD_isError(rc) && extra.pos > 0) {
                return Status(ErrorCode::ResourceExhausted, "zstd frame produces more than it declares");
            }
        }
        if (ZSTD_isError(rc)) {
            return zstdError("zstd decompress", rc);
        }
        if (rc == 0) {
            break;  // frame complete
        }
        if (in.pos == inBefore && dst.pos == outBefore) {
            return Status(ErrorCode::InvalidArgument, "zstd frame is truncated");
        }
    }
    if (dst.pos != out.size()) {
        return Status(ErrorCode::InvalidArgument, "zstd frame produced less than it declares");
    }
    return out;
}

}  // namespace dantoc::sync
