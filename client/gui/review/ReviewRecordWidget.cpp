// ReviewRecordWidget: the screen and what it shows — header, the values beside the comparison, changes
// highlighted. The actions, comments, history and scan are in ReviewRecordWidget+Actions.cpp.
#include "gui/review/ReviewRecordWidget.h"

#include "core/FormTemplateRepository.h"
#include "gui/common/Banner.h"
#include "gui/common/ErrorText.h"
#include "gui/common/FormTitles.h"
#include "gui/common/StateText.h"
#include "gui/common/Translations.h"
#include "gui/entry/ChoiceLists.h"
#include "gui/entry/ValueText.h"

#include <QBrush>
#include <QBuffer>
#include <QColor>
#include <QComboBox>
#include <QDate>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

const QColor kChangedBackground(0xff, 0xf1, 0xb8);  // a soft yellow that dark text reads on

}  // namespace

ReviewRecordWidget::ReviewRecordWidget(client::Connection& connection, client::EntryService& service,
                                       QWidget* parent)
    : QWidget(parent), m_connection(connection), m_service(service)
{
    setObjectName(QStringLiteral("reviewRecordWidget"));
    m_language = Translations::current() == QLatin1String("en") ? forms::Language::En : forms::Language::Vi;
    buildUi();
}

ReviewRecordWidget::~ReviewRecordWidget() = default;

void ReviewRecordWidget::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_title = makeTitleLabel(this, QStringLiteral("reviewTitle"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("reviewInfo"));
    m_info->setWordWrap(true);
    m_banner = makeBannerLabel(this, QStringLiteral("reviewBanner"));
    layout->addWidget(m_title);
    layout->addWidget(m_info);
    layout->addWidget(m_banner);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("reviewSplit"));
    split->setChildrenCollapsible(false);

    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_changes = new QLabel(left);
    m_changes->setObjectName(QStringLiteral("reviewChanges"));
    m_changes->setWordWrap(true);
    m_values = new QTreeWidget(left);
    m_values->setObjectName(QStringLiteral("reviewValues"));
    m_values->setColumnCount(3);
    m_values->setAlternatingRowColors(false);
    m_values->setUniformRowHeights(true);
    // Labels get what they need up to a share of the width (sized in fillValues); the value and the compared
    // value share the rest, so both stay in view side by side.
    m_values->header()->setStretchLastSection(false);
    m_values->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_values->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_values->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_values->setTextElideMode(Qt::ElideRight);
    m_values->viewport()->installEventFilter(this);
    m_values->setToolTip(tr("Double-click a field to comment on it in the return."));
    connect(m_values, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int) {
        const QString field = item->data(0, Qt::UserRole).toString();
        if (!field.isEmpty()) {
            addFieldComment(field);
        }
    });
    m_warnings = new QLabel(left);
    m_warnings->setObjectName(QStringLiteral("reviewWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_changes);
    leftLayout->addWidget(m_values, 1);
    leftLayout->addWidget(m_warnings);

    m_side = new QTabWidget(split);
    m_side->setObjectName(QStringLiteral("reviewSide"));

    // The actions pane: reason, field comments, the buttons the rules allow.
    auto* actions = new QWidget(m_side);
    actions->setObjectName(QStringLiteral("reviewActionsPage"));
    auto* actionLayout = new QVBoxLayout(actions);
    auto* reasonLabel = new QLabel(tr("Reason for returning (the commune sees it):"), actions);
    reasonLabel->setWordWrap(true);
    m_reason = new QPlainTextEdit(actions);
    m_reason->setObjectName(QStringLiteral("reviewReason"));
    m_reason->setPlaceholderText(tr("e.g. The number of poor households is much higher than last period."));
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(90);
    reasonLabel->setBuddy(m_reason);
    auto* notesLabel = new QLabel(tr("Comments on fields (double-click a field on the left to add one):"), actions);
    notesLabel->setWordWrap(true);
    m_notes = new QTableWidget(0, 2, actions);
    m_notes->setObjectName(QStringLiteral("reviewNotes"));
    m_notes->setHorizontalHeaderLabels({tr("Field"), tr("Comment")});
    m_notes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_notes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_notes->verticalHeader()->hide();
    m_notes->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* noteButtons = new QHBoxLayout;
    m_addNote = new QPushButton(tr("Comment on the selected field"), actions);
    m_addNote->setObjectName(QStringLiteral("addNoteButton"));
    m_removeNote = new QPushButton(tr("Remove comment"), actions);
    m_removeNote->setObjectName(QStringLiteral("removeNoteButton"));
    noteButtons->addWidget(m_addNote);
    noteButtons->addWidget(m_removeNote);
    noteButtons->addStretch();
    connect(m_addNote, &QPushButton::clicked, this, [this]() {
        const QTreeWidgetItem* item = m_values->currentItem();
        const QString field = item != nullptr ? item->data(0, Qt::UserRole).toString() : QString();
        if (field.isEmpty()) {
            showMessage(tr("Select a field on the left first."), Tone::Warning);
            return;
        }
        addFieldComment(field);
    });
    connect(m_removeNote, &QPushButton::clicked, this, [this]() {
        const int row = m_notes->currentRow();
        if (row >= 0) {
            m_notes->removeRow(row);
        }
    });
    m_actionHint = new QLabel(actions);
    m_actionHint->setObjectName(QStringLiteral("reviewActionHint"));
    m_actionHint->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_return = new QPushButton(tr("Return for correction"), actions);
    m_return->setObjectName(QStringLiteral("returnButton"));
    m_approve = new QPushButton(tr("Approve"), actions);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_forward = new QPushButton(tr("Forward"), actions);
    m_forward->setObjectName(QStringLiteral("forwardButton"));
    m_accept = new QPushButton(tr("Accept"), actions);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_reopen = new QPushButton(tr("Take back approval"), actions);
    m_reopen->setObjectName(QStringLiteral("reopenButton"));
    m_return->setToolTip(tr("Send it back to the commune with the reason and the field comments"));
    m_approve->setToolTip(tr("Approve what is shown (content version on screen)"));
    m_forward->setToolTip(tr("Send the approved record up to the next level"));
    m_accept->setToolTip(tr("Accept it at the final level: it counts in the official figures"));
    m_reopen->setToolTip(tr("Undo your approval while the record has not been forwarded yet"));
    for (QPushButton* button : {m_return, m_approve, m_reopen, m_forward, m_accept}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    connect(m_return, &QPushButton::clicked, this, &ReviewRecordWidget::returnForCorrection);
    connect(m_approve, &QPushButton::clicked, this, &ReviewRecordWidget::approve);
    connect(m_forward, &QPushButton::clicked, this, &ReviewRecordWidget::forward);
    connect(m_accept, &QPushButton::clicked, this, &ReviewRecordWidget::accept);
    connect(m_reopen, &QPushButton::clicked, this, &ReviewRecordWidget::reopen);
    actionLayout->addWidget(reasonLabel);
    actionLayout->addWidget(m_reason);
    actionLayout->addWidget(notesLabel);
    actionLayout->addWidget(m_notes, 1);
    actionLayout->addLayout(noteButtons);
    actionLayout->addWidget(m_actionHint);
    actionLayout->addLayout(buttons);
    m_side->addTab(actions, tr("Review"));

    // The scan pane: the attached signed scan or photo, decrypted into memory only.
    auto* scan = new QWidget(m_side);
    scan->setObjectName(QStringLiteral("reviewScanPage"));
    auto* scanLayout = new QVBoxLayout(scan);
    m_scanChoice = new QComboBox(scan);
    m_scanChoice->setObjectName(QStringLiteral("scanChoice"));
    m_scanNote = new QLabel(scan);
    m_scanNote->setObjectName(QStringLiteral("scanNote"));
    m_scanNote->setWordWrap(true);
    m_scanNote->setAlignment(Qt::AlignCenter);
    m_scanPages = new QStackedWidget(scan);
    m_pdf = new QPdfDocument(this);
    m_pdfView = new QPdfView(m_scanPages);
    m_pdfView->setObjectName(QStringLiteral("scanPdf"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_imageScroll = new QScrollArea(m_scanPages);
    m_image = new QLabel(m_imageScroll);
    m_image->setObjectName(QStringLiteral("scanImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_imageScroll->setWidget(m_image);
    m_imageScroll->setWidgetResizable(true);
    m_scanPages->addWidget(m_scanNote);
    m_scanPages->addWidget(m_pdfView);
    m_scanPages->addWidget(m_imageScroll);
    scanLayout->addWidget(m_scanChoice);
    scanLayout->addWidget(m_scanPages, 1);
    connect(m_scanChoice, &QComboBox::currentIndexChanged, this, &ReviewRecordWidget::showScan);
    m_side->addTab(scan, tr("Scan"));

    m_history = new QListWidget(m_side);
    m_history->setObjectName(QStringLiteral("reviewHistory"));
    m_history->setWordWrap(true);
    m_side->addTab(m_history, tr("Comments and history"));

    split->addWidget(left);
    split->addWidget(m_side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
}

QString ReviewRecordWidget::recordId() const { return qs(m_record.id); }

QString ReviewRecordWidget::message() const { return m_banner->isHidden() ? QString() : m_banner->text(); }

void ReviewRecordWidget::showMessage(const QString& text, Tone tone)
{
    showBanner(m_banner, text, tone);
}

bool ReviewRecordWidget::openRecord(const QString& recordId, QString* error)
{
    if (!load(recordId, error)) {
        return false;
    }
    showMessage({}, Tone::Info);
    showSyncProblem();
    return true;
}

bool ReviewRecordWidget::load(const QString& recordId, QString* error)
{
    auto fail = [&](const QString& text) {
        if (error != nullptr) *error = text;
        return false;
    };
    auto record = client::SubmissionRepository(m_connection).get(recordId.toStdString());
    if (!record) {
        return fail(tr("The record could not be opened: %1").arg(ErrorText::forStatus(record.status())));
    }
    auto form = client::FormTemplateRepository(m_connection).loadShared(record->formId, record->formVersion);
    if (!form) {
        return fail(tr("The form of this record is not in the store yet; synchronise first (%1).")
                        .arg(ErrorText::forStatus(form.status())));
    }
    auto item = client::review::ReviewQueue(m_connection).describe(record->id);
    if (!item) {
        return fail(ErrorText::forStatus(item.status()));
    }
    auto comparison = client::review::bestComparison(m_connection, *record);
    if (!comparison) {
        return fail(ErrorText::forStatus(comparison.status()));
    }
    m_record = std::move(*record);
    m_form = *form;
    m_item = std::move(*item);
    m_comparison = std::move(*comparison);
    m_choices = std::make_unique<ChoiceLists>(ChoiceLists::load(m_connection, *m_form, m_language));
    updateHeader();
    fillValues();
    fillWarnings();
    fillHistory();
    fillScans();
    updateActions();
    return true;
}

bool ReviewRecordWidget::reloadIfChangedElsewhere()
{
    if (m_record.id.empty()) {
        return false;
    }
    auto stored = client::SubmissionRepository(m_connection).get(m_record.id);
    if (!stored) {
        return false;  // gone (out of scope): the main window closes the tab
    }
    const bool contentChanged = stored->contentVersion != m_record.contentVersion;
    if (!contentChanged && stored->state == m_record.state && stored->level == m_record.level &&
        stored->flags == m_record.flags) {
        return false;
    }
    const std::int64_t before = m_record.contentVersion;
    if (!load(qs(m_record.id), nullptr)) {
        return false;
    }
    if (contentChanged) {
        showMessage(tr("The content changed since you opened it (version %1 → %2): the new content is shown, with "
                       "what changed highlighted. Look at it again before you act.")
                        .arg(before)
                        .arg(m_record.contentVersion),
                    Tone::Warning);
    }
    showSyncProblem();
    return true;
}

void ReviewRecordWidget::updateHeader()
{
    QString unit = m_item.unitName.empty() ? qs(m_record.unit) : qs(m_item.unitName);
    if (!m_item.communeName.empty()) {
        unit += QStringLiteral(", ") + qs(m_item.communeName);
    }
    const QString period = m_item.periodLabel.empty() ? qs(m_record.period) : qs(m_item.periodLabel);
    m_title->setText(QStringLiteral("%1 — %2").arg(unit, qs(m_form->title().in(m_language))));
    QString info = tr("%1 · state: %2 · content version %3")
                       .arg(period, StateText::name(m_record.state))
                       .arg(m_record.contentVersion);
    if (!m_item.deadline.empty()) {
        const QDate deadline = QDate::fromString(qs(m_item.deadline), Qt::ISODate);
        info += QStringLiteral(" · ") + (m_item.overdue ? tr("overdue since %1") : tr("due %1"))
                                            .arg(deadline.toString(QStringLiteral("dd/MM/yyyy")));
    }
    m_info->setText(info);
}

QString ReviewRecordWidget::fieldLabel(const std::string& path) const
{
    const forms::FieldDef* field = m_form ? m_form->field(path) : nullptr;
    return field != nullptr ? qs(field->label.in(m_language)) : qs(path);
}

QTreeWidgetItem* ReviewRecordWidget::addValueRow(QTreeWidgetItem* parent, const forms::FieldDef& field,
                                                 const Json& now, const Json& before, bool changed)
{
    const ChoiceList* choices = m_choices ? m_choices->forField(field) : nullptr;
    auto* item = new QTreeWidgetItem(parent);
    item->setText(0, qs(field.label.in(m_language)));
    item->setText(1, now.is_null() ? QString() : ValueText::display(field, now, choices, m_language));
    item->setText(2, before.is_null() ? QString() : ValueText::display(field, before, choices, m_language));
    for (int column = 0; column < 3; ++column) {
        item->setToolTip(column, item->text(column));  // the whole text where the column is narrow
    }
    item->setData(0, Qt::UserRole, qs(field.name));
    if (changed) {
        for (int column = 0; column < 3; ++column) {
            item->setBackground(column, QBrush(kChangedBackground));
        }
        QFont bold = item->font(1);
        bold.setBold(true);
        item->setFont(1, bold);
        item->setToolTip(1, tr("Changed"));
    }
    return item;
}

void ReviewRecordWidget::fillValues()
{
    using Basis = client::review::Comparison::Basis;
    m_values->clear();
    QString compared;
    switch (m_comparison.basis) {
    case Basis::SinceReturn: compared = tr("When returned (v%1)").arg(m_comparison.otherContentVersion); break;
    case Basis::PreviousPeriod: compared = tr("Previous period (%1)").arg(qs(m_comparison.otherPeriod)); break;
    case Basis::None: compared = tr("Compared with"); break;
    }
    m_values->setHeaderLabels({tr("Field"), tr("This record"), compared});
    m_values->setColumnHidden(2, m_comparison.empty());

    const int changes = static_cast<int>(m_comparison.changes.size());
    switch (m_comparison.basis) {
    case Basis::SinceReturn:
        m_changes->setText(changes == 0 ? tr("Nothing changed since it was returned.")
                                        : tr("%n field(s) changed since it was returned (highlighted).", nullptr,
                                             changes));
        break;
    case Basis::PreviousPeriod:
        m_changes->setText(tr("%n difference(s) from the previous period (highlighted).", nullptr, changes));
        break;
    case Basis::None:
        m_changes->setText(tr("No earlier report of this unit and form in the store to compare with."));
        break;
    }

    // A path is changed when a difference names it or lies inside it ("households[h3]" inside "households").
    auto changedAt = [this](const std::string& path) {
        for (const auto& change : m_comparison.changes) {
            if (change.path == path || change.path.rfind(path + "[", 0) == 0 || change.path.rfind(path + ".", 0) == 0 ||
                path.rfind(change.path + ".", 0) == 0) {
                return true;
            }
        }
        return false;
    };
    const Json body = Json::parse(m_record.body, nullptr, false);
    const Json empty = Json::object();
    const Json& now = body.is_object() ? body : empty;
    const Json& other = m_comparison.other.is_object() ? m_comparison.other : empty;
    auto valueIn = [](const Json& object, const std::string& key) -> Json {
        const auto found = object.find(key);
        return found == object.end() ? Json() : *found;
    };
    const auto& fields = m_form->fields();
    for (const forms::Section& section : m_form->sections()) {
        auto* sectionItem = new QTreeWidgetItem(m_values);
        sectionItem->setText(0, qs(section.title.in(m_language)));
        QFont bold = sectionItem->font(0);
        bold.setBold(true);
        sectionItem->setFont(0, bold);
        sectionItem->setFirstColumnSpanned(true);
        for (int index : section.fields) {
            const forms::FieldDef& field = fields[static_cast<std::size_t>(index)];
            if (!field.isRoster()) {
                addValueRow(sectionItem, field, valueIn(now, field.name), valueIn(other, field.name),
                            !m_comparison.empty() && changedAt(field.name));
                continue;
            }
            // A roster: one item per row (by row id, so rows compare with the same row), its columns below.
            const Json rows = valueIn(now, field.name);
            const Json otherRows = valueIn(other, field.name);
            auto* rosterItem = new QTreeWidgetItem(sectionItem);
            rosterItem->setText(0, qs(field.label.in(m_language)));
            rosterItem->setData(0, Qt::UserRole, qs(field.name));
            rosterItem->setText(1, tr("%n row(s)", nullptr, rows.is_array() ? static_cast<int>(rows.size()) : 0));
            rosterItem->setText(2, otherRows.is_array() ? tr("%n row(s)", nullptr, static_cast<int>(otherRows.size()))
                                                        : QString());
            if (!m_comparison.empty() && changedAt(field.name)) {
                rosterItem->setBackground(0, QBrush(kChangedBackground));
            }
            std::map<std::string, Json> otherById;
            if (otherRows.is_array()) {
                for (const Json& row : otherRows) {
                    if (row.is_object() && row.contains("_id") && row["_id"].is_string()) {
                        otherById[row["_id"].get<std::string>()] = row;
                    }
                }
            }
            int number = 0;
            auto addRow = [&](const Json& row, const Json& otherRow, const QString& prefix) {
                const std::string rowId = row.value("_id", otherRow.value("_id", std::string()));
                const std::string rowPath = field.name + "[" + rowId + "]";
                auto* rowItem = new QTreeWidgetItem(rosterItem);
                rowItem->setText(0, prefix);
                rowItem->setData(0, Qt::UserRole, qs(field.name));
                const bool rowChanged = !m_comparison.empty() && changedAt(rowPath);
                if (rowChanged) {
                    rowItem->setBackground(0, QBrush(kChangedBackground));
                }
                for (int columnIndex : field.columns) {
                    const forms::FieldDef& column = fields[static_cast<std::size_t>(columnIndex)];
                    const std::string columnPath = rowPath + "." + column.column;
                    auto* cell = addValueRow(rowItem, column, valueIn(row, column.column),
                                             valueIn(otherRow, column.column),
                                             !m_comparison.empty() && changedAt(columnPath));
                    cell->setData(0, Qt::UserRole, qs(field.name));
                }
            };
            if (rows.is_array()) {
                for (const Json& row : rows) {
                    if (!row.is_object()) continue;
                    const std::string rowId = row.value("_id", std::string());
                    const auto before = otherById.find(rowId);
                    const Json otherRow = before == otherById.end() ? Json::object() : before->second;
                    if (before != otherById.end()) otherById.erase(before);
                    addRow(row, otherRow, tr("Row %1").arg(++number));
                }
            }
            for (const auto& [rowId, gone] : otherById) {
                addRow(Json::object({{"_id", rowId}}), gone, tr("Row removed"));
            }
        }
    }
    m_values->expandAll();
    fitLabelColumn();
}

void ReviewRecordWidget::fitLabelColumn()
{
    m_values->resizeColumnToContents(0);
    const int share = m_values->isColumnHidden(2) ? 70 : 45;
    const int labelRoom = std::max(200, m_values->viewport()->width() * share / 100);
    m_values->setColumnWidth(0, std::min(m_values->columnWidth(0), labelRoom));
}

bool ReviewRecordWidget::eventFilter(QObject* watched, QEvent* event)
{
    // The tree's own size is known only once the splitter has laid it out, after this widget's resize.
    if (watched == m_values->viewport() && event->type() == QEvent::Resize && m_form) {
        fitLabelColumn();
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace dantoc::gui
