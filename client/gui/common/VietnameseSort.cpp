#include "gui/common/VietnameseSort.h"

#include "text/VietnameseText.h"

#include <QStringList>

namespace dantoc::gui {

bool vietnameseLess(const QString& a, const QString& b)
{
    return text::compareVietnamese(a.toStdString(), b.toStdString()) < 0;
}

QString searchKey(const QString& text)
{
    return QString::fromStdString(text::foldForSearch(text.toStdString()));
}

bool matchesSearch(const QString& key, const QString& query)
{
    const QStringList words = searchKey(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        if (!key.contains(word)) {
            return false;
        }
    }
    return true;
}

}  // namespace dantoc::gui
