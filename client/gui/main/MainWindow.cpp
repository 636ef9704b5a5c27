#include "gui/main/MainWindow.h"

#include "core/ChangeNotifier.h"
#include "core/FormTemplateRepository.h"
#include "core/PeriodRepository.h"
#include "core/UnitRepository.h"
#include "core/review/ReviewPlace.h"
#include "core/sync/SyncProblems.h"
#include "gui/common/ErrorText.h"
#include "gui/common/StateText.h"
#include "gui/common/Translations.h"
#include "gui/entry/FormEntryWidget.h"
#include "gui/main/RecordListModel.h"
#include "gui/main/UnitTreeModel.h"
#include "gui/review/ReviewQueueWidget.h"
#include "gui/review/ReviewRecordWidget.h"
#include "gui/sync/SyncStatusWidget.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputMethod>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace dantoc::gui {

namespace {

forms::Language uiLanguage()
{
    return Translations::current() == QLatin1String("en") ? forms::Language::En : forms::Language::Vi;
}

// Whether a period id ("2025", "2026-H2", "2026-Q1") is of the form's kind of period.
bool periodFits(forms::PeriodType type, const QString& id)
{
    switch (type) {
    case forms::PeriodType::Yearly: return id.size() == 4;
    case forms::PeriodType::HalfYearly: return id.contains(QStringLiteral("-H"));
    case forms::PeriodType::Quarterly: return id.contains(QStringLiteral("-Q"));
    case forms::PeriodType::AdHoc:
    case forms::PeriodType::Survey: return true;
    }
    return true;
}

}  // namespace

MainWindow::MainWindow(client::Store& store, client::sync::SyncController* controller, QWidget* parent)
    : QMainWindow(parent), m_store(store), m_controller(controller)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("dantoc — ethnic-affairs data"));
    resize(1280, 800);
    client::EntryOptions options;
    options.language = uiLanguage();
    options.notifier = &m_store.notifier();
    m_entries = std::make_unique<client::EntryService>(m_store.connection(), options);

    // Left: the unit tree with its search.
    auto* left = new QWidget(this);
    m_unitSearch = new QLineEdit(left);
    m_unitSearch->setObjectName(QStringLiteral("unitSearch"));
    m_unitSearch->setPlaceholderText(tr("Find a unit (e.g. bat xat)"));
    m_unitSearch->setClearButtonEnabled(true);
    m_units = new UnitTreeModel(m_store.connection(), this);
    m_unitFilter = new UnitFilterProxy(this);
    m_unitFilter->setSourceModel(m_units);
    m_unitTree = new QTreeView(left);
    m_unitTree->setObjectName(QStringLiteral("unitTree"));
    m_unitTree->setModel(m_unitFilter);
    m_unitTree->setHeaderHidden(false);
    m_unitTree->setUniformRowHeights(true);
    {
        auto* layout = new QVBoxLayout(left);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_unitSearch);
        layout->addWidget(m_unitTree);
    }

    // Centre: period, record list, counts; records open in tabs beside the list.
    auto* listPage = new QWidget(this);
    m_period = new QComboBox(listPage);
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_period->setMinimumContentsLength(24);
    m_deadline = new QLabel(listPage);
    m_deadline->setObjectName(QStringLiteral("periodDeadline"));
    m_recordSearch = new QLineEdit(listPage);
    m_recordSearch->setObjectName(QStringLiteral("recordSearch"));
    m_recordSearch->setPlaceholderText(tr("Search records"));
    m_recordSearch->setClearButtonEnabled(true);
    m_records = new RecordListModel(m_store.connection(), this);
    m_recordFilter = new RecordFilterProxy(this);
    m_recordFilter->setSourceModel(m_records);
    m_recordTable = new QTableView(listPage);
    m_recordTable->setObjectName(QStringLiteral("recordTable"));
    m_recordTable->setModel(m_recordFilter);
    m_recordTable->setSortingEnabled(true);
    m_recordTable->sortByColumn(RecordListModel::UpdatedColumn, Qt::DescendingOrder);
    m_recordTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recordTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The form's title takes the room; the short columns fit their contents.
    m_recordTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recordTable->horizontalHeader()->setSectionResizeMode(RecordListModel::FormColumn, QHeaderView::Stretch);
    m_recordTable->setWordWrap(false);
    m_recordTable->setTextElideMode(Qt::ElideRight);
    m_recordTable->verticalHeader()->hide();
    m_counts = new QLabel(listPage);
    m_counts->setObjectName(QStringLiteral("recordCounts"));
    {
        auto* layout = new QVBoxLayout(listPage);
        auto* top = new QHBoxLayout;
        top->addWidget(new QLabel(tr("Reporting period"), listPage));
        top->addWidget(m_period);
        top->addWidget(m_deadline, 1);
        top->addWidget(m_recordSearch);
        layout->addLayout(top);
        layout->addWidget(m_recordTable, 1);
        layout->addWidget(m_counts);
    }
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(listPage, tr("Records"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);  // the list itself never closes
    addReviewQueueIfReviewer();

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 980});
    setCentralWidget(split);

    // Bottom: what the server refused or parked.
    auto* dock = new QDockWidget(tr("Records that need attention"), this);
    dock->setObjectName(QStringLiteral("problemsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_problems = new QListWidget(dock);
    m_problems->setObjectName(QStringLiteral("problemsList"));
    dock->setWidget(m_problems);
    m_problems->setMaximumHeight(160);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    buildActions();
    if (m_controller != nullptr) {
        m_syncStatus = new SyncStatusWidget(m_store.connection(), *m_controller, this);
        statusBar()->addPermanentWidget(m_syncStatus, 1);
        connect(m_controller, &client::sync::SyncController::finished, this, [this]() { reloadProblems(); });
    } else {
        statusBar()->showMessage(tr("Not connected to a server: data stays on this computer"));
    }

    connect(&m_store.notifier(), &client::ChangeNotifier::recordsChanged, this, &MainWindow::recordsChanged);
    connect(&m_store.notifier(), &client::ChangeNotifier::referenceDataChanged, this, [this]() {
        const QString unit = selectedUnit();
        m_units->reload();
        m_unitTree->expandToDepth(1);
        selectUnit(unit);
        reloadPeriods();
    });
    connect(m_unitSearch, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_unitFilter->setQuery(text);
        if (!text.isEmpty()) {
            m_unitTree->expandAll();
        }
    });
    connect(m_recordSearch, &QLineEdit::textChanged, m_recordFilter, &RecordFilterProxy::setQuery);
    connect(m_period, &QComboBox::currentIndexChanged, this, &MainWindow::unitSelected);
    connect(m_recordTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        openRecord(index.data(RecordListModel::IdRole).toString());
    });
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openRecord(item->data(Qt::UserRole).toString()); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    m_units->reload();
    m_unitTree->expandToDepth(1);
    reloadPeriods();
    connect(m_unitTree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::unitSelected);
    // Start where the officer works: the first commune of the scope (or the first unit).
    const QModelIndexList communes = m_units->match(m_units->index(0, 0), UnitTreeModel::LevelRole,
                                                    QStringLiteral("commune"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (!communes.isEmpty()) {
        selectUnit(communes.first().data(UnitTreeModel::CodeRole).toString());
    } else if (m_units->rowCount() > 0) {
        selectUnit(m_units->index(0, 0).data(UnitTreeModel::CodeRole).toString());
    }
    reloadProblems();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* newAction = new QAction(tr("New record…"), this);
    newAction->setObjectName(QStringLiteral("newRecordAction"));
    newAction->setShortcut(QKeySequence::New);
    connect(newAction, &QAction::triggered, this, &MainWindow::newRecord);
    auto* openAction = new QAction(tr("Open"), this);
    openAction->setObjectName(QStringLiteral("openRecordAction"));
    connect(openAction, &QAction::triggered, this, [this]() {
        const QModelIndex current = m_recordTable->currentIndex();
        if (current.isValid()) {
            openRecord(current.data(RecordListModel::IdRole).toString());
        }
    });
    auto* syncAction = new QAction(tr("Sync now"), this);
    syncAction->setObjectName(QStringLiteral("syncNowAction"));
    syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    syncAction->setEnabled(m_controller != nullptr);
    connect(syncAction, &QAction::triggered, this, [this]() {
        QGuiApplication::inputMethod()->commit();
        saveAll();
        if (m_controller != nullptr) {
            m_controller->syncNow();
        }
    });
    auto* lockAction = new QAction(tr("Lock"), this);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lockAction, &QAction::triggered, this, &MainWindow::lockRequested);
    toolbar->addAction(newAction);
    toolbar->addAction(openAction);
    toolbar->addSeparator();
    toolbar->addAction(syncAction);
    toolbar->addSeparator();
    toolbar->addAction(lockAction);

    auto* fileMenu = menuBar()->addMenu(tr("&Store"));
    fileMenu->addAction(newAction);
    fileMenu->addAction(syncAction);
    fileMenu->addAction(lockAction);
    auto* languageMenu = menuBar()->addMenu(tr("&Language"));
    for (const auto& [code, name] : {std::pair{QStringLiteral("vi"), QStringLiteral("Tiếng Việt")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        auto* action = languageMenu->addAction(name);
        action->setObjectName(QStringLiteral("language:") + code);
        action->setCheckable(true);
        action->setChecked(Translations::current() == code);
        connect(action, &QAction::triggered, this, [this, code = code]() { emit languageChangeRequested(code); });
    }
}

QString MainWindow::selectedUnit() const
{
    return m_unitTree->currentIndex().data(UnitTreeModel::CodeRole).toString();
}

void MainWindow::selectUnit(const QString& code)
{
    const QModelIndex source = m_units->indexOfCode(code);
    if (!source.isValid()) {
        return;
    }
    const QModelIndex shown = m_unitFilter->mapFromSource(source);
    m_unitTree->setCurrentIndex(shown);
    m_unitTree->scrollTo(shown);
}

void MainWindow::reloadPeriods()
{
    const QString current = m_period->currentData().toString();
    QSignalBlocker block(m_period);
    m_period->clear();
    m_period->addItem(tr("All periods"), QString());
    auto periods = client::PeriodRepository(m_store.connection()).list();
    if (periods) {
        const QDate today = QDate::currentDate();
        for (const auto& period : *periods) {
            const QString id = QString::fromStdString(period.id);
            m_period->addItem(QString::fromStdString(period.label), id);
            m_period->setItemData(m_period->count() - 1,
                                  StateText::deadline(QString::fromStdString(period.state),
                                                      QString::fromStdString(period.ends), today),
                                  Qt::ToolTipRole);
        }
    }
    const int again = m_period->findData(current);
    m_period->setCurrentIndex(again >= 0 ? again : 0);
}

void MainWindow::unitSelected()
{
    const QString unit = selectedUnit();
    const QString period = m_period->currentData().toString();
    m_deadline->setText(period.isEmpty() ? QString() : m_period->currentData(Qt::ToolTipRole).toString());
    m_records->setFilter(unit.isEmpty() ? QStringList() : m_units->subtreeCodes(unit), period);
    m_counts->setText(m_records->countsText());
}

void MainWindow::recordsChanged(const QStringList& ids)
{
    m_records->recordsChanged(ids);
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (auto* entry = qobject_cast<FormEntryWidget*>(m_tabs->widget(i)); entry && ids.contains(entry->recordId())) {
            entry->reloadIfChangedElsewhere();
        }
        if (auto* review = qobject_cast<ReviewRecordWidget*>(m_tabs->widget(i)); review && ids.contains(review->recordId())) {
            review->reloadIfChangedElsewhere();
        }
    }
    m_counts->setText(m_records->countsText());
    if (m_syncStatus != nullptr) {
        m_syncStatus->refreshCounts();
    }
}

void MainWindow::reloadProblems()
{
    m_problems->clear();
    auto problems = client::sync::readSyncProblems(m_store.connection());
    if (!problems) {
        m_problems->addItem(ErrorText::forStatus(problems.status()));
        return;
    }
    const bool english = Translations::current() == QLatin1String("en");
    for (const auto& problem : *problems) {
        const QString server = QString::fromStdString(english ? problem.messageEn : problem.messageVi);
        QString reason = ErrorText::forCode(problem.code, server);
        QString kind;
        switch (problem.kind) {
        case client::sync::SyncProblem::Kind::Rejected: kind = tr("Refused"); break;
        case client::sync::SyncProblem::Kind::Conflict: kind = tr("Conflict"); break;
        case client::sync::SyncProblem::Kind::Deferred: kind = tr("Waiting"); break;
        }
        auto unit = client::UnitRepository(m_store.connection()).get(problem.unit);
        const QString unitName = unit ? QString::fromStdString(unit->name) : QString::fromStdString(problem.unit);
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2 · %3 · %4: %5")
                                             .arg(kind, unitName, QString::fromStdString(problem.formId),
                                                  QString::fromStdString(problem.period), reason),
                                         m_problems);
        item->setData(Qt::UserRole, QString::fromStdString(problem.recordId));
        item->setToolTip(tr("Double-click to open the record and correct it."));
    }
    if (m_problems->count() == 0) {
        auto* item = new QListWidgetItem(tr("Nothing refused or waiting."), m_problems);
        item->setFlags(Qt::ItemIsEnabled);
    }
}

bool MainWindow::openRecord(const QString& recordId)
{
    if (recordId.isEmpty()) {
        return false;
    }
    for (int i = 1; i < m_tabs->count(); ++i) {
        auto* entry = qobject_cast<FormEntryWidget*>(m_tabs->widget(i));
        auto* review = qobject_cast<ReviewRecordWidget*>(m_tabs->widget(i));
        if ((entry != nullptr && entry->recordId() == recordId) ||
            (review != nullptr && review->recordId() == recordId)) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    if (m_reviewer) {
        return openReview(recordId);
    }
    auto* entry = new FormEntryWidget(m_store.connection(), *m_entries, m_tabs);
    QString error;
    if (!entry->openRecord(recordId, &error)) {
        delete entry;
        QMessageBox::warning(this, tr("Cannot open the record"), error);
        return false;
    }
    const int row = m_records->rowOfRecord(recordId);
    const QString title = row >= 0 ? m_records->data(m_records->index(row, RecordListModel::UnitColumn), Qt::DisplayRole).toString()
                                   : tr("Record");
    const int index = m_tabs->addTab(entry, title);
    m_tabs->setCurrentIndex(index);
    connect(entry, &FormEntryWidget::closeRequested, this, [this, entry]() { closeTab(m_tabs->indexOf(entry)); });
    connect(entry, &FormEntryWidget::submitted, this, [this]() {
        if (m_controller != nullptr) {
            m_controller->syncNow();
        }
    });
    return true;
}

bool MainWindow::openReview(const QString& recordId)
{
    // A reviewer reads a commune's record beside its comparison and acts on it; it never types into it.
    auto* review = new ReviewRecordWidget(m_store.connection(), *m_entries, m_tabs);
    QString error;
    if (!review->openRecord(recordId, &error)) {
        delete review;
        QMessageBox::warning(this, tr("Cannot open the record"), error);
        return false;
    }
    auto unit = client::UnitRepository(m_store.connection()).get(review->record().unit);
    const QString title = unit ? QString::fromStdString(unit->name) : tr("Record");
    const int index = m_tabs->addTab(review, title);
    m_tabs->setCurrentIndex(index);
    connect(review, &ReviewRecordWidget::acted, this, [this]() {
        if (m_controller != nullptr) {
            m_controller->syncNow();
        }
    });
    return true;
}

QString MainWindow::createRecord(const QString& formId, const QString& period)
{
    const QString unit = selectedUnit();
    client::NewDraft draft;
    draft.formId = formId.toStdString();
    draft.unit = unit.toStdString();
    draft.period = period.toStdString();
    auto created = m_entries->createDraft(draft);
    if (!created) {
        QMessageBox::warning(this, tr("Cannot create the record"), ErrorText::forStatus(created.status()) +
                                                                       QStringLiteral("\n") +
                                                                       QString::fromStdString(created.status().message()));
        return {};
    }
    const QString id = QString::fromStdString(created->id);
    m_records->reload();
    m_counts->setText(m_records->countsText());
    openRecord(id);
    return id;
}

void MainWindow::newRecord()
{
    const QString unit = selectedUnit();
    if (unit.isEmpty()) {
        QMessageBox::information(this, tr("New record"), tr("Choose a unit in the tree first."));
        return;
    }
    auto unitRow = client::UnitRepository(m_store.connection()).get(unit.toStdString());
    const std::string level = unitRow ? unitRow->level : std::string();
    // The newest version of each form made for this level of unit.
    std::map<std::string, forms::FormTemplate> newest;
    if (auto stored = client::FormTemplateRepository(m_store.connection()).list()) {
        for (const auto& form : *stored) {
            auto parsed = forms::FormTemplate::parse(form.body);
            if (parsed && parsed->unitLevel() == level) {
                auto at = newest.find(form.id);
                if (at == newest.end() || at->second.version() < parsed->version()) {
                    newest.insert_or_assign(form.id, std::move(*parsed));
                }
            }
        }
    }
    if (newest.empty()) {
        QMessageBox::information(this, tr("New record"), tr("No form is made for this kind of unit."));
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("newRecordDialog"));
    dialog.setWindowTitle(tr("New record for %1").arg(unitRow ? QString::fromStdString(unitRow->name) : unit));
    auto* formCombo = new QComboBox(&dialog);
    formCombo->setObjectName(QStringLiteral("newRecordForm"));
    for (const auto& [id, form] : newest) {
        formCombo->addItem(QString::fromStdString(form.title().in(uiLanguage())), QString::fromStdString(id));
    }
    auto* periodCombo = new QComboBox(&dialog);
    periodCombo->setObjectName(QStringLiteral("newRecordPeriod"));
    auto fillPeriods = [&]() {
        periodCombo->clear();
        const auto at = newest.find(formCombo->currentData().toString().toStdString());
        if (auto periods = client::PeriodRepository(m_store.connection()).list(); periods && at != newest.end()) {
            for (const auto& period : *periods) {
                const QString id = QString::fromStdString(period.id);
                if (period.state != "closed" && periodFits(at->second.periodType(), id)) {
                    periodCombo->addItem(QString::fromStdString(period.label), id);
                }
            }
        }
    };
    fillPeriods();
    connect(formCombo, &QComboBox::currentIndexChanged, &dialog, fillPeriods);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->setObjectName(QStringLiteral("newRecordButtons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Form"), formCombo);
    form->addRow(tr("Reporting period"), periodCombo);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || periodCombo->currentData().toString().isEmpty()) {
        return;
    }
    createRecord(formCombo->currentData().toString(), periodCombo->currentData().toString());
}

void MainWindow::saveAll()
{
    QGuiApplication::inputMethod()->commit();
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (auto* entry = qobject_cast<FormEntryWidget*>(m_tabs->widget(i)); entry && entry->hasUncommittedChanges()) {
            entry->save();
        }
    }
}

void MainWindow::closeTab(int index)
{
    if (index <= 0) {
        return;  // the record list stays
    }
    QWidget* page = m_tabs->widget(index);
    if (qobject_cast<ReviewQueueWidget*>(page) != nullptr) {
        return;  // the review queue stays too
    }
    if (auto* entry = qobject_cast<FormEntryWidget*>(page); entry && entry->hasUncommittedChanges()) {
        entry->save();
    }
    m_tabs->removeTab(index);
    page->deleteLater();
}

void MainWindow::addReviewQueueIfReviewer()
{
    // Only accounts that review (district, province) get the queue; a commune officer's would always be empty.
    const auto identity = client::review::loadIdentity(m_store.connection());
    if (!identity.isOk()) {
        return;  // not enrolled, or enrolled before the role was kept: no review rights known here
    }
    using workflow::Role;
    const Role role = identity->role;
    if (role != Role::DistrictReviewer && role != Role::ProvincialReviewer && role != Role::ProvincialAdmin) {
        return;
    }
    m_reviewer = true;
    auto* queue = new ReviewQueueWidget(m_store.connection(), m_store.notifier(), m_tabs);
    const int index = m_tabs->addTab(queue, tr("Awaiting review"));
    m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
    connect(queue, &ReviewQueueWidget::recordOpened, this, [this](const QString& id) { openRecord(id); });
}

}  // namespace dantoc::gui
