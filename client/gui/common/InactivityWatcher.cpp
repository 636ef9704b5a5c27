#include "gui/common/InactivityWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace dantoc::gui {

InactivityWatcher::InactivityWatcher(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InactivityWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

InactivityWatcher::~InactivityWatcher()
{
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
}

void InactivityWatcher::setTimeoutMillis(int millis)
{
    m_timeout = millis;
    restart();
}

void InactivityWatcher::restart()
{
    if (m_timeout > 0) {
        m_timer.start(m_timeout);
    } else {
        m_timer.stop();
    }
}

bool InactivityWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::InputMethod:
    case QEvent::TouchBegin:
        if (m_timer.isActive()) {
            m_timer.start(m_timeout);
        }
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace dantoc::gui
