// ChoiceSearchModel: the items of one choice list matching what was typed, compared on the diacritic-folded keys
// (label, other names, aliases, code): "meo" finds Mông through its other name Mẹo, "thuy" finds Thủy and
// Thuỷ, "dak lak" finds Đắk Lắk. Label-prefix matches first, then the others in list order. Also attaches a
// standard QCompleter (no-focus popup, filtered on committed text only) to a line edit. GUI thread only.
#pragma once

#include "gui/entry/ChoiceLists.h"

#include <QAbstractListModel>

#include <functional>

class QCompleter;
class QLineEdit;

namespace dantoc::gui {

class ChoiceSearchModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int kCodeRole = Qt::UserRole + 1;

    ChoiceSearchModel(const ChoiceList& list, QObject* parent);

    // Filters on `query` (empty: every item).
    void setQuery(const QString& query);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    const ChoiceItem& item(int row) const { return m_list[m_rows[static_cast<std::size_t>(row)]]; }

    // A completer over a new model of `list` for `edit`: typing filters it (textEdited: never the preedit),
    // Down or F4 shows the whole list; a row picked (Enter on it, a click) is put in the field, then `picked`.
    // Enter with no row highlighted keeps exactly the typed text.
    static QCompleter* attach(QLineEdit* edit, const ChoiceList& list, std::function<void()> picked);

private:
    const ChoiceList& m_list;
    std::vector<std::size_t> m_rows;
};

}  // namespace dantoc::gui
