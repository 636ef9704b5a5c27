// FormEntryWidget: what the person asks for — save, submit, attach a file — and autosave on every field commit.
#include "gui/entry/EntryDocument.h"
#include "gui/entry/FieldBinding.h"
#include "gui/entry/FormEntryWidget.h"
#include "gui/entry/InputWidgets.h"
#include "gui/entry/IssueListWidget.h"
#include "gui/entry/RosterView.h"
#include "gui/entry/ValueText.h"

#include "gui/common/Banner.h"
#include "gui/common/ErrorText.h"
#include "gui/common/StateText.h"

#include "core/AttachmentStore.h"
#include "core/SubmissionRepository.h"
#include "core/Store.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMimeDatabase>
#include <QPushButton>

#include <algorithm>

namespace dantoc::gui {

bool FormEntryWidget::isEditable() const
{
    return m_document && (m_record.state == "draft" || m_record.state == "returned");
}

void FormEntryWidget::applyEditable()
{
    const bool editable = isEditable();
    m_saveButton->setEnabled(editable);
    m_submitButton->setEnabled(editable);
    m_saveAction->setEnabled(editable);
    for (FieldBinding* binding : m_bindings) {
        binding->setReadOnly(!editable);
    }
    if (m_document && !editable) {
        showMessage(tr("This form is \"%1\": it can no longer be changed here. A reviewer can return it for "
                       "correction.")
                        .arg(QString::fromStdString(m_record.state)),
                    Tone::Info);
    }
}

QString FormEntryWidget::message() const { return m_banner->isHidden() ? QString() : m_banner->text(); }

void FormEntryWidget::showMessage(const QString& text, Tone tone)
{
    showBanner(m_banner, text, tone == Tone::Error ? BannerTone::Error : BannerTone::Info);
}

void FormEntryWidget::commitAll()
{
    if (!m_document) {
        return;
    }
    // ux-lessons §1.4: the input method's preedit first, then any open cell editor, then every field.
    commitPendingInput(this);
    for (FieldBinding* binding : m_bindings) {
        if (RosterView* roster = binding->editors().roster) {
            roster->delegate().commitOpenEditor();
        }
    }
    for (FieldBinding* binding : m_bindings) {
        binding->flush();
    }
}

void FormEntryWidget::onCommitted()
{
    m_unsaved = true;
    if (!isEditable()) {
        return;
    }
    // Nothing typed is lost on a crash or a power cut: the body goes to the store on every field commit.
    if (Status status = m_service.autosave(m_record.id, m_document->values()); !status) {
        showMessage(tr("Your last change could not be written to this computer: %1").arg(ErrorText::forStatus(status)),
                    Tone::Error);
    }
}

bool FormEntryWidget::save()
{
    if (!m_document) {
        return false;
    }
    commitAll();
    if (!isEditable()) {
        return false;
    }
    auto result = m_service.save(m_record.id, m_document->values(), m_document->notes());
    if (!result) {
        showMessage(tr("The form was not saved: %1").arg(ErrorText::forStatus(result.status())), Tone::Error);
        return false;
    }
    m_record = result->record;
    m_savedIssues = result->issues;
    m_unsaved = false;
    updateHeader();
    const int errors = m_issueList->errorCount();
    showMessage(errors == 0 ? tr("Saved. It will be sent at the next synchronisation.")
                            : tr("Saved as a draft; %n error(s) must still be fixed before submitting.", nullptr, errors),
                Tone::Info);
    emit saved(recordId());
    return sendTypedReplies();
}

bool FormEntryWidget::submit()
{
    if (!save()) {
        return false;
    }
    if (!repliesComplete()) {  // a returned record goes back up only with every comment answered
        return false;
    }
    auto result = m_service.submit(m_record.id, m_document->notes());
    if (!result) {
        showMessage(tr("The form was not submitted: %1").arg(ErrorText::forStatus(result.status())), Tone::Error);
        return false;
    }
    m_savedIssues = result->issues;
    if (result->refused) {
        const int errors = static_cast<int>(std::count_if(result->issues.begin(), result->issues.end(),
                                                          [](const validation::Issue& issue) {
                                                              return issue.severity == forms::Severity::Error;
                                                          }));
        showMessage(tr("Not submitted: %n error(s) to fix. Click a problem in the list to go to it.", nullptr, errors),
                    Tone::Error);
        if (m_issueList->count() > 0) {
            m_issueList->setCurrentRow(0);
            m_issueList->setFocus(Qt::OtherFocusReason);
        }
        return false;
    }
    m_record = result->record;
    m_unsaved = false;
    updateHeader();
    applyEditable();
    showReview();  // no longer returned: the comments' marks and editors go
    showMessage(tr("Submitted for review. It reaches the reviewer at the next synchronisation."), Tone::Info);
    emit submitted(recordId());
    return true;
}

void FormEntryWidget::attach(FieldBinding* binding)
{
    if (!isEditable()) {
        return;
    }
    const QString path =
        m_fileChooser ? m_fileChooser(this)
                      : QFileDialog::getOpenFileName(this, tr("Attach a signed scan or a photo"), QString(),
                                                     tr("Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;"
                                                        "All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const QFileInfo file(path);
    if (!file.isFile()) {
        showMessage(tr("%1 is not a file that can be read.").arg(path), Tone::Error);
        return;
    }
    // The same place and value as `dantoc attachment add`: encrypted into the store, {sha256, name, size, mime}.
    client::AttachmentStore attachments(m_connection,
                                        m_connection.path().parent_path() / client::Store::kAttachmentsDir);
    auto blob = attachments.importFile(file.absoluteFilePath().toStdString());
    if (!blob) {
        showMessage(tr("The file was not attached: %1").arg(ErrorText::forStatus(blob.status())), Tone::Error);
        return;
    }
    const Json value{{"sha256", blob->sha256},
                     {"name", file.fileName().toStdString()},
                     {"size", blob->size},
                     {"mime", QMimeDatabase().mimeTypeForFile(file).name().toStdString()}};
    binding->setAttachment(value);
    showMessage(tr("Attached %1 (%2), encrypted in this computer's store.")
                    .arg(file.fileName(), ValueText::fileSize(blob->size)),
                Tone::Info);
}

bool FormEntryWidget::reloadIfChangedElsewhere()
{
    if (!m_document || hasUncommittedChanges()) {
        return false;  // what was typed here wins the screen; saving it goes through the merge as usual
    }
    auto stored = client::SubmissionRepository(m_connection).get(m_record.id);
    if (!stored) {
        return false;
    }
    // Bodies compared as JSON: a pull brings the server's serialisation of the same content (key order).
    const bool sameBody = stored->body == m_record.body ||
                          nlohmann::json::parse(stored->body, nullptr, false) ==
                              nlohmann::json::parse(m_record.body, nullptr, false);
    if (stored->state == m_record.state && sameBody) {
        m_record = std::move(*stored);  // only versions moved (the server acknowledged): nothing to show
        showReview();                   // ... but a comment or a reply may have come (a pull, the CLI)
        return false;
    }
    const int section = m_sections != nullptr ? m_sections->currentRow() : 0;
    const QString id = recordId();
    if (!openRecord(id)) {
        return false;
    }
    if (m_sections != nullptr && section >= 0 && section < m_sections->count()) {
        m_sections->setCurrentRow(section);
    }
    showMessage(tr("This record was updated (state: %1); the screen shows the new version.")
                    .arg(StateText::name(m_record.state)),
                Tone::Info);
    return true;
}

}  // namespace dantoc::gui
