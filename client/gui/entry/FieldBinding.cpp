#include "gui/entry/FieldBinding.h"

#include "gui/entry/LikelyDuplicates.h"
#include "gui/entry/PositionButton.h"

#include "gui/entry/ChoiceSearchModel.h"
#include "gui/entry/InputWidgets.h"
#include "gui/entry/RosterView.h"
#include "gui/entry/ValueText.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace dantoc::gui {

namespace {

constexpr int kMaxIssueLines = 6;
const char* const kErrorColour = "#b3261e";
const char* const kWarningColour = "#b35900";
const char* const kDuplicateColour = "#3d5a80";  // a hint, not a problem

QString qs(const std::string& text) { return QString::fromStdString(text); }

bool isEnter(QEvent* event)
{
    if (event->type() != QEvent::KeyPress) {
        return false;
    }
    const auto* key = static_cast<QKeyEvent*>(event);
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier;
}

}  // namespace

FieldBinding::FieldBinding(EntryDocument& document, const forms::FieldDef& field, QWidget* parent)
    : QObject(parent), m_document(document), m_field(field), m_choices(document.choices().forField(field))
{
    const QString path = qs(field.name);
    const forms::Language language = document.language();
    m_container = new QWidget(parent);
    m_container->setObjectName(QStringLiteral("fieldRow:") + path);
    auto* layout = new QVBoxLayout(m_container);
    layout->setContentsMargins(0, 4, 0, 8);
    layout->setSpacing(3);

    const bool required = field.required || field.requiredIf.has_value();
    auto* label = new QLabel(m_container);
    label->setObjectName(QStringLiteral("label:") + path);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setText(qs(field.label.in(language)) + (required ? QStringLiteral(" *") : QString()));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    layout->addWidget(label);
    if (!field.hint.empty()) {
        auto* hint = new QLabel(qs(field.hint.in(language)), m_container);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("color: #555;"));
        layout->addWidget(hint);
    }

    m_editors = FieldEditorFactory::create(document, field, m_container);
    layout->addWidget(m_editors.widget);
    m_issues = new QLabel(m_container);
    m_issues->setObjectName(QStringLiteral("issues:") + path);
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    m_issues->hide();
    layout->addWidget(m_issues);
    m_notesBox = new QWidget(m_container);
    m_notesBox->setObjectName(QStringLiteral("notes:") + path);
    m_notesLayout = new QVBoxLayout(m_notesBox);
    m_notesLayout->setContentsMargins(16, 0, 0, 0);
    m_notesBox->hide();
    layout->addWidget(m_notesBox);
    if (QWidget* target = focusTarget()) {
        label->setBuddy(target);
    }

    switch (field.type) {
    case forms::FieldType::Integer:
    case forms::FieldType::Decimal:
    case forms::FieldType::Date: wireLine(m_editors.line, true); break;
    case forms::FieldType::Text:
        if (m_editors.line != nullptr) {
            wireLine(m_editors.line, true);
        } else {
            connect(m_editors.text, &QPlainTextEdit::textChanged, this, [this] {
                if (!m_loading) {
                    live();
                }
            });
            connect(m_editors.text, &FieldTextEdit::focusLost, this, &FieldBinding::commit);
        }
        break;
    case forms::FieldType::Choice:
        wireLine(m_editors.line, false);
        if (m_choices != nullptr) {
            ChoiceSearchModel::attach(m_editors.line, *m_choices, [this] { commit(); });
        }
        break;
    case forms::FieldType::Boolean:
        m_editors.combo->installEventFilter(this);
        connect(m_editors.combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading) {
                commit();
            }
        });
        break;
    case forms::FieldType::Choices:
        m_editors.list->installEventFilter(this);
        connect(m_editors.list, &QListWidget::itemChanged, this, [this] {
            if (!m_loading) {
                commit();
            }
        });
        break;
    case forms::FieldType::Gps:
        wireLine(m_editors.lat, true);
        wireLine(m_editors.lon, true);
        if (m_editors.locate != nullptr) {
            connect(m_editors.locate, &PositionButton::located, this, [this](double lat, double lon) {
                forms::FieldDef number = m_field;
                number.valueType = forms::FieldType::Decimal;
                m_editors.lat->setText(ValueText::display(number, Json(lat), nullptr, m_document.language()));
                m_editors.lon->setText(ValueText::display(number, Json(lon), nullptr, m_document.language()));
                m_editors.locateMessage->hide();
                commit();
            });
            connect(m_editors.locate, &PositionButton::failed, this, [this](const QString& reason) {
                m_editors.locateMessage->setText(reason);
                m_editors.locateMessage->show();
            });
        }
        break;
    case forms::FieldType::Attachment:
        connect(m_editors.attach, &QPushButton::clicked, this, [this] { emit attachRequested(this); });
        m_editors.attach->installEventFilter(this);
        break;
    case forms::FieldType::Roster:
        connect(m_editors.roster, &RosterView::leaveForward, this, [this] { emit advance(this); });
        break;
    case forms::FieldType::Computed: break;
    }
}

void FieldBinding::wireLine(FieldLineEdit* edit, bool liveValidation)
{
    if (liveValidation) {
        connect(edit, &QLineEdit::textEdited, this, &FieldBinding::live);
    }
    connect(edit, &FieldLineEdit::focusLost, this, &FieldBinding::commit);
    connect(edit, &FieldLineEdit::enterPressed, this, [this, edit] {
        // Queued: an open completer may put its pick in the field after passing Enter on.
        QTimer::singleShot(0, this, [this, edit] {
            commit();
            if (edit == m_editors.lat) {
                m_editors.lon->setFocus(Qt::TabFocusReason);
            } else {
                emit advance(this);
            }
        });
    });
}

bool FieldBinding::eventFilter(QObject* object, QEvent* event)
{
    if (isEnter(event)) {
        requestAdvance();
        return true;
    }
    return QObject::eventFilter(object, event);
}

void FieldBinding::requestAdvance()
{
    QTimer::singleShot(0, this, [this] {
        commit();
        emit advance(this);
    });
}

QWidget* FieldBinding::focusTarget() const
{
    if (m_field.isComputed()) {
        return nullptr;
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{m_editors.line, m_editors.text, m_editors.combo,
                                                           m_editors.list, m_editors.lat, m_editors.attach,
                                                           m_editors.roster}) {
        if (widget != nullptr) {
            return widget;
        }
    }
    return nullptr;
}

bool FieldBinding::isShown() const { return !m_container->isHidden(); }

Json FieldBinding::editorValue() const
{
    switch (m_field.type) {
    case forms::FieldType::Integer:
    case forms::FieldType::Decimal:
    case forms::FieldType::Date:
    case forms::FieldType::Choice:
        return ValueText::parse(m_field, m_editors.line->text(), m_choices);
    case forms::FieldType::Text:
        return ValueText::parse(m_field,
                                m_editors.line != nullptr ? m_editors.line->text() : m_editors.text->toPlainText(),
                                nullptr);
    case forms::FieldType::Boolean: {
        const int index = m_editors.combo->currentIndex();
        return index == 1 ? Json(true) : index == 2 ? Json(false) : Json();
    }
    case forms::FieldType::Choices: {
        Json codes = Json::array();
        for (int i = 0; i < m_editors.list->count(); ++i) {
            const QListWidgetItem* item = m_editors.list->item(i);
            if (item->checkState() == Qt::Checked) {
                codes.push_back(item->data(Qt::UserRole).toString().toStdString());
            }
        }
        return codes.empty() ? Json() : codes;
    }
    case forms::FieldType::Gps: {
        forms::FieldDef number = m_field;
        number.valueType = forms::FieldType::Decimal;
        const Json lat = ValueText::parse(number, m_editors.lat->text(), nullptr);
        const Json lon = ValueText::parse(number, m_editors.lon->text(), nullptr);
        if (lat.is_null() && lon.is_null()) {
            return nullptr;
        }
        Json value = m_committed.is_object() ? m_committed : Json::object();
        value["lat"] = lat;
        value["lon"] = lon;
        return value;
    }
    case forms::FieldType::Attachment: return m_committed;
    case forms::FieldType::Roster:
    case forms::FieldType::Computed: return nullptr;
    }
    return nullptr;
}

void FieldBinding::live()
{
    if (m_loading || m_readOnly) {
        return;
    }
    m_document.setValue(m_field.name, editorValue(), false);
}

void FieldBinding::commit()
{
    if (m_loading || m_readOnly || m_field.isRoster() || m_field.isComputed()) {
        return;
    }
    // Normalise the shown text now, never while typing: NFC and trimmed; a recognised choice shows its label.
    for (FieldLineEdit* edit : {m_editors.line, m_editors.lat, m_editors.lon}) {
        if (edit == nullptr || edit->isReadOnly()) {
            continue;
        }
        QString shown = ValueText::normalized(edit->text());
        if (m_field.type == forms::FieldType::Choice && m_choices != nullptr) {
            if (const ChoiceItem* item = ChoiceLists::findExact(*m_choices, shown)) {
                shown = item->label;
            }
        }
        if (shown != edit->text()) {
            edit->setText(shown);
        }
    }
    const Json value = editorValue();
    const bool changed = value != m_committed;
    if (changed || value != m_document.value(m_field.name)) {
        m_committed = value;
        m_document.setValue(m_field.name, value, changed);
    }
}

void FieldBinding::flush() { commit(); }

bool FieldBinding::hasUncommittedInput() const
{
    if (m_field.isRoster() || m_field.isComputed() || m_field.type == forms::FieldType::Attachment) {
        return false;
    }
    return editorValue() != m_committed;
}

void FieldBinding::setAttachment(const Json& value)
{
    m_committed = value;
    setEditorsFrom(value);
    m_document.setValue(m_field.name, value, true);
}

void FieldBinding::load()
{
    m_committed = m_document.value(m_field.name);
    setEditorsFrom(m_committed);
    refresh();
}

void FieldBinding::setEditorsFrom(const Json& value)
{
    m_loading = true;
    const forms::Language language = m_document.language();
    switch (m_field.type) {
    case forms::FieldType::Boolean:
        m_editors.combo->setCurrentIndex(value.is_boolean() ? (value.get<bool>() ? 1 : 2) : 0);
        break;
    case forms::FieldType::Choices: {
        std::set<std::string> checked;
        if (value.is_array()) {
            for (const Json& code : value) {
                if (code.is_string()) {
                    checked.insert(code.get<std::string>());
                }
            }
        }
        for (int i = 0; i < m_editors.list->count(); ++i) {
            QListWidgetItem* item = m_editors.list->item(i);
            item->setCheckState(checked.contains(item->data(Qt::UserRole).toString().toStdString()) ? Qt::Checked
                                                                                                      : Qt::Unchecked);
        }
        break;
    }
    case forms::FieldType::Gps: {
        forms::FieldDef number = m_field;
        number.valueType = forms::FieldType::Decimal;
        const Json* lat = value.is_object() ? jsonMember(value, "lat") : nullptr;
        const Json* lon = value.is_object() ? jsonMember(value, "lon") : nullptr;
        m_editors.lat->setText(lat != nullptr ? ValueText::display(number, *lat, nullptr, language) : QString());
        m_editors.lon->setText(lon != nullptr ? ValueText::display(number, *lon, nullptr, language) : QString());
        break;
    }
    case forms::FieldType::Attachment:
        m_editors.attachment->setText(value.is_object() ? ValueText::display(m_field, value, nullptr, language)
                                                        : ValueText::tr("No file attached"));
        break;
    case forms::FieldType::Text:
        if (m_editors.text != nullptr) {
            m_editors.text->setPlainText(ValueText::display(m_field, value, nullptr, language));
            break;
        }
        [[fallthrough]];
    case forms::FieldType::Integer:
    case forms::FieldType::Decimal:
    case forms::FieldType::Date:
    case forms::FieldType::Choice: m_editors.line->setText(ValueText::display(m_field, value, m_choices, language)); break;
    case forms::FieldType::Roster:
    case forms::FieldType::Computed: break;
    }
    m_loading = false;
}

void FieldBinding::refresh()
{
    const bool relevant = m_document.session().isRelevant(m_field.name);
    if (m_container->isHidden() == relevant) {
        m_container->setVisible(relevant);
    }
    if (m_field.isComputed()) {
        const QString text = ValueText::displayValue(m_document.session().value(m_field.name), m_field.valueType,
                                                     m_document.language());
        if (m_editors.line->text() != text) {
            m_editors.line->setText(text);
        }
    } else if (m_editors.rosterModel != nullptr) {
        m_editors.rosterModel->refresh();
        if (QStringList duplicates = LikelyDuplicates::describe(*m_editors.rosterModel); duplicates != m_duplicates) {
            m_duplicates = std::move(duplicates);
            showIssues(std::vector<validation::Issue>(m_shownIssues));
        }
    }
}

std::string FieldBinding::noteKey(const validation::Issue& issue)
{
    if (!issue.check.empty()) {
        return "check:" + issue.check;
    }
    const auto dot = issue.field.find('.');
    if (issue.row && !issue.rowId.empty() && dot != std::string::npos) {
        return issue.field.substr(0, dot) + "[" + issue.rowId + "]." + issue.field.substr(dot + 1);
    }
    return issue.field;
}

bool FieldBinding::needsNote(const validation::Issue& issue)
{
    return issue.severity == forms::Severity::Warning && (issue.code == "constraint" || issue.code == "check");
}

void FieldBinding::showIssues(const std::vector<validation::Issue>& issues)
{
    m_shownIssues = issues;
    QStringList lines;
    std::vector<const validation::Issue*> warnings;
    int shown = 0;
    for (const validation::Issue& issue : issues) {
        if (needsNote(issue)) {
            warnings.push_back(&issue);
        }
        if (shown == kMaxIssueLines) {
            continue;
        }
        QString text = qs(issue.message).toHtmlEscaped();
        if (issue.row && m_editors.rosterModel != nullptr) {
            const int column = m_editors.rosterModel->columnOf(issue.field);
            const QString columnLabel =
                column >= 0 ? qs(m_editors.rosterModel->column(column).label.in(m_document.language())) : QString();
            text = ValueText::tr("Row %1, %2: %3").arg(*issue.row + 1).arg(columnLabel.toHtmlEscaped(), text);
        }
        const char* colour = issue.severity == forms::Severity::Error ? kErrorColour : kWarningColour;
        lines << QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(colour), text);
        ++shown;
    }
    if (static_cast<int>(issues.size()) > shown) {
        lines << ValueText::tr("… and %n more (see the list of problems)", nullptr,
                               static_cast<int>(issues.size()) - shown);
    }
    if (m_editors.rosterModel != nullptr) {
        for (const QString& line : m_duplicates) {
            lines << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(QLatin1String(kDuplicateColour), line.toHtmlEscaped());
        }
    }
    m_issues->setText(lines.join(QStringLiteral("<br>")));
    m_issues->setVisible(!lines.isEmpty());
    rebuildNotes(warnings);
}

void FieldBinding::rebuildNotes(const std::vector<const validation::Issue*>& warnings)
{
    std::map<std::string, const validation::Issue*> wanted;
    for (const validation::Issue* issue : warnings) {
        wanted.emplace(noteKey(*issue), issue);
    }
    for (auto it = m_notes.begin(); it != m_notes.end();) {
        if (!wanted.contains(it->first)) {
            delete it->second.row.data();
            it = m_notes.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [key, issue] : wanted) {
        if (m_notes.contains(key)) {
            continue;
        }
        auto* row = new QWidget(m_notesBox);
        auto* rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(1);
        auto* label = new QLabel(ValueText::tr("Explain this warning for the reviewer: %1").arg(qs(issue->message)), row);
        label->setWordWrap(true);
        label->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kWarningColour)));
        auto* edit = new QLineEdit(row);
        edit->setObjectName(QStringLiteral("note:") + qs(key));
        edit->setPlaceholderText(ValueText::tr("Explanation (required to submit)"));
        auto existing = m_document.notes().find(key);
        if (existing != m_document.notes().end()) {
            edit->setText(qs(existing->second));
        }
        edit->setReadOnly(m_readOnly);
        connect(edit, &QLineEdit::textEdited, this,
                [this, key](const QString& text) { m_document.setNote(key, text); });
        rowLayout->addWidget(label);
        rowLayout->addWidget(edit);
        m_notesLayout->addWidget(row);
        m_notes[key] = {row, edit};
    }
    m_notesBox->setVisible(!m_notes.empty());
}

void FieldBinding::focusIssue(const validation::Issue& issue)
{
    if (needsNote(issue) || issue.code == "warning_unexplained") {
        auto it = m_notes.find(noteKey(issue));
        if (it != m_notes.end() && it->second.edit) {
            it->second.edit->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    if (m_editors.roster != nullptr) {
        const int column = m_editors.rosterModel->columnOf(issue.field);
        m_editors.roster->focusCell(issue.row ? static_cast<int>(*issue.row) : 0, std::max(column, 0));
        return;
    }
    if (QWidget* target = focusTarget()) {
        target->setFocus(Qt::OtherFocusReason);
    }
}

void FieldBinding::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (FieldLineEdit* edit : {m_editors.line, m_editors.lat, m_editors.lon}) {
        if (edit != nullptr && !m_field.isComputed()) {
            edit->setReadOnly(readOnly);
        }
    }
    if (m_editors.text != nullptr) {
        m_editors.text->setReadOnly(readOnly);
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{m_editors.combo, m_editors.list, m_editors.attach,
                                                           m_editors.addRow, m_editors.removeRow, m_editors.moveUp,
                                                           m_editors.moveDown}) {
        if (widget != nullptr) {
            widget->setEnabled(!readOnly);
        }
    }
    if (m_editors.rosterModel != nullptr) {
        m_editors.rosterModel->setReadOnly(readOnly);
    }
    for (auto& [key, note] : m_notes) {
        if (note.edit) {
            note.edit->setReadOnly(readOnly);
        }
    }
}

}  // namespace dantoc::gui
