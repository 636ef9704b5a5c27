// Screenshots: saves what a widget shows as a PNG (under $DANTOC_SCREENSHOT_DIR, else <build>/screenshots) and
// checks it is not blank: a screen that renders nothing, or only its background, fails. Test-only; GUI thread.
#pragma once

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QWidget>

#include <doctest/doctest.h>

namespace dantoc::test::gui {

inline QString screenshotDir()
{
    QString dir = qEnvironmentVariable("DANTOC_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        dir = QStringLiteral(DANTOC_BINARY_DIR "/screenshots");
    }
    QDir().mkpath(dir);
    return dir;
}

// Distinct colours in a sample of the image: text, frames and icons give dozens; a blank pane one or two.
inline int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    const int stepX = std::max(1, image.width() / 200);
    const int stepY = std::max(1, image.height() / 200);
    for (int y = 0; y < image.height(); y += stepY) {
        for (int x = 0; x < image.width(); x += stepX) {
            colours.insert(image.pixel(x, y));
        }
    }
    return static_cast<int>(colours.size());
}

inline QString saveScreenshot(QWidget* widget, const QString& name)
{
    widget->repaint();
    const QImage image = widget->grab().toImage();
    REQUIRE(!image.isNull());
    const QString path = QDir(screenshotDir()).filePath(name + QStringLiteral(".png"));
    REQUIRE(image.save(path));
    INFO("screenshot " << path.toStdString());
    CHECK(image.width() >= 300);
    CHECK(distinctColours(image) >= 8);
    return path;
}

}  // namespace dantoc::test::gui
