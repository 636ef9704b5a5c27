#include "core/FormTemplateCache.h"

#include <atomic>
#include <list>
#include <map>
#include <mutex>
#include <utility>

namespace dantoc::client {
namespace {

struct Entry
{
    std::string body;  // the text it was parsed from: a replaced row is parsed again
    std::shared_ptr<const forms::FormTemplate> form;
};

struct Cache
{
    std::mutex mutex;
    std::list<std::pair<std::string, int>> recency;  // most recently used first
    std::map<std::pair<std::string, int>, std::pair<Entry, std::list<std::pair<std::string, int>>::iterator>> entries;
    std::atomic<std::uint64_t> parses{0};
};

Cache& cache()
{
    static Cache instance;
    return instance;
}

}  // namespace

Result<std::shared_ptr<const forms::FormTemplate>> FormTemplateCache::parse(const std::string& id, int version,
                                                                             const std::string& body)
{
    Cache& c = cache();
    const auto key = std::make_pair(id, version);
    {
        std::lock_guard lock(c.mutex);
        if (auto found = c.entries.find(key); found != c.entries.end() && found->second.first.body == body) {
            c.recency.splice(c.recency.begin(), c.recency, found->second.second);
            return found->second.first.form;
        }
    }
    // Parsed outside the lock: a large template must not hold up the other thread's look-ups.
    c.parses.fetch_add(1, std::memory_order_relaxed);
    auto parsed = forms::FormTemplate::parse(body);
    if (!parsed) {
        return parsed.status();
    }
    auto shared = std::make_shared<const forms::FormTemplate>(std::move(*parsed));
    std::lock_guard lock(c.mutex);
    if (auto found = c.entries.find(key); found != c.entries.end()) {
        c.recency.erase(found->second.second);
        c.entries.erase(found);
    }
    c.recency.push_front(key);
    c.entries.emplace(key, std::make_pair(Entry{body, shared}, c.recency.begin()));
    while (c.entries.size() > kMaxEntries) {
        c.entries.erase(c.recency.back());
        c.recency.pop_back();
    }
    return std::shared_ptr<const forms::FormTemplate>(shared);
}

std::uint64_t FormTemplateCache::parseCount()
{
    return cache().parses.load(std::memory_order_relaxed);
}

void FormTemplateCache::clear()
{
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    c.entries.clear();
    c.recency.clear();
}

}  // namespace dantoc::client
