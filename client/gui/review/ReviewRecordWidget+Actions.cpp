// ReviewRecordWidget: what the reviewer does — approve, return with a reason and field comments, forward,
// accept — and what it reads beside the values: comments and history, the scan, the server's refusals.
#include "gui/review/ReviewRecordWidget.h"

#include "forms/Submission.h"
#include "gui/entry/FieldBinding.h"

#include "core/AttachmentStore.h"
#include "core/Store.h"
#include "core/review/ReviewService.h"
#include "core/sync/SyncProblems.h"
#include "gui/common/ErrorText.h"
#include "gui/common/Translations.h"

#include <QBuffer>
#include <QColor>
#include <QComboBox>
#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QInputMethod>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>

#include <algorithm>

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString when(std::int64_t unixMillis)
{
    return QDateTime::fromMSecsSinceEpoch(unixMillis).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

bool english() { return Translations::current() == QLatin1String("en"); }

// A refusal of the core's review rules reads "<code>: <vi> / <en>": the sentence in the UI language.
QString refusalText(const Status& status)
{
    const QString message = qs(status.message());
    const qsizetype colon = message.indexOf(QStringLiteral(": "));
    const qsizetype slash = message.lastIndexOf(QStringLiteral(" / "));
    if (status.code() == ErrorCode::FailedPrecondition && colon > 0 && slash > colon) {
        return english() ? message.mid(slash + 3) : message.mid(colon + 2, slash - colon - 2);
    }
    if (slash > 0 && status.code() == ErrorCode::InvalidArgument) {
        return english() ? message.mid(slash + 3) : message.left(slash);
    }
    return ErrorText::forStatus(status) + QStringLiteral(" (") + message + QStringLiteral(")");
}

QString noteEditName(const QString& field) { return QStringLiteral("noteEdit_") + field; }

}  // namespace

// What an entry of this store's trail says, in words (the trail keeps action names).
QString ReviewRecordWidget::eventText(const std::string& action)
{
    if (action == "create_draft") return tr("draft created");
    if (action == "save") return tr("saved");
    if (action == "submit") return tr("submitted for review");
    if (action == "resubmit") return tr("submitted again after correction");
    if (action == "return") return tr("returned for correction");
    if (action == "approve") return tr("approved");
    if (action == "forward") return tr("forwarded to the next level");
    if (action == "accept") return tr("accepted");
    if (action == "reopen") return tr("approval taken back");
    if (action == "comment") return tr("comment or reply written");
    return qs(action);
}

bool ReviewRecordWidget::addFieldComment(const QString& field)
{
    if (!m_form || m_form->field(field.toStdString()) == nullptr) {
        return false;
    }
    for (int row = 0; row < m_notes->rowCount(); ++row) {
        if (m_notes->item(row, 0)->data(Qt::UserRole).toString() == field) {
            m_notes->setCurrentCell(row, 1);
            m_notes->cellWidget(row, 1)->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    const int row = m_notes->rowCount();
    m_notes->insertRow(row);
    auto* label = new QTableWidgetItem(fieldLabel(field.toStdString()));
    label->setData(Qt::UserRole, field);
    label->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_notes->setItem(row, 0, label);
    // A line edit per comment rather than a delegate: an input method's preedit stays in a real editor.
    auto* edit = new QLineEdit(m_notes);
    edit->setObjectName(noteEditName(field));
    edit->setPlaceholderText(tr("What should the commune check or correct?"));
    m_notes->setCellWidget(row, 1, edit);
    m_notes->setCurrentCell(row, 1);
    m_side->setCurrentIndex(0);
    edit->setFocus(Qt::OtherFocusReason);
    return true;
}

bool ReviewRecordWidget::approve() { return act(workflow::Action::Approve); }
bool ReviewRecordWidget::returnForCorrection() { return act(workflow::Action::Return); }
bool ReviewRecordWidget::forward() { return act(workflow::Action::Forward); }
bool ReviewRecordWidget::accept() { return act(workflow::Action::Accept); }
bool ReviewRecordWidget::reopen() { return act(workflow::Action::Reopen); }

bool ReviewRecordWidget::act(workflow::Action action)
{
    if (m_record.id.empty()) {
        return false;
    }
    QGuiApplication::inputMethod()->commit();  // ux-lessons §1.4: what the input method still holds counts
    client::review::ReviewRequest request;
    request.recordId = m_record.id;
    request.action = action;
    request.seenContentVersion = m_record.contentVersion;
    if (action == workflow::Action::Return) {
        request.reason = m_reason->toPlainText().trimmed().toStdString();
        if (request.reason.empty()) {
            showMessage(tr("Write the reason for returning it: the commune sees it first."), Tone::Error);
            m_side->setCurrentIndex(0);
            m_reason->setFocus(Qt::OtherFocusReason);
            return false;
        }
        for (int row = 0; row < m_notes->rowCount(); ++row) {
            const QString field = m_notes->item(row, 0)->data(Qt::UserRole).toString();
            auto* edit = qobject_cast<QLineEdit*>(m_notes->cellWidget(row, 1));
            const QString text = edit != nullptr ? edit->text().trimmed() : QString();
            if (text.isEmpty()) {
                showMessage(tr("The comment on \"%1\" is empty: write it or remove it.")
                                .arg(fieldLabel(field.toStdString())),
                            Tone::Error);
                if (edit != nullptr) edit->setFocus(Qt::OtherFocusReason);
                return false;
            }
            request.fieldNotes.push_back({field.toStdString(), text.toStdString()});
        }
    } else if (m_notes->rowCount() > 0 || !m_reason->toPlainText().trimmed().isEmpty()) {
        showMessage(tr("Comments go with a return. Remove them, or return the record instead."), Tone::Error);
        return false;
    }

    client::review::ReviewService service(m_connection, m_service);
    auto result = service.act(request);
    if (!result) {
        if (result.status().message().rfind("stale_review", 0) == 0) {
            const std::int64_t seen = m_record.contentVersion;
            load(qs(m_record.id), nullptr);
            showMessage(tr("Not done: the content changed since you opened it (version %1 → %2). The new content "
                           "is shown, with what changed highlighted; look at it again before you act.")
                            .arg(seen)
                            .arg(m_record.contentVersion),
                        Tone::Warning);
            return false;
        }
        showMessage(tr("Not done: %1").arg(refusalText(result.status())), Tone::Error);
        return false;
    }
    QString done;
    switch (action) {
    case workflow::Action::Return:
        done = tr("Returned to the commune with %n field comment(s); it is sent at the next synchronisation.",
                  nullptr, static_cast<int>(request.fieldNotes.size()));
        break;
    case workflow::Action::Approve: done = tr("Approved; it is sent at the next synchronisation."); break;
    case workflow::Action::Forward: done = tr("Forwarded; it is sent at the next synchronisation."); break;
    case workflow::Action::Accept: done = tr("Accepted; it is sent at the next synchronisation."); break;
    default: break;
    }
    m_reason->clear();
    m_notes->setRowCount(0);
    load(qs(m_record.id), nullptr);
    showMessage(done, Tone::Info);
    emit acted(qs(m_record.id), qs(std::string(workflow::toName(action))));
    return true;
}

void ReviewRecordWidget::updateActions()
{
    using workflow::Action;
    auto allowed = [this](Action action) {
        return std::find(m_item.actions.begin(), m_item.actions.end(), action) != m_item.actions.end();
    };
    m_return->setEnabled(allowed(Action::Return));
    m_approve->setEnabled(allowed(Action::Approve));
    m_forward->setEnabled(allowed(Action::Forward));
    m_accept->setEnabled(allowed(Action::Accept));
    m_reopen->setEnabled(allowed(Action::Reopen));
    // Only the buttons of this level's chain are shown: a final level accepts, the others approve and forward.
    m_accept->setVisible(m_item.finalLevel);
    m_approve->setVisible(!m_item.finalLevel);
    m_forward->setVisible(!m_item.finalLevel);
    m_reopen->setVisible(!m_item.finalLevel);
    const bool canReturn = allowed(Action::Return);
    m_reason->setEnabled(canReturn);
    m_notes->setEnabled(canReturn);
    m_addNote->setEnabled(canReturn);
    m_removeNote->setEnabled(canReturn);
    m_actionHint->setText(m_item.actions.empty()
                              ? tr("Nothing for you to do on this record now.")
                              : tr("Your action covers content version %1, as shown.").arg(m_record.contentVersion));
}

void ReviewRecordWidget::fillHistory()
{
    m_history->clear();
    auto history = client::review::ReviewService(m_connection, m_service).history(m_record.id);
    if (!history) {
        m_history->addItem(ErrorText::forStatus(history.status()));
        return;
    }
    for (const client::ReviewComment& comment : history->comments) {
        const QString about = comment.field.empty() ? tr("Reason") : fieldLabel(comment.field);
        QString text = QStringLiteral("%1 — %2 · %3: %4")
                           .arg(when(comment.createdAt), qs(comment.author), about, qs(comment.text));
        if (comment.reply) {
            text += QStringLiteral("\n    ↳ ") + tr("Reply: %1").arg(qs(*comment.reply));
        }
        auto* item = new QListWidgetItem(text, m_history);
        item->setData(Qt::UserRole, qs(comment.field));
    }
    for (const client::AuditEntry& event : history->localEvents) {
        const QString actor = event.actor == "local" ? tr("this computer") : qs(event.actor);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 — %2 · %3").arg(when(event.at), actor, eventText(event.action)), m_history);
        item->setToolTip(qs(event.detail));  // the technical trail (op sequence, content version)
        item->setForeground(QColor(0x55, 0x55, 0x55));
    }
    if (m_history->count() == 0) {
        m_history->addItem(tr("No comments or history yet."));
    }
}

void ReviewRecordWidget::fillScans()
{
    m_scans.clear();
    m_scanChoice->blockSignals(true);
    m_scanChoice->clear();
    const Json body = Json::parse(m_record.body, nullptr, false);
    if (body.is_object() && m_form) {
        for (int index : m_form->topLevelFields()) {
            const forms::FieldDef& field = m_form->fields()[static_cast<std::size_t>(index)];
            const auto value = body.find(field.name);
            if (field.type != forms::FieldType::Attachment || value == body.end() || !value->is_object() ||
                !value->contains("sha256")) {
                continue;
            }
            m_scans.push_back(*value);
            m_scanChoice->addItem(
                QStringLiteral("%1: %2").arg(qs(field.label.in(m_language)), qs(value->value("name", std::string()))));
        }
    }
    m_scanChoice->blockSignals(false);
    m_scanChoice->setVisible(m_scans.size() > 1);
    m_side->setTabText(1, m_scans.empty() ? tr("Scan") : tr("Scan (%1)").arg(m_scans.size()));
    showScan(m_scans.empty() ? -1 : 0);
}

void ReviewRecordWidget::showScan(int index)
{
    m_pdf->close();
    delete m_pdfBuffer;
    m_pdfBuffer = nullptr;
    m_scanBytes.clear();
    m_image->clear();
    if (index < 0 || index >= static_cast<int>(m_scans.size())) {
        m_scanNote->setText(tr("No signed scan or photo is attached to this record."));
        m_scanPages->setCurrentWidget(m_scanNote);
        return;
    }
    const Json& scan = m_scans[static_cast<std::size_t>(index)];
    client::AttachmentStore attachments(m_connection, m_connection.path().parent_path() / client::Store::kAttachmentsDir);
    auto bytes = attachments.readAll(scan.value("sha256", std::string()));
    if (!bytes) {
        m_scanNote->setText(bytes.status().code() == ErrorCode::NotFound
                                ? tr("The scan \"%1\" is not on this computer yet: it is fetched at the next "
                                     "synchronisation.")
                                      .arg(qs(scan.value("name", std::string())))
                                : tr("The scan could not be read: %1").arg(ErrorText::forStatus(bytes.status())));
        m_scanPages->setCurrentWidget(m_scanNote);
        return;
    }
    m_scanBytes = QByteArray(bytes->data(), static_cast<qsizetype>(bytes->size()));
    const std::string mime = scan.value("mime", std::string());
    const bool pdf = mime == "application/pdf" || m_scanBytes.startsWith("%PDF");
    if (pdf) {
        m_pdfBuffer = new QBuffer(&m_scanBytes, this);
        m_pdfBuffer->open(QIODevice::ReadOnly);
        m_pdf->load(m_pdfBuffer);
        if (m_pdf->status() == QPdfDocument::Status::Error) {
            m_scanNote->setText(tr("The PDF could not be shown (damaged or protected)."));
            m_scanPages->setCurrentWidget(m_scanNote);
            return;
        }
        m_scanPages->setCurrentWidget(m_pdfView);
        return;
    }
    const QImage image = QImage::fromData(m_scanBytes);
    if (image.isNull()) {
        m_scanNote->setText(tr("This file cannot be shown here (%1).").arg(qs(mime)));
        m_scanPages->setCurrentWidget(m_scanNote);
        return;
    }
    m_image->setPixmap(QPixmap::fromImage(image.width() > 1400 ? image.scaledToWidth(1400, Qt::SmoothTransformation)
                                                               : image));
    m_scanPages->setCurrentWidget(m_imageScroll);
}

void ReviewRecordWidget::showSyncProblem()
{
    auto problems = client::sync::readSyncProblems(m_connection);
    if (!problems) {
        return;
    }
    for (const auto& problem : *problems) {
        if (problem.recordId != m_record.id || problem.kind != client::sync::SyncProblem::Kind::Rejected) {
            continue;
        }
        const QString server = qs(english() ? problem.messageEn : problem.messageVi);
        showMessage(tr("The server refused your last action on this record: %1 The record as the server holds it "
                       "now is shown.")
                        .arg(ErrorText::forCode(problem.code, server)),
                    Tone::Error);
        return;
    }
}

void ReviewRecordWidget::fillWarnings()
{
    auto issues = m_service.validate(m_record.id);
    QStringList lines;
    if (issues) {
        Json body = Json::parse(m_record.body, nullptr, false);
        forms::Notes notes;
        forms::takeBodyNotes(body, notes);
        for (const validation::Issue& issue : *issues) {
            if (issue.severity != forms::Severity::Warning) {
                continue;
            }
            const auto note = notes.find(FieldBinding::noteKey(issue));
            lines << tr("⚠ %1 — explanation: %2")
                         .arg(qs(issue.message),
                              note == notes.end() ? tr("none given") : qs(note->second));
        }
    }
    m_warnings->setText(lines.isEmpty() ? QString() : tr("Warnings:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_warnings->setVisible(!lines.isEmpty());
}

}  // namespace dantoc::gui
