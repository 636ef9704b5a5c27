#include "base/Clock.h"

#include <chrono>

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

}  // namespace dantoc
