#include "auth/LoginThrottle.h"

#include <algorithm>

namespace dantoc::server {

std::string LoginThrottle::accountKey(const std::string& username)
{
    return "user:" + username;
}

std::vector<ThrottleKey> LoginThrottle::loginKeys(const std::string& username, const std::string& address) const
{
    return {{accountKey(username) + "|ip:" + address, m_policy.pair},
            {"ip:" + address, m_policy.address},
            {accountKey(username), m_policy.account}};
}

std::vector<ThrottleKey> LoginThrottle::passwordKeys(const std::string& accountId) const
{
    return {{"password:" + accountId, m_policy.password}};
}

Result<std::int64_t> LoginThrottle::waitMillis(const std::vector<ThrottleKey>& keys) const
{
    const std::int64_t now = m_clock.nowUnixMillis();
    std::int64_t wait = 0;
    for (const ThrottleKey& key : keys) {
        auto failures = m_store.loginFailuresSince(key.key, now - m_policy.windowMs);
        if (!failures) {
            return failures.status();
        }
        const int count = static_cast<int>(failures->size());
        if (count < key.rule.freeFailures) {
            continue;
        }
        // 1 s, 2 s, 4 s ... after the free failures, from the latest one, up to the rule's cap.
        const int doublings = std::min(count - key.rule.freeFailures, 30);
        const std::int64_t delay = std::min(m_policy.baseDelayMs << doublings, key.rule.maxDelayMs);
        wait = std::max(wait, failures->back() + delay - now);
    }
    return wait;
}

Status LoginThrottle::recordFailure(const std::vector<ThrottleKey>& keys, const AuditEvent& audit) const
{
    std::vector<std::string> names;
    for (const ThrottleKey& key : keys) {
        names.push_back(key.key);
    }
    return m_store.recordLoginFailure(names, m_clock.nowUnixMillis(), audit);
}

}  // namespace dantoc::server
