#include "gui/entry/FormEntryWidget.h"

#include "gui/entry/ChoiceLists.h"
#include "gui/entry/EntryDocument.h"
#include "gui/entry/FieldBinding.h"
#include "gui/entry/InputWidgets.h"
#include "gui/entry/IssueListWidget.h"
#include "gui/entry/RosterView.h"

#include "gui/common/Banner.h"
#include "gui/common/ErrorText.h"
#include "gui/common/Translations.h"

#include "core/FormTemplateRepository.h"
#include "core/review/ReviewService.h"
#include "core/UnitRepository.h"

#include "forms/Submission.h"
#include "workflow/WorkflowTypes.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

FormEntryWidget::FormEntryWidget(client::Connection& connection, client::EntryService& service, QWidget* parent)
    : QWidget(parent),
      m_connection(connection),
      m_service(service),
      m_review(std::make_unique<client::review::ReviewService>(connection, service))
{
    setObjectName(QStringLiteral("formEntryWidget"));
    m_language = Translations::current() == QLatin1String("en") ? forms::Language::En : forms::Language::Vi;
    auto* layout = new QVBoxLayout(this);
    m_title = makeTitleLabel(this, QStringLiteral("formTitle"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("recordInfo"));
    m_info->setWordWrap(true);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_returnBanner = new QLabel(this);
    m_returnBanner->setObjectName(QStringLiteral("returnBanner"));
    m_returnBanner->setWordWrap(true);
    m_returnBanner->setTextFormat(Qt::PlainText);  // carries the reviewer's words
    m_returnBanner->setStyleSheet(
        QStringLiteral("background:#fff1d6; color:#5c3300; padding:8px; border:1px solid #e0a040; border-radius:3px;"));
    m_returnBanner->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_info);
    layout->addWidget(m_returnBanner);
    layout->addWidget(m_banner);

    auto* buttons = new QHBoxLayout;
    m_closeButton = new QPushButton(tr("Close"), this);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_saveButton = new QPushButton(tr("Save (Ctrl+S)"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Save the form; it is sent to the server at the next synchronisation"));
    m_submitButton = new QPushButton(tr("Submit for review"), this);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setToolTip(tr("Send the form up for review; all errors must be fixed first"));
    for (QPushButton* button : {m_closeButton, m_saveButton, m_submitButton}) {
        button->setAutoDefault(false);
    }
    buttons->addWidget(m_closeButton);
    buttons->addStretch();
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_submitButton);
    layout->addLayout(buttons, 0);

    m_saveAction = new QAction(tr("Save"), this);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_saveAction);
    connect(m_saveAction, &QAction::triggered, this, &FormEntryWidget::save);
    connect(m_saveButton, &QPushButton::clicked, this, &FormEntryWidget::save);
    connect(m_submitButton, &QPushButton::clicked, this, &FormEntryWidget::submit);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        commitAll();
        emit closeRequested();
    });
    auto* next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    auto* previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this, nullptr, nullptr,
                                   Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] {
        if (m_pages != nullptr) {
            showSection(std::min(m_pages->currentIndex() + 1, m_pages->count() - 1));
        }
    });
    connect(previous, &QShortcut::activated, this, [this] {
        if (m_pages != nullptr) {
            showSection(std::max(m_pages->currentIndex() - 1, 0));
        }
    });
    applyEditable();
}

FormEntryWidget::~FormEntryWidget()
{
    clearForm();
}

QString FormEntryWidget::recordId() const { return qs(m_record.id); }

bool FormEntryWidget::hasUncommittedChanges() const
{
    if (m_unsaved || hasTypedReply()) {
        return true;
    }
    for (const FieldBinding* binding : m_bindings) {
        if (binding->hasUncommittedInput()) {
            return true;
        }
    }
    return false;
}

bool FormEntryWidget::openRecord(const QString& recordId, QString* error)
{
    auto fail = [&](const QString& text) {
        if (error != nullptr) {
            *error = text;
        }
        showMessage(text, Tone::Error);
        return false;
    };
    auto record = client::SubmissionRepository(m_connection).get(recordId.toStdString());
    if (!record) {
        return fail(tr("The form could not be opened: %1").arg(ErrorText::forStatus(record.status())));
    }
    auto form = client::FormTemplateRepository(m_connection).load(record->formId, record->formVersion);
    if (!form) {
        return fail(tr("Form %1 version %2 is not in this computer's store; synchronise, then try again.")
                        .arg(qs(record->formId))
                        .arg(record->formVersion));
    }
    auto body = parseJson(record->body);
    if (!body || !body->is_object()) {
        return fail(tr("The saved answers of this form could not be read."));
    }
    forms::Submission submission;
    submission.id = record->id;
    submission.formId = record->formId;
    submission.formVersion = record->formVersion;
    submission.unit = record->unit;
    submission.period = record->period;
    submission.values = std::move(*body);
    forms::takeBodyNotes(submission.values, submission.notes);  // the explanations given before come back
    ChoiceLists choices = ChoiceLists::load(m_connection, *form, m_language);

    clearForm();
    m_record = std::move(*record);
    m_unsaved = false;
    m_banner->hide();
    m_document = std::make_unique<EntryDocument>(std::move(*form), std::move(submission), std::move(choices),
                                                 m_language);
    buildForm();
    connect(m_document.get(), &EntryDocument::validated, this, &FormEntryWidget::onValidated);
    connect(m_document.get(), &EntryDocument::committed, this, &FormEntryWidget::onCommitted);
    for (FieldBinding* binding : m_bindings) {
        binding->load();
    }
    onValidated();
    updateHeader();
    applyEditable();
    showSection(0);
    showReview();
    return true;
}

void FormEntryWidget::clearForm()
{
    m_commentBoxes.clear();  // their widgets go with m_content
    m_markedFields.clear();
    m_bindings.clear();
    m_byField.clear();
    m_pageOf.clear();
    m_scrolls.clear();
    m_shownIssues.clear();
    delete m_content;  // the widgets refer to the document: they go first
    m_content = nullptr;
    m_sections = nullptr;
    m_pages = nullptr;
    m_issueList = nullptr;
    m_issueSummary = nullptr;
    m_document.reset();
}

void FormEntryWidget::buildForm()
{
    const forms::FormTemplate& form = m_document->form();
    m_content = new QWidget(this);
    auto* contentLayout = new QHBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, m_content);
    splitter->setObjectName(QStringLiteral("entrySplitter"));
    splitter->setChildrenCollapsible(false);
    contentLayout->addWidget(splitter);

    m_sections = new QListWidget(splitter);
    m_sections->setObjectName(QStringLiteral("sectionList"));
    m_sections->setWordWrap(true);
    m_sections->setMinimumWidth(160);
    m_pages = new QStackedWidget(splitter);
    m_pages->setObjectName(QStringLiteral("sectionPages"));

    for (const forms::Section& section : form.sections()) {
        const int page = m_pages->count();
        m_sections->addItem(tr("%1. %2").arg(page + 1).arg(qs(section.title.in(m_language))));
        auto* scroll = new QScrollArea(m_pages);
        scroll->setObjectName(QStringLiteral("section:") + qs(section.id));
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto* body = new QWidget(scroll);
        auto* bodyLayout = new QVBoxLayout(body);
        bodyLayout->setContentsMargins(12, 8, 12, 8);
        auto* heading = new QLabel(qs(section.title.in(m_language)), body);
        QFont headingFont = heading->font();
        headingFont.setBold(true);
        headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
        heading->setFont(headingFont);
        bodyLayout->addWidget(heading);
        for (int index : section.fields) {
            const forms::FieldDef& def = form.fields()[static_cast<std::size_t>(index)];
            auto* binding = new FieldBinding(*m_document, def, body);
            bodyLayout->addWidget(binding->container());
            m_bindings.push_back(binding);
            m_byField[def.name] = binding;
            m_pageOf[binding] = page;
            connect(binding, &FieldBinding::advance, this, &FormEntryWidget::advanceFrom);
            connect(binding, &FieldBinding::attachRequested, this, &FormEntryWidget::attach);
        }
        bodyLayout->addStretch();
        scroll->setWidget(body);
        m_pages->addWidget(scroll);
        m_scrolls.push_back(scroll);
    }
    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_pages != nullptr && row != m_pages->currentIndex()) {
            showSection(row);
        }
    });

    auto* issuePanel = new QWidget(splitter);
    auto* issueLayout = new QVBoxLayout(issuePanel);
    issueLayout->setContentsMargins(0, 0, 0, 0);
    auto* issueTitle = new QLabel(tr("Problems to check"), issuePanel);
    QFont bold = issueTitle->font();
    bold.setBold(true);
    issueTitle->setFont(bold);
    m_issueSummary = new QLabel(issuePanel);
    m_issueSummary->setObjectName(QStringLiteral("issueSummary"));
    m_issueList = new IssueListWidget(form, m_language, issuePanel);
    m_issueList->setMinimumWidth(220);
    issueLayout->addWidget(issueTitle);
    issueLayout->addWidget(m_issueSummary);
    issueLayout->addWidget(m_issueList, 1);
    connect(m_issueList, &IssueListWidget::issueActivated, this, &FormEntryWidget::showIssue);

    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({190, 620, 300});
    auto* outer = static_cast<QVBoxLayout*>(layout());
    outer->insertWidget(outer->indexOf(m_banner) + 1, m_content, 1);
}

void FormEntryWidget::updateHeader()
{
    if (!m_document) {
        m_title->clear();
        m_info->clear();
        return;
    }
    m_title->setText(qs(m_document->form().title().in(m_language)));
    QString unit = qs(m_record.unit);
    if (auto row = client::UnitRepository(m_connection).get(m_record.unit)) {
        unit = tr("%1 (code %2)").arg(qs(row->name), unit);
    }
    QString state = qs(m_record.state);
    if (auto parsed = workflow::parseState(m_record.state)) {
        const workflow::Label label = workflow::label(*parsed);
        const std::string_view text = m_language == forms::Language::En ? label.en : label.vi;
        state = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    m_info->setText(tr("Unit: %1  ·  Reporting period: %2  ·  State: %3").arg(unit, qs(m_record.period), state));
}

void FormEntryWidget::onValidated()
{
    if (!m_document) {
        return;
    }
    for (FieldBinding* binding : m_bindings) {
        binding->refresh();
    }
    const std::vector<validation::Issue>& issues = m_document->issues();
    if (issues == m_shownIssues) {
        return;
    }
    m_shownIssues = issues;
    std::map<const FieldBinding*, std::vector<validation::Issue>> byBinding;
    for (const validation::Issue& issue : issues) {
        if (FieldBinding* binding = bindingFor(issue.field)) {
            byBinding[binding].push_back(issue);
        }
    }
    for (FieldBinding* binding : m_bindings) {
        auto it = byBinding.find(binding);
        binding->showIssues(it != byBinding.end() ? it->second : std::vector<validation::Issue>{});
    }
    m_issueList->setIssues(issues);
    m_issueSummary->setText(m_issueList->summary());
}

FieldBinding* FormEntryWidget::bindingFor(const std::string& path) const
{
    const forms::FieldDef* def = m_document ? m_document->form().field(path) : nullptr;
    if (def == nullptr) {
        return nullptr;
    }
    const std::string& top =
        def->roster >= 0 ? m_document->form().fields()[static_cast<std::size_t>(def->roster)].name : def->name;
    auto it = m_byField.find(top);
    return it != m_byField.end() ? it->second : nullptr;
}

void FormEntryWidget::showSection(int index)
{
    if (m_pages == nullptr || index < 0 || index >= m_pages->count()) {
        return;
    }
    if (index != m_pages->currentIndex()) {
        commitAll();  // navigation: nothing typed stays behind uncommitted
        m_pages->setCurrentIndex(index);
    }
    if (m_sections->currentRow() != index) {
        m_sections->setCurrentRow(index);
    }
}

void FormEntryWidget::goTo(FieldBinding* binding)
{
    auto page = m_pageOf.find(binding);
    if (page == m_pageOf.end()) {
        return;
    }
    showSection(page->second);
    m_scrolls[static_cast<std::size_t>(page->second)]->ensureWidgetVisible(binding->container());
}

void FormEntryWidget::advanceFrom(FieldBinding* binding)
{
    auto it = std::find(m_bindings.begin(), m_bindings.end(), binding);
    for (++it; it != m_bindings.end(); ++it) {
        QWidget* target = (*it)->focusTarget();
        if ((*it)->isShown() && target != nullptr && target->isEnabled()) {
            goTo(*it);
            if (auto* roster = qobject_cast<RosterView*>(target)) {
                roster->focusCell(0, 0);
            } else {
                target->setFocus(Qt::TabFocusReason);
            }
            return;
        }
    }
    m_saveButton->setFocus(Qt::TabFocusReason);
}

void FormEntryWidget::showIssue(const validation::Issue& issue)
{
    FieldBinding* binding = bindingFor(issue.field);
    if (binding == nullptr) {
        return;
    }
    goTo(binding);
    binding->focusIssue(issue);
}

void FormEntryWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && !isActiveWindow() && m_document && isEditable()) {
        commitAll();  // the person left the window: keep what is typed
    }
}

}  // namespace dantoc::gui
