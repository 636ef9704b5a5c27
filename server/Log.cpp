#include "Log.h"

#include "base/Clock.h"

#include <cstdio>
#include <mutex>

namespace dantoc::server::log {

namespace {

void write(const char* level, const std::string& message, const nlohmann::json& fields)
{
    nlohmann::json line = {{"ts", SystemClock::instance().nowUnixMillis()}, {"level", level}, {"msg", message}};
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
