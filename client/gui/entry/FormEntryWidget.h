// FormEntryWidget: one record's form, generated from its template (issue 14 §2–3): sections as pages, an editor
// per field by type, rosters as Excel-like tables, live validation with each issue beside its field and in a list
// that jumps to it, warning notes in place, autosave on every field commit, Save (Ctrl+S) and Submit. Keyboard
// first and safe for Vietnamese input methods (ux-lessons §1–3). A returned record (issue 15) opens with a banner
// (who returned it, when, why, how many comments wait for a reply), each commented field marked with the comment
// and a reply editor beside it, and Submit refused in words until every comment has a reply
// (FormEntryWidget+Review.cpp). GUI thread only; uses the Connection and EntryService it is given, which must
// outlive it.
#pragma once

#include "core/Connection.h"
#include "core/EntryService.h"
#include "core/SubmissionRepository.h"

#include "forms/FormModel.h"
#include "validation/Issue.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace dantoc::client::review {
class ReviewService;
}

namespace dantoc::gui {

class EntryDocument;
class FieldBinding;
class IssueListWidget;
class ReviewCommentBox;

class FormEntryWidget : public QWidget
{
    Q_OBJECT
public:
    // Picks the file to attach (the dialog by default; tests replace it). Empty: cancelled.
    using FileChooser = std::function<QString(QWidget* parent)>;

    // `connection`: the store's connection (GUI thread); `service`: the EntryService over it (built with the
    // store's ChangeNotifier by the caller).
    FormEntryWidget(client::Connection& connection, client::EntryService& service, QWidget* parent = nullptr);
    ~FormEntryWidget() override;

    // Loads the record and its form version; false with a message on failure.
    bool openRecord(const QString& recordId, QString* error = nullptr);
    QString recordId() const;
    bool hasUncommittedChanges() const;
    // Reloads the record when the store holds another state or content of it than the one shown (a pull, a review,
    // another window), unless something typed here is not saved yet; true when it reloaded. The main window calls it on
    // the store's recordsChanged.
    bool reloadIfChangedElsewhere();

    // The language of the form's labels and messages (Vietnamese by default); takes effect at openRecord.
    void setFormLanguage(forms::Language language) { m_language = language; }
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }
    // The record being edited, as the store last confirmed it.
    const client::Submission& record() const { return m_record; }
    // Live state (tests, the main window's status bar).
    const EntryDocument* document() const { return m_document.get(); }
    // The validation of the body the last save()/submit() stored (with the notes it was given).
    const std::vector<validation::Issue>& lastSavedIssues() const { return m_savedIssues; }
    // The text of the banner above the form ("" when hidden).
    QString message() const;
    // The returned record's banner ("" when the record is not returned or the banner is hidden).
    QString returnMessage() const;

public slots:
    bool save();    // commits the input method's preedit first, then EntryService::save with the warning notes (and a
                    // returned record's replies typed but not sent)
    bool submit();  // save, then EntryService::submit; refused (message shown) when errors remain
    // Jumps to where an issue is: its page, its field (roster cell, note editor), focused.
    void showIssue(const validation::Issue& issue);

signals:
    void saved(const QString& recordId);
    void submitted(const QString& recordId);
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Info, Error };
    void buildForm();
    void clearForm();
    void updateHeader();
    void showMessage(const QString& text, Tone tone);
    void onValidated();
    void onCommitted();
    void commitAll();
    void advanceFrom(FieldBinding* binding);
    void goTo(FieldBinding* binding);
    void showSection(int index);
    void attach(FieldBinding* binding);
    bool isEditable() const;
    void applyEditable();
    FieldBinding* bindingFor(const std::string& path) const;
    // FormEntryWidget+Review.cpp: a returned record's comments and replies.
    void showReview();
    void clearReview();
    bool hasTypedReply() const;
    bool sendTypedReplies();  // save(): replies typed but not sent go too
    bool repliesComplete();   // submit(): false (said in words, cursor moved) while a comment has no reply
    bool sendReply(ReviewCommentBox* box, const QString& commentId, const QString& text);

    client::Connection& m_connection;
    client::EntryService& m_service;
    forms::Language m_language = forms::Language::Vi;
    FileChooser m_fileChooser;
    client::Submission m_record;
    std::unique_ptr<EntryDocument> m_document;

    QLabel* m_title;
    QLabel* m_info;
    QLabel* m_banner;
    QLabel* m_returnBanner;
    QWidget* m_content = nullptr;  // rebuilt per record
    QListWidget* m_sections = nullptr;
    QStackedWidget* m_pages = nullptr;
    std::vector<QScrollArea*> m_scrolls;
    IssueListWidget* m_issueList = nullptr;
    QLabel* m_issueSummary = nullptr;
    QPushButton* m_saveButton;
    QPushButton* m_submitButton;
    QPushButton* m_closeButton;
    QAction* m_saveAction;

    std::vector<FieldBinding*> m_bindings;  // template order
    std::map<std::string, FieldBinding*, std::less<>> m_byField;
    std::map<const FieldBinding*, int> m_pageOf;
    std::vector<validation::Issue> m_shownIssues;
    std::vector<validation::Issue> m_savedIssues;
    bool m_unsaved = false;  // committed (autosaved) since the last save()

    std::unique_ptr<client::review::ReviewService> m_review;  // replies; over m_connection and m_service
    std::map<std::string, ReviewCommentBox*, std::less<>> m_commentBoxes;  // by top-level field; in m_content
    std::vector<FieldBinding*> m_markedFields;                               // their rows carry the mark
};

}  // namespace dantoc::gui
