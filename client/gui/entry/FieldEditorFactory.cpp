#include "gui/entry/FieldEditorFactory.h"

#include "gui/entry/PositionButton.h"

#include "gui/entry/InputWidgets.h"
#include "gui/entry/RosterView.h"
#include "gui/entry/ValueText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace dantoc::gui {

namespace {

QString name(const forms::FieldDef& field) { return QString::fromStdString(field.name); }

FieldLineEdit* lineEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new FieldLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(false);
    return edit;
}

QPushButton* button(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* result = new QPushButton(text, parent);
    result->setObjectName(objectName);
    result->setAutoDefault(false);
    return result;
}

}  // namespace

FieldEditors FieldEditorFactory::create(EntryDocument& document, const forms::FieldDef& field, QWidget* parent)
{
    FieldEditors editors;
    const QString path = name(field);
    const QString fieldName = QStringLiteral("field:") + path;
    switch (field.type) {
    case forms::FieldType::Integer:
    case forms::FieldType::Decimal:
        editors.line = lineEdit(fieldName, parent);
        editors.line->setValidator(new NumberValidator(field.type == forms::FieldType::Integer, editors.line));
        editors.line->setMaximumWidth(220);
        editors.widget = editors.line;
        break;
    case forms::FieldType::Text:
        if (field.maxLength && *field.maxLength > kLongText) {
            editors.text = new FieldTextEdit(parent);
            editors.text->setObjectName(fieldName);
            editors.text->setMaximumHeight(editors.text->fontMetrics().height() * 5);
            editors.widget = editors.text;
        } else {
            editors.line = lineEdit(fieldName, parent);
            editors.line->setValidator(
                new TextValidator(static_cast<qsizetype>(field.maxLength.value_or(0)), editors.line));
            editors.widget = editors.line;
        }
        break;
    case forms::FieldType::Date:
        editors.line = lineEdit(fieldName, parent);
        editors.line->setPlaceholderText(tr("dd/mm/yyyy"));
        editors.line->setMaximumWidth(220);
        editors.widget = editors.line;
        break;
    case forms::FieldType::Choice:
        editors.line = lineEdit(fieldName, parent);
        editors.line->setPlaceholderText(tr("Type to search, or press Down for the list"));
        editors.widget = editors.line;
        break;
    case forms::FieldType::Computed:
        editors.line = lineEdit(fieldName, parent);
        editors.line->setReadOnly(true);
        editors.line->setFocusPolicy(Qt::NoFocus);
        editors.line->setMaximumWidth(220);
        editors.line->setToolTip(tr("Calculated from other answers"));
        editors.widget = editors.line;
        break;
    case forms::FieldType::Boolean:
        editors.combo = new QComboBox(parent);
        editors.combo->setObjectName(fieldName);
        editors.combo->addItem(QString());
        editors.combo->addItem(ValueText::yes());
        editors.combo->addItem(ValueText::no());
        editors.combo->setMinimumWidth(120);
        editors.combo->setMaximumWidth(220);
        editors.widget = editors.combo;
        break;
    case forms::FieldType::Choices: {
        editors.list = new QListWidget(parent);
        editors.list->setObjectName(fieldName);
        if (const ChoiceList* choices = document.choices().forField(field)) {
            for (const ChoiceItem& item : *choices) {
                auto* entry = new QListWidgetItem(item.label, editors.list);
                entry->setData(Qt::UserRole, QString::fromStdString(item.code));
                entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                entry->setCheckState(Qt::Unchecked);
            }
        }
        editors.list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        const int rows = std::clamp(editors.list->count(), 1, 8);
        editors.list->setFixedHeight(editors.list->sizeHintForRow(0) * rows + 2 * editors.list->frameWidth() + 4);
        editors.widget = editors.list;
        break;
    }
    case forms::FieldType::Gps: {
        auto* box = new QWidget(parent);
        box->setObjectName(fieldName);
        auto* layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        editors.lat = lineEdit(fieldName + QStringLiteral(".lat"), box);
        editors.lon = lineEdit(fieldName + QStringLiteral(".lon"), box);
        editors.lat->setPlaceholderText(tr("Latitude, e.g. 22,60"));
        editors.lon->setPlaceholderText(tr("Longitude, e.g. 103,71"));
        for (FieldLineEdit* edit : {editors.lat, editors.lon}) {
            edit->setValidator(new NumberValidator(false, edit));
            edit->setMaximumWidth(200);
        }
        layout->addWidget(new QLabel(tr("Latitude"), box));
        layout->addWidget(editors.lat);
        layout->addWidget(new QLabel(tr("Longitude"), box));
        layout->addWidget(editors.lon);
        editors.locate = PositionButton::create(path, box);
        if (editors.locate != nullptr) {
            layout->addWidget(editors.locate);
            editors.locateMessage = new QLabel(box);
            editors.locateMessage->setObjectName(QStringLiteral("locateMessage:") + path);
            editors.locateMessage->setStyleSheet(QStringLiteral("color: #8a5a00;"));
            editors.locateMessage->hide();
            layout->addWidget(editors.locateMessage);
        }
        layout->addStretch();
        editors.widget = box;
        break;
    }
    case forms::FieldType::Attachment: {
        auto* box = new QWidget(parent);
        auto* layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        editors.attach = button(tr("Attach a scan or photo…"), QStringLiteral("attachButton:") + path, box);
        editors.attachment = new QLabel(tr("No file attached"), box);
        editors.attachment->setObjectName(fieldName);
        editors.attachment->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(editors.attach);
        layout->addWidget(editors.attachment, 1);
        editors.widget = box;
        break;
    }
    case forms::FieldType::Roster: {
        auto* box = new QWidget(parent);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        editors.rosterModel = new RosterModel(document, field, box);
        editors.roster = new RosterView(*editors.rosterModel, box);
        editors.roster->setObjectName(QStringLiteral("roster:") + path);
        auto* buttons = new QHBoxLayout;
        editors.addRow = button(tr("Add row (Insert)"), QStringLiteral("addRowButton:") + path, box);
        editors.removeRow = button(tr("Remove row (Ctrl+Delete)"), QStringLiteral("removeRowButton:") + path, box);
        editors.moveUp = button(tr("Move up (Alt+Up)"), QStringLiteral("moveUpButton:") + path, box);
        editors.moveDown = button(tr("Move down (Alt+Down)"), QStringLiteral("moveDownButton:") + path, box);
        for (QPushButton* b : {editors.addRow, editors.removeRow, editors.moveUp, editors.moveDown}) {
            b->setFocusPolicy(Qt::NoFocus);  // the table's keys do the same; Tab goes from table to next field
            buttons->addWidget(b);
        }
        buttons->addStretch();
        auto* help = new QLabel(tr("Type over a cell or press F2 to edit it; Enter goes down. Rows copied from "
                                   "Excel are pasted with Ctrl+V."),
                                box);
        help->setWordWrap(true);
        help->setStyleSheet(QStringLiteral("color: #555;"));
        layout->addWidget(editors.roster);
        layout->addLayout(buttons);
        layout->addWidget(help);
        QObject::connect(editors.addRow, &QPushButton::clicked, editors.roster, &RosterView::addRow);
        QObject::connect(editors.removeRow, &QPushButton::clicked, editors.roster, &RosterView::removeSelectedRows);
        QObject::connect(editors.moveUp, &QPushButton::clicked, editors.roster,
                         [view = editors.roster] { view->moveCurrentRow(-1); });
        QObject::connect(editors.moveDown, &QPushButton::clicked, editors.roster,
                         [view = editors.roster] { view->moveCurrentRow(1); });
        editors.widget = box;
        break;
    }
    }
    return editors;
}

}  // namespace dantoc::gui
