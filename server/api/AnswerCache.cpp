#include "api/AnswerCache.h"

#include "api/HandlerUtil.h"
#include "audit/AuditChain.h"

namespace dantoc::server {

namespace {

ApiResponse fromAnswer(const ApiRequest& request, const AnswerCache::Answer& kept)
{
    if (auto unchanged = notModified(request, kept.etag)) {
        return *unchanged;
    }
    ApiResponse response = ApiResponse::json(200, kept.body);
    response.headers.emplace_back("ETag", kept.etag);
    return response;
}

}  // namespace

std::shared_ptr<const AnswerCache::Answer> AnswerCache::find(const std::string& version, const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    if (version != m_version) {
        return nullptr;
    }
    auto it = m_answers.find(key);
    return it == m_answers.end() ? nullptr : it->second;
}

std::shared_ptr<const AnswerCache::Answer> AnswerCache::keep(const std::string& version, const std::string& key,
                                                             std::string body)
{
    // Hashed outside the lock: the expensive part of a miss must not hold up hits on other keys.
    std::string etag = "\"" + sha256Hex(body) + "\"";
    auto kept = std::make_shared<const Answer>(Answer{std::move(body), std::move(etag)});
    std::lock_guard lock(m_mutex);
    if (version != m_version || m_bytes + kept->body.size() > m_maxBytes) {
        m_answers.clear();
        m_bytes = 0;
        m_version = version;
    }
    auto [it, inserted] = m_answers.try_emplace(key, kept);
    if (inserted) {
        m_bytes += kept->body.size();
    }
    return it->second;
}

ApiResponse AnswerCache::answer(const ApiRequest& request, const std::string& version, const std::string& key,
                                const std::function<ApiResponse()>& build)
{
    if (auto kept = find(version, key)) {
        return fromAnswer(request, *kept);
    }
    ApiResponse built = build();
    if (built.status != 200) {
        return built;
    }
    return fromAnswer(request, *keep(version, key, std::move(built.body)));
}

std::size_t AnswerCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_answers.size();
}

}  // namespace dantoc::server
