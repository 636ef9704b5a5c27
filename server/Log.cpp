#include "Log.h"

#include "base/Clock.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <mutex>

namespace dantoc::server::log {

namespace {

void write(const char* level, const std::string& message, const nlohmann::json& fields)
{
    nlohmann::json line = {{"ts", rfc3339Utc(SystemClock::instance().nowUnixMillis())}, {"level", level},
                           {"msg", message}};
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            line[key] = value;
        }
    }
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

}  // namespace

std::string rfc3339Utc(std::int64_t unixMillis)
{
    const std::chrono::sys_time<std::chrono::milliseconds> at{std::chrono::milliseconds(unixMillis)};
    const auto days = std::chrono::floor<std::chrono::days>(at);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{at - days};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return text;
}

std::string newRequestId()
{
    static const bool ready = sodium_init() >= 0;
    (void)ready;
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (unsigned char byte : bytes) {
        id.push_back(kHex[byte >> 4]);
        id.push_back(kHex[byte & 15]);
    }
    return id;
}

void forStatus(int status, const std::string& message, const nlohmann::json& fields)
{
    if (status >= 500) {
        error(message, fields);
    } else if (status >= 400) {
        warn(message, fields);
    } else {
        info(message, fields);
    }
}

void info(const std::string& message, const nlohmann::json& fields)
{
    write("info", message, fields);
}
void warn(const std::string& message, const nlohmann::json& fields)
{
    write("warn", message, fields);
}
void error(const std::string& message, const nlohmann::json& fields)
{
    write("error", message, fields);
}

}  // namespace dantoc::server::log
