#include "base/Clock.h"

#include <chrono>
#include <string>

namespace dantoc {

std::int64_t SystemClock::nowUnixMillis() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SystemClock& SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

std::int64_t PinnedDateClock::nowUnixMillis() const
{
    constexpr std::int64_t kDay = 86'400'000;
    const std::int64_t now = m_base.nowUnixMillis();
    const std::int64_t timeOfDay = ((now % kDay) + kDay) % kDay;
    return m_day * kDay + timeOfDay;
}

std::optional<std::int64_t> PinnedDateClock::dayOf(const std::string& isoDate)
{
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-') {
        return std::nullopt;
    }
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (isoDate[i] < '0' || isoDate[i] > '9') {
            return std::nullopt;
        }
    }
    const int y = std::stoi(isoDate.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(isoDate.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(isoDate.substr(8, 2)));
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

}  // namespace dantoc
