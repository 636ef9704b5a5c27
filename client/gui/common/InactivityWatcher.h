// InactivityWatcher: emits idle() when no key, mouse or wheel input reached the application for the configured
// time (auto-lock, issue 14 §2). An application-wide event filter that only restarts a timer; GUI thread.
#pragma once

#include <QObject>
#include <QTimer>

namespace dantoc::gui {

class InactivityWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InactivityWatcher(QObject* parent = nullptr);
    ~InactivityWatcher() override;
    // 0 disables; restarts the countdown.
    void setTimeoutMillis(int millis);
    int timeoutMillis() const { return m_timeout; }
    void restart();

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    int m_timeout = 0;
};

}  // namespace dantoc::gui
