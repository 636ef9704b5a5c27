#include "gui/entry/LikelyDuplicates.h"

#include "gui/entry/RosterModel.h"

#include "text/VietnameseText.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace dantoc::gui {
namespace {

struct Spelling
{
    QString text;
    std::vector<int> rows;  // 0-based
};

QString rowList(const std::vector<int>& rows)
{
    QStringList numbers;
    for (int row : rows) {
        numbers << QString::number(row + 1);
    }
    return numbers.join(QStringLiteral(", "));
}

}  // namespace

QStringList LikelyDuplicates::describe(const RosterModel& model)
{
    QStringList lines;
    for (int column = 0; column < model.columnCount() && lines.size() < kMaxLines; ++column) {
        if (model.column(column).type != forms::FieldType::Text) {
            continue;
        }
        // key -> the distinct spellings with that key, in row order
        std::map<std::string, std::vector<Spelling>> byKey;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString text = model.index(row, column).data(Qt::EditRole).toString().trimmed();
            if (text.isEmpty()) {
                continue;
            }
            auto& spellings = byKey[text::canonicalToneKey(text.toStdString())];
            auto same = std::find_if(spellings.begin(), spellings.end(),
                                     [&](const Spelling& s) { return s.text == text; });
            if (same == spellings.end()) {
                spellings.push_back({text, {row}});
            } else {
                same->rows.push_back(row);
            }
        }
        QString label = model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        if (label.endsWith(QStringLiteral(" *"))) {
            label.chop(2);  // the required mark
        }
        for (const auto& [key, spellings] : byKey) {
            if (spellings.size() < 2 || lines.size() >= kMaxLines) {
                continue;
            }
            QStringList parts;
            for (const Spelling& s : spellings) {
                parts << QCoreApplication::translate("dantoc::gui::LikelyDuplicates", "«%1» (row %2)")
                             .arg(s.text, rowList(s.rows));
            }
            lines << QCoreApplication::translate("dantoc::gui::LikelyDuplicates", "%1: %2 may be the same")
                         .arg(label, parts.join(QStringLiteral(" / ")));
        }
    }
    return lines;
}

}  // namespace dantoc::gui
