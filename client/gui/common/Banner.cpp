#include "gui/common/Banner.h"

#include <QFont>
#include <QLabel>

namespace dantoc::gui {

QLabel* makeTitleLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QFont big = label->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    label->setFont(big);
    return label;
}

QLabel* makeBannerLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showBanner(QLabel* banner, const QString& text, BannerTone tone)
{
    banner->setText(text);
    switch (tone) {
    case BannerTone::Error:
        banner->setStyleSheet(QStringLiteral("background:#fde2e1; color:#8c1d18; padding:6px; border-radius:3px;"));
        break;
    case BannerTone::Warning:
        banner->setStyleSheet(QStringLiteral("background:#fff1b8; color:#5c4400; padding:6px; border-radius:3px;"));
        break;
    case BannerTone::Info:
        banner->setStyleSheet(QStringLiteral("background:#e3f0fb; color:#0b3d66; padding:6px; border-radius:3px;"));
        break;
    }
    banner->setVisible(!text.isEmpty());
}

}  // namespace dantoc::gui
