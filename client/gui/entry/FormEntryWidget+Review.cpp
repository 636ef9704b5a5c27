// FormEntryWidget: a record the reviewer returned (issue 15) — the banner saying who returned it, when and why;
// each commented field's row marked, with the comment and a reply editor under its editor (ReviewCommentBox);
// the section list marking the pages that hold comments; and Submit held back, in words, until every comment
// has a reply (the rule EntryService::submit enforces too, here said before it refuses).
#include "gui/entry/EntryDocument.h"
#include "gui/entry/FieldBinding.h"
#include "gui/entry/FormEntryWidget.h"
#include "gui/entry/ReviewCommentBox.h"

#include "gui/common/ErrorText.h"

#include "core/SyncMetaRepository.h"
#include "core/review/ReviewService.h"

#include "workflow/WorkflowTypes.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QPointer>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace dantoc::gui {

namespace {

constexpr int kSectionTitleRole = Qt::UserRole + 1;  // a section's own title, kept while a mark is added
constexpr int kOpenCommentsRole = Qt::UserRole + 2;  // comments on the page still without a reply (unset: none)
const char* const kMarkProperty = "reviewComment";   // "open" / "answered" on a commented field's row
const char* const kMarginsProperty = "reviewMargins";

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString when(std::int64_t millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

bool isReturned(const client::Submission& record)
{
    return record.state == workflow::toName(workflow::State::Returned);
}

// The row of a commented field: a coloured background and a bar on its left, orange while a comment waits for a
// reply, green once all have one. Set on the row only (a property selector), so its editors keep their look.
void markRow(QWidget* row, bool open)
{
    if (!row->property(kMarginsProperty).isValid()) {
        QMargins margins = row->layout()->contentsMargins();
        row->setProperty(kMarginsProperty, QVariant::fromValue(margins));
        margins.setLeft(margins.left() + 10);  // room for the bar
        margins.setRight(margins.right() + 6);
        row->layout()->setContentsMargins(margins);
    }
    row->setAttribute(Qt::WA_StyledBackground, true);
    row->setProperty(kMarkProperty, open ? QStringLiteral("open") : QStringLiteral("answered"));
    row->setStyleSheet(QStringLiteral("*[reviewComment=\"open\"] { background: #fff4dc; border-left: 4px solid #e08a00; }"
                                      "*[reviewComment=\"answered\"] { background: #eef6ee; border-left: 4px solid "
                                      "#4f9a55; }"));
    row->style()->unpolish(row);  // the property changed: the same sheet matches another rule
    row->style()->polish(row);
    row->update();
}

void unmarkRow(QWidget* row)
{
    const QVariant margins = row->property(kMarginsProperty);
    if (margins.isValid()) {
        row->layout()->setContentsMargins(margins.value<QMargins>());
    }
    row->setProperty(kMarginsProperty, QVariant());
    row->setProperty(kMarkProperty, QVariant());
    row->setStyleSheet(QString());
    row->setAttribute(Qt::WA_StyledBackground, false);
}

}  // namespace

QString FormEntryWidget::returnMessage() const
{
    return m_returnBanner->isHidden() ? QString() : m_returnBanner->text();
}

bool FormEntryWidget::hasTypedReply() const
{
    return std::any_of(m_commentBoxes.begin(), m_commentBoxes.end(),
                       [](const auto& entry) { return entry.second->hasTypedReply(); });
}

void FormEntryWidget::clearReview()
{
    for (auto& [field, box] : m_commentBoxes) {
        box->hide();
        box->deleteLater();  // it may be the one whose reply led here
    }
    m_commentBoxes.clear();
    for (FieldBinding* binding : m_markedFields) {
        unmarkRow(binding->container());
    }
    m_markedFields.clear();
    if (m_sections != nullptr) {
        for (int row = 0; row < m_sections->count(); ++row) {
            QListWidgetItem* item = m_sections->item(row);
            if (item->data(kSectionTitleRole).isValid()) {
                item->setText(item->data(kSectionTitleRole).toString());
                item->setData(kSectionTitleRole, QVariant());
                item->setData(kOpenCommentsRole, QVariant());
                item->setData(Qt::ForegroundRole, QVariant());
                item->setData(Qt::FontRole, QVariant());
            }
        }
    }
    m_returnBanner->clear();
    m_returnBanner->hide();
}

void FormEntryWidget::showReview()
{
    if (!m_document || !isReturned(m_record)) {
        clearReview();
        return;
    }
    auto history = m_review->history(m_record.id);
    auto self = client::SyncMetaRepository(m_connection).selfAuthorNames();
    if (!history || !self) {
        clearReview();
        const Status failed = !history ? history.status() : self.status();
        m_returnBanner->setText(tr("This form was returned for correction, but the reviewer's comments could not be "
                                   "read: %1")
                                    .arg(ErrorText::forStatus(failed)));
        m_returnBanner->show();
        return;
    }
    const auto mine = [&](const client::ReviewComment& comment) {
        return std::find(self->begin(), self->end(), comment.author) != self->end();
    };

    // The reviewer's words only: this account's replies come back from the server as comments of its own.
    const client::ReviewComment* reason = nullptr;  // the latest return's reason
    std::vector<std::pair<FieldBinding*, std::vector<ReviewCommentBox::Item>>> byField;  // first comment's order
    QStringList unplaced;  // comments on fields this form version does not show
    for (const client::ReviewComment& comment : history->comments) {
        if (mine(comment)) {
            continue;
        }
        if (comment.field.empty()) {
            reason = &comment;
            continue;
        }
        FieldBinding* binding = bindingFor(comment.field);
        if (binding == nullptr) {
            unplaced << qs(comment.field) + QStringLiteral(": ") + qs(comment.text);
            continue;
        }
        ReviewCommentBox::Item item{comment, {}};
        if (comment.field != binding->field().name) {  // a roster column: the roster is marked, the column named
            if (const forms::FieldDef* column = m_document->form().field(comment.field)) {
                item.about = qs(column->label.in(m_language));
            }
        }
        auto at = std::find_if(byField.begin(), byField.end(), [&](const auto& entry) { return entry.first == binding; });
        if (at == byField.end()) {
            byField.push_back({binding, {}});
            at = byField.end() - 1;
        }
        at->second.push_back(std::move(item));
    }

    std::map<int, int> commentsOnPage;
    std::map<int, int> openOnPage;
    for (auto& [binding, items] : byField) {
        ReviewCommentBox*& box = m_commentBoxes[binding->field().name];
        if (box == nullptr) {
            box = new ReviewCommentBox(qs(binding->field().name), binding->container());
            auto* rowLayout = static_cast<QVBoxLayout*>(binding->container()->layout());
            rowLayout->insertWidget(rowLayout->indexOf(binding->editors().widget) + 1, box);
            // Queued: a reply notifies the store's observers, and a reload they start must not delete the box
            // while it is still emitting.
            connect(
                box, &ReviewCommentBox::replyRequested, this,
                [this, box, binding](const QString& id, const QString& text) {
                    if (sendReply(box, id, text)) {
                        if (QWidget* editor = binding->focusTarget()) {
                            editor->setFocus(Qt::OtherFocusReason);  // on to correcting the value itself
                        }
                    }
                },
                Qt::QueuedConnection);
            m_markedFields.push_back(binding);
        }
        box->setItems(items);
        box->setEditable(isEditable());
        const bool open = !box->openCommentId().empty();
        markRow(binding->container(), open);
        const int page = m_pageOf.at(binding);
        commentsOnPage[page] += static_cast<int>(items.size());
        for (const ReviewCommentBox::Item& item : items) {
            const bool waiting = std::any_of(history->needingReply.begin(), history->needingReply.end(),
                                             [&](const client::ReviewComment& c) { return c.id == item.comment.id; });
            openOnPage[page] += waiting ? 1 : 0;
        }
    }

    // The section list: a page holding comments says so, so that a comment two pages on is not missed.
    for (int row = 0; row < m_sections->count(); ++row) {
        QListWidgetItem* item = m_sections->item(row);
        if (!item->data(kSectionTitleRole).isValid()) {
            item->setData(kSectionTitleRole, item->text());
        }
        const QString title = item->data(kSectionTitleRole).toString();
        if (commentsOnPage.count(row) == 0) {
            item->setText(title);
            item->setData(kOpenCommentsRole, QVariant());
            item->setData(Qt::ForegroundRole, QVariant());
            item->setData(Qt::FontRole, QVariant());
            continue;
        }
        const int open = openOnPage[row];
        item->setText(title + QLatin1Char('\n') +
                      (open > 0 ? tr("%n reviewer's comment(s) to answer", nullptr, open)
                                : tr("reviewer's comments answered")));
        item->setData(kOpenCommentsRole, open);
        item->setForeground(QColor(open > 0 ? QStringLiteral("#a35200") : QStringLiteral("#2f6b36")));
        QFont font = m_sections->font();
        font.setBold(open > 0);
        item->setFont(font);
    }

    QStringList lines;
    if (reason != nullptr) {
        lines << tr("Returned for correction by %1 on %2.").arg(qs(reason->author), when(reason->createdAt));
        lines << tr("Reason: %1").arg(qs(reason->text));
    } else {
        lines << tr("Returned for correction.");
    }
    const int open = static_cast<int>(history->needingReply.size());
    lines << (open > 0 ? tr("%n comment(s) on fields still need your reply: answer each one beside its field, then "
                            "submit again.",
                            nullptr, open)
                       : tr("Every comment has a reply. Correct what is needed, then submit again."));
    if (!unplaced.isEmpty()) {
        lines << tr("Comments on fields this form does not show: %1").arg(unplaced.join(QStringLiteral("; ")));
    }
    m_returnBanner->setText(lines.join(QLatin1Char('\n')));
    m_returnBanner->show();
}

bool FormEntryWidget::sendReply(ReviewCommentBox* box, const QString& commentId, const QString& text)
{
    if (!isEditable()) {
        return false;
    }
    QPointer<ReviewCommentBox> guard(box);
    const std::string record = m_record.id;
    auto result = m_review->reply(commentId.toStdString(), text.toStdString());
    if (!result) {
        if (guard) {
            guard->showError(tr("The reply was not saved: %1").arg(ErrorText::forStatus(result.status())));
        }
        return false;
    }
    if (!m_document || m_record.id != record) {
        return false;  // the store's observers moved the screen to another record meanwhile
    }
    showReview();
    showMessage(tr("Reply saved. It reaches the reviewer at the next synchronisation."), Tone::Info);
    return guard != nullptr;
}

bool FormEntryWidget::sendTypedReplies()
{
    if (!isReturned(m_record)) {
        return true;
    }
    // A reply typed but not sent yet goes with Save and Submit (closing the tab or locking the screen saves):
    // what was written to the reviewer is kept like every other thing typed.
    std::vector<QPointer<ReviewCommentBox>> typed;
    for (auto& [field, box] : m_commentBoxes) {
        if (box->hasTypedReply()) {
            typed.emplace_back(box);
        }
    }
    for (const QPointer<ReviewCommentBox>& guard : typed) {
        ReviewCommentBox* box = guard.data();  // null: a reply before it reloaded the form
        if (box == nullptr) {
            continue;
        }
        const QString commentId = qs(box->openCommentId());
        const QString text = box->typedReply();
        if (!commentId.isEmpty() && !text.isEmpty() && !sendReply(box, commentId, text)) {
            return false;
        }
    }
    return true;
}

bool FormEntryWidget::repliesComplete()
{
    if (!isReturned(m_record)) {
        return true;
    }
    auto history = m_review->history(m_record.id);
    if (!history) {
        showMessage(tr("The form was not submitted: %1").arg(ErrorText::forStatus(history.status())), Tone::Error);
        return false;
    }
    if (history->needingReply.empty()) {
        return true;
    }
    showMessage(tr("Not sent back yet: %n comment(s) of the reviewer still need your reply. Write it under the "
                   "comment and press \"Send reply\".",
                   nullptr, static_cast<int>(history->needingReply.size())),
                Tone::Error);
    // On to the first field in the form's order with a comment still without a reply (the comments of one return
    // share a time, so the store's order among them says nothing): its page, its box in view, the cursor in it.
    for (FieldBinding* binding : m_bindings) {
        auto box = m_commentBoxes.find(binding->field().name);
        if (box == m_commentBoxes.end() || box->second->openCommentId().empty()) {
            continue;
        }
        goTo(binding);
        m_scrolls[static_cast<std::size_t>(m_pageOf.at(binding))]->ensureWidgetVisible(box->second);
        box->second->focusReply();
        break;
    }
    return false;
}

}  // namespace dantoc::gui
