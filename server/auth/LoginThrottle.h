// LoginThrottle: slows password guessing with exponential backoff instead of a lock anyone can trigger (issue 19,
// findings 5 and 6; SEC-AUTH-4). Failures are counted per key in the store (login_failure): per account *and*
// source address (the attacker's own pair bears the long backoff), per source address (one address guessing many
// accounts), per account from anywhere (a distributed guess; a short cap, so nobody can keep the real owner out),
// and per signed-in account for current-password checks. Keys are built from the username as typed, so an
// unknown user is throttled exactly like a known one. All tunables are in ThrottlePolicy. Thread-safe (state lives
// in the Store).
#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "store/Store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::server {

struct ThrottleRule {
    int freeFailures = 5;                        // failures within the window before any wait
    std::int64_t maxDelayMs = 15ll * 60 * 1000;  // the backoff doubles from ThrottlePolicy::baseDelayMs up to this
};

struct ThrottlePolicy {
    std::int64_t windowMs = 24ll * 3600 * 1000;  // failures older than this no longer count
    std::int64_t baseDelayMs = 1000;             // the first wait after the free failures
    ThrottleRule pair{5, 15ll * 60 * 1000};      // one account from one address
    ThrottleRule address{20, 15ll * 60 * 1000};  // one address, any account
    ThrottleRule account{50, 60ll * 1000};       // one account, any address: capped low (no lockout by others)
    ThrottleRule password{5, 15ll * 60 * 1000};  // wrong current passwords of one signed-in account
};

struct ThrottleKey {
    std::string key;
    ThrottleRule rule;
};

class LoginThrottle
{
public:
    LoginThrottle(Store& store, const Clock& clock, ThrottlePolicy policy)
        : m_store(store), m_clock(clock), m_policy(policy)
    {
    }

    // The keys of a login attempt: pair (first: what a success clears), address and account.
    std::vector<ThrottleKey> loginKeys(const std::string& username, const std::string& address) const;
    // The key of a signed-in account's current-password checks.
    std::vector<ThrottleKey> passwordKeys(const std::string& accountId) const;
    // The prefix clearLoginFailures takes to forget an account's login failures (its pair keys included).
    static std::string accountKey(const std::string& username);

    // Milliseconds until an attempt on these keys is allowed (0: now): the longest wait any key asks.
    Result<std::int64_t> waitMillis(const std::vector<ThrottleKey>& keys) const;
    // Counts one failure on every key, with its audit event, in one transaction.
    Status recordFailure(const std::vector<ThrottleKey>& keys, const AuditEvent& audit) const;

private:
    Store& m_store;
    const Clock& m_clock;
    ThrottlePolicy m_policy;
};

}  // namespace dantoc::server
