#include "gui/entry/PositionButton.h"

#include <QGeoPositionInfoSource>

namespace dantoc::gui {
namespace {

PositionButton::SourceFactory& factory()
{
    static PositionButton::SourceFactory instance;
    return instance;
}

}  // namespace

PositionButton* PositionButton::create(const QString& path, QWidget* parent)
{
    QGeoPositionInfoSource* source = factory() ? factory()(nullptr) : QGeoPositionInfoSource::createDefaultSource(nullptr);
    if (source == nullptr) {
        return nullptr;
    }
    auto* button = new PositionButton(source, parent);
    button->setObjectName(QStringLiteral("locateButton:") + path);
    return button;
}

void PositionButton::setSourceFactory(SourceFactory sourceFactory)
{
    factory() = std::move(sourceFactory);
}

PositionButton::PositionButton(QGeoPositionInfoSource* source, QWidget* parent)
    : QPushButton(tr("Use my position"), parent), m_source(source)
{
    m_source->setParent(this);
    setToolTip(tr("Fills the coordinates from this computer's location source; they can still be typed."));
    connect(this, &QPushButton::clicked, this, &PositionButton::locate);
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, [this](const QGeoPositionInfo& info) {
        setEnabled(true);
        if (!info.isValid() || !info.coordinate().isValid()) {
            emit failed(tr("The location source gave no valid position: type the coordinates."));
            return;
        }
        emit located(info.coordinate().latitude(), info.coordinate().longitude());
    });
    connect(m_source, &QGeoPositionInfoSource::errorOccurred, this, [this](QGeoPositionInfoSource::Error error) {
        setEnabled(true);
        emit failed(error == QGeoPositionInfoSource::UpdateTimeoutError
                        ? tr("No position within %1 seconds: type the coordinates.").arg(kTimeoutMillis / 1000)
                        : tr("The location source is not available: type the coordinates."));
    });
}

void PositionButton::locate()
{
    setEnabled(false);  // one request at a time; the answer or the timeout enables it again
    m_source->requestUpdate(kTimeoutMillis);
}

}  // namespace dantoc::gui
