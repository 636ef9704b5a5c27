// ReviewCommentBox: the reviewer's comments on one field of a returned record, shown under the field's editor
// (issue 15): who wrote each and when, its text (`reviewComment_<field>` for the latest), the officer's reply
// read-only once given (`reviewReply_<field>`), and while a comment has none a reply editor
// (`replyEdit_<field>`) with a Send button (`replyButton_<field>`). Widgets only: the box refuses a blank reply
// in words and asks for the rest with replyRequested; FormEntryWidget sends it through ReviewService and gives
// the box its comments again. GUI thread only.
#pragma once

#include "core/ReviewCommentRepository.h"

#include <QFrame>
#include <QString>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace dantoc::gui {

class FieldLineEdit;

class ReviewCommentBox : public QFrame
{
    Q_OBJECT
public:
    struct Item
    {
        client::ReviewComment comment;
        QString about;  // the roster column it is about ("" for the field itself)
    };

    // `field`: the top-level field name the object names carry.
    ReviewCommentBox(const QString& field, QWidget* parent);

    // The reviewer's comments on the field, oldest first; a comment still without a reply gets the editor.
    void setItems(const std::vector<Item>& items);
    // The oldest comment without a reply ("" when every comment has one).
    const std::string& openCommentId() const { return m_openId; }
    // Commits the input method's preedit, then the trimmed text typed in the reply editor.
    QString typedReply();
    bool hasTypedReply() const;
    void setEditable(bool editable);
    void showError(const QString& text);
    // Puts the cursor in the reply editor (when a comment waits for a reply).
    void focusReply();

signals:
    void replyRequested(const QString& commentId, const QString& text);

private:
    void send();

    QString m_field;
    QWidget* m_rows = nullptr;  // rebuilt by setItems
    QVBoxLayout* m_rowsLayout;
    QWidget* m_replyRow;
    FieldLineEdit* m_replyEdit;
    QPushButton* m_replyButton;
    QLabel* m_error;
    std::string m_openId;
};

}  // namespace dantoc::gui
