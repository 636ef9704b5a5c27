// AnswerCache: the last bodies of one reference list (units, forms, catalogs, periods) with their strong ETags,
// kept under the version of what they depend on (the unit generation, the catalog generation, the catalog files'
// sizes and times). A refresh where nothing changed then costs the look-up of that version instead of rebuilding,
// serialising and hashing the list (10,000 units: ~100 ms). Entries of an older version are dropped as soon as a
// newer version is seen, so a change is answered at once; the ETag is the same SHA-256 over the same body as
// before the cache, so the ETags clients hold stay valid. Thread-safe (one mutex, held only to look up or swap).
#pragma once

#include "http/ApiTypes.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dantoc::server {

class AnswerCache
{
public:
    struct Answer {
        std::string body;
        std::string etag;  // quoted SHA-256 of body
    };

    // maxBytes bounds the bodies kept (a provincial unit list is ~1.5 MB); past it the cache starts over.
    explicit AnswerCache(std::size_t maxBytes = 32u << 20) : m_maxBytes(maxBytes) {}

    // The answer kept under `key` for `version`; null when there is none.
    std::shared_ptr<const Answer> find(const std::string& version, const std::string& key) const;
    // Keeps a JSON body under (version, key) and returns it with its ETag. A version other than the current one
    // drops every answer kept so far.
    std::shared_ptr<const Answer> keep(const std::string& version, const std::string& key, std::string body);

    // The conditional GET over the cache: 304 when If-None-Match holds the kept ETag, the kept body otherwise;
    // on a miss `build` runs and a 200 JSON answer is kept (any other answer is passed on, not kept).
    ApiResponse answer(const ApiRequest& request, const std::string& version, const std::string& key,
                       const std::function<ApiResponse()>& build);

    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_maxBytes;
    std::string m_version;  // the version every kept answer belongs to
    std::size_t m_bytes = 0;
    std::unordered_map<std::string, std::shared_ptr<const Answer>> m_answers;
};

}  // namespace dantoc::server
