#include "gui/entry/ChoiceSearchModel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>

#include <functional>

namespace dantoc::gui {

namespace {

// Opens the full list on Down / Alt+Down / F4 when the popup is closed (keyboard-first, no mouse needed).
class OpenListFilter final : public QObject
{
public:
    OpenListFilter(QLineEdit* edit, ChoiceSearchModel* model, std::function<void()> show)
        : QObject(edit), m_edit(edit), m_model(model), m_show(std::move(show))
    {
    }

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress) {
            return false;
        }
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto modifiers = key->modifiers();
        const bool open = key->key() == Qt::Key_F4 ||
                          (key->key() == Qt::Key_Down &&
                           (modifiers == Qt::NoModifier || modifiers == Qt::AltModifier));
        if (!open || m_edit->isReadOnly()) {
            return false;
        }
        m_model->setQuery({});
        m_show();
        return true;
    }

private:
    QLineEdit* m_edit;
    ChoiceSearchModel* m_model;
    std::function<void()> m_show;
};

}  // namespace

ChoiceSearchModel::ChoiceSearchModel(const ChoiceList& list, QObject* parent)
    : QAbstractListModel(parent), m_list(list)
{
    setQuery({});
}

void ChoiceSearchModel::setQuery(const QString& query)
{
    const QString key = ChoiceLists::fold(query);
    beginResetModel();
    m_rows.clear();
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < m_list.size(); ++i) {
        const ChoiceItem& item = m_list[i];
        if (key.isEmpty() || item.keys.first().startsWith(key)) {
            m_rows.push_back(i);
            continue;
        }
        for (const QString& candidate : item.keys) {
            if (candidate.contains(key)) {
                others.push_back(i);
                break;
            }
        }
    }
    m_rows.insert(m_rows.end(), others.begin(), others.end());
    endResetModel();
}

int ChoiceSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ChoiceSearchModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const ChoiceItem& choice = item(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return choice.label;
    case kCodeRole: return QString::fromStdString(choice.code);
    default: return {};
    }
}

QCompleter* ChoiceSearchModel::attach(QLineEdit* edit, const ChoiceList& list, std::function<void()> picked)
{
    // setWidget, not QLineEdit::setCompleter: the line edit would drive the completer from its own prefix rule
    // and pre-select a "most likely" row, so Enter could store something other than what is shown.
    auto* completer = new QCompleter(edit);
    auto* model = new ChoiceSearchModel(list, completer);
    completer->setModel(model);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setMaxVisibleItems(10);
    completer->setWidget(edit);
    auto show = [completer] {
        completer->complete();
        completer->popup()->setCurrentIndex({});
    };
    QObject::connect(edit, &QLineEdit::textEdited, completer, [edit, completer, model, show](const QString& text) {
        model->setQuery(text);
        if (text.trimmed().isEmpty() || model->rowCount() == 0) {
            completer->popup()->hide();
        } else if (edit->hasFocus()) {
            show();
        }
    });
    // A highlighted row is shown in the field (as QLineEdit does); a picked one is committed.
    QObject::connect(completer, qOverload<const QModelIndex&>(&QCompleter::highlighted), edit,
                     [edit](const QModelIndex& index) { edit->setText(index.data().toString()); });
    QObject::connect(completer, qOverload<const QModelIndex&>(&QCompleter::activated), edit,
                     [edit, picked](const QModelIndex& index) {
                         edit->setText(index.data().toString());
                         if (picked) {
                             picked();
                         }
                     });
    edit->installEventFilter(new OpenListFilter(edit, model, show));
    return completer;
}

}  // namespace dantoc::gui
