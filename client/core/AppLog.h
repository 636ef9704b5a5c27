// AppLog: the client's application log, kept inside the encrypted store (table app_log) so that log lines, which
// may quote survey values in error messages, never reach the disk in the clear. logMessage() is the app's logging
// function; thread-safe: lines from other threads than the one that installed the log are queued to that thread
// (its event loop writes them).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace dantoc::client {

enum class LogLevel { Debug, Info, Warning, Error };

class AppLog
{
public:
    static constexpr int kMaxRows = 10000;  // oldest lines are dropped beyond this

    explicit AppLog(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    Status write(LogLevel level, std::string_view message);
    // Newest last.
    Result<std::vector<std::string>> recent(int limit = 100);

    // The process-wide sink of logMessage(); nullptr detaches. Also routes qDebug/qWarning here.
    static void install(AppLog* log);

private:
    Connection& m_connection;
    const Clock& m_clock;
    int m_writesSincePrune = 0;
};

// The app's logging function. With no store attached, warnings and errors go to stderr (never to a file) and
// the rest is dropped.
void logMessage(LogLevel level, std::string_view message);

}  // namespace dantoc::client
