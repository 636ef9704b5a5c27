// PositionButton: "use my position" beside a gps field's typed coordinates (issue 14 §2: GPS from Qt Positioning
// when a source exists, typed otherwise). Asks the position source once per click, with a timeout, and says
// located(lat, lon) or failed(reason in the UI language); the coordinates stay editable by hand either way.
// Only shown when a source exists (create() returns nullptr otherwise). GUI thread only.
#pragma once

#include <QPushButton>

#include <functional>

class QGeoPositionInfoSource;

namespace dantoc::gui {

class PositionButton : public QPushButton
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMillis = 30'000;
    // Makes the position source (owned by `parent`); nullptr when the machine has none.
    using SourceFactory = std::function<QGeoPositionInfoSource*(QObject* parent)>;

    // A button named `locateButton:<path>` when a source can be made, else nullptr.
    static PositionButton* create(const QString& path, QWidget* parent);
    // Replaces the platform's default source (tests replay an NMEA log); an empty function restores it.
    static void setSourceFactory(SourceFactory factory);

signals:
    void located(double latitude, double longitude);
    void failed(const QString& reason);

private:
    PositionButton(QGeoPositionInfoSource* source, QWidget* parent);
    void locate();

    QGeoPositionInfoSource* m_source;
};

}  // namespace dantoc::gui
