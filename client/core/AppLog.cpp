#include "core/AppLog.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QtGlobal>

#include <cstdio>
#include <mutex>

namespace dantoc::client {

namespace {

std::mutex g_mutex;
AppLog* g_log = nullptr;
// Lives in the thread that installed the log (the store's): lines from other threads (the sync worker's Qt network
// warnings) are queued to it, so no other thread ever writes through the store's connection, where a line could
// land inside, or wait behind, that thread's open transaction.
QObject* g_logThread = nullptr;

const char* levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "?";
}

void qtHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    LogLevel level = LogLevel::Debug;
    switch (type) {
    case QtDebugMsg:
        level = LogLevel::Debug;
        break;
    case QtInfoMsg:
        level = LogLevel::Info;
        break;
    case QtWarningMsg:
        level = LogLevel::Warning;
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        level = LogLevel::Error;
        break;
    }
    logMessage(level, message.toStdString());
}

}  // namespace

Status AppLog::write(LogLevel level, std::string_view message)
{
    auto stmt = m_connection.prepare("INSERT INTO app_log(at, level, message) VALUES(?1, ?2, ?3)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, m_clock.nowUnixMillis());
    if (status) status = stmt->bindText(2, levelName(level));
    if (status) status = stmt->bindText(3, message);
    if (status) status = stmt->execute();
    if (status && ++m_writesSincePrune >= 100) {
        m_writesSincePrune = 0;
        status = m_connection.exec("DELETE FROM app_log WHERE id <= (SELECT max(id) FROM app_log) - " +
                                   std::to_string(kMaxRows));
    }
    return status;
}

Result<std::vector<std::string>> AppLog::recent(int limit)
{
    auto stmt = m_connection.prepare(
        "SELECT level, message FROM (SELECT id, level, message FROM app_log ORDER BY id DESC LIMIT ?1) ORDER BY id");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindInt64(1, limit); !status) {
        return status;
    }
    return stmt->readAll<std::string>(
        [](const Statement& row) { return row.columnText(0) + ": " + row.columnText(1); });
}

void AppLog::install(AppLog* log)
{
    std::lock_guard lock(g_mutex);
    g_log = log;
    delete g_logThread;  // queued lines for the previous log are dropped with it
    g_logThread = log != nullptr ? new QObject() : nullptr;
    qInstallMessageHandler(log != nullptr ? &qtHandler : nullptr);
}

void logMessage(LogLevel level, std::string_view message)
{
    std::lock_guard lock(g_mutex);
    if (g_log != nullptr && g_logThread != nullptr && g_logThread->thread() != QThread::currentThread()) {
        QMetaObject::invokeMethod(
            g_logThread, [level, text = std::string(message)] { logMessage(level, text); }, Qt::QueuedConnection);
        return;
    }
    if (g_log != nullptr) {
        if (g_log->write(level, message)) {
            return;
        }
    }
    if (level == LogLevel::Warning || level == LogLevel::Error) {
        std::fprintf(stderr, "dantoc %s: %.*s\n", levelName(level), static_cast<int>(message.size()), message.data());
    }
}

}  // namespace dantoc::client
