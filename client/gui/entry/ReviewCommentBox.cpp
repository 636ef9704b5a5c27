#include "gui/entry/ReviewCommentBox.h"

#include "gui/entry/InputWidgets.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

bool hasText(const std::optional<std::string>& text)
{
    return text && text->find_first_not_of(" \t\r\n") != std::string::npos;
}

}  // namespace

ReviewCommentBox::ReviewCommentBox(const QString& field, QWidget* parent) : QFrame(parent), m_field(field)
{
    setObjectName(QStringLiteral("reviewBox_") + field);
    setFrameShape(QFrame::StyledPanel);
    // Its own colours, not the field row's: the box reads as a note pinned to the field.
    setProperty("reviewBox", true);  // the selector below: the style is the box's, not its children's
    setStyleSheet(QStringLiteral("*[reviewBox=\"true\"] { background: #fffaf0; border: 1px solid #e0a040; "
                                 "border-radius: 3px; }"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);

    m_replyRow = new QWidget(this);
    auto* replyLayout = new QHBoxLayout(m_replyRow);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    m_replyEdit = new FieldLineEdit(m_replyRow);
    m_replyEdit->setObjectName(QStringLiteral("replyEdit_") + field);
    m_replyEdit->setPlaceholderText(tr("Your reply to the reviewer (what you checked or corrected)"));
    m_replyButton = new QPushButton(tr("Send reply"), m_replyRow);
    m_replyButton->setObjectName(QStringLiteral("replyButton_") + field);
    m_replyButton->setAutoDefault(false);
    replyLayout->addWidget(m_replyEdit, 1);
    replyLayout->addWidget(m_replyButton);
    layout->addWidget(m_replyRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("replyError_") + field);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_replyButton, &QPushButton::clicked, this, &ReviewCommentBox::send);
    // Queued like a field's Enter: an input method may still deliver its last letter after the key.
    connect(m_replyEdit, &FieldLineEdit::enterPressed, this, &ReviewCommentBox::send, Qt::QueuedConnection);
    connect(m_replyEdit, &QLineEdit::textEdited, m_error, &QLabel::hide);
}

void ReviewCommentBox::setItems(const std::vector<Item>& items)
{
    delete m_rows;
    m_rows = new QWidget(this);
    auto* rows = new QVBoxLayout(m_rows);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    m_openId.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const client::ReviewComment& comment = items[i].comment;
        // The latest comment carries the plain names; earlier ones (an earlier return) a number.
        const QString suffix = i + 1 == items.size() ? QString() : QStringLiteral("#%1").arg(i + 1);
        const QString when =
            QDateTime::fromMSecsSinceEpoch(comment.createdAt).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
        QString head = tr("Reviewer's comment (%1, %2):").arg(qs(comment.author), when);
        if (!items[i].about.isEmpty()) {
            head = tr("Reviewer's comment on \"%1\" (%2, %3):").arg(items[i].about, qs(comment.author), when);
        }
        auto* text = new QLabel(head + QLatin1Char(' ') + qs(comment.text), m_rows);
        text->setObjectName(QStringLiteral("reviewComment_") + m_field + suffix);
        text->setTextFormat(Qt::PlainText);  // the reviewer's words, never markup
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setStyleSheet(QStringLiteral("color: #6b3d00; font-weight: bold;"));
        rows->addWidget(text);
        if (hasText(comment.reply)) {
            auto* reply = new QLabel(tr("Your reply: %1").arg(qs(*comment.reply)), m_rows);
            reply->setObjectName(QStringLiteral("reviewReply_") + m_field + suffix);
            reply->setTextFormat(Qt::PlainText);
            reply->setWordWrap(true);
            reply->setTextInteractionFlags(Qt::TextSelectableByMouse);
            reply->setContentsMargins(16, 0, 0, 0);
            reply->setStyleSheet(QStringLiteral("color: #1e5a2a;"));
            rows->addWidget(reply);
        } else if (m_openId.empty()) {
            m_openId = comment.id;
        }
    }
    m_rowsLayout->addWidget(m_rows);
    m_rows->show();  // now: a layout shows a widget added to a visible box only on the next event loop pass
    m_replyRow->setVisible(!m_openId.empty());
    if (m_openId.empty()) {
        m_replyEdit->clear();
        m_error->hide();
    }
}

QString ReviewCommentBox::typedReply()
{
    commitPendingInput(m_replyRow);  // ux-lessons §1.4: a Vietnamese letter still composing belongs to the reply
    return m_replyEdit->text().trimmed();
}

bool ReviewCommentBox::hasTypedReply() const
{
    return !m_openId.empty() && (!m_replyEdit->text().trimmed().isEmpty() || !m_replyEdit->preedit().isEmpty());
}

void ReviewCommentBox::setEditable(bool editable)
{
    m_replyEdit->setReadOnly(!editable);
    m_replyButton->setEnabled(editable);
}

void ReviewCommentBox::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ReviewCommentBox::focusReply()
{
    if (!m_openId.empty()) {
        m_replyEdit->setFocus(Qt::OtherFocusReason);
    }
}

void ReviewCommentBox::send()
{
    if (m_openId.empty() || m_replyEdit->isReadOnly()) {
        return;
    }
    const QString text = typedReply();
    if (text.isEmpty()) {
        showError(tr("Write your reply first: an empty reply tells the reviewer nothing."));
        m_replyEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    showError({});
    emit replyRequested(qs(m_openId), text);
}

}  // namespace dantoc::gui
