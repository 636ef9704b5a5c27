// ReviewRecordWidget: a reviewer's view of one record (issue 15): the record read-only, field by field, beside what
// it is compared with (the version this store returned, so a resubmission shows what changed since the return;
// else the same unit's previous period), changed fields highlighted; the attached scan inside the app (QtPdf for
// PDF, images scaled); the record's comments, replies and local history; and the actions shared/workflow allows
// this account — approve, return with a reason and per-field comments, forward, accept — each a compare-and-set on
// the content version shown. When the content changes under the reviewer (a pull, a refusal for staleness), the new
// content is shown with a notice before anything else can be done. Observes the store's ChangeNotifier through the
// main window (reloadIfChangedElsewhere); never polls. GUI thread only.
#pragma once

#include "core/Connection.h"
#include "gui/common/Banner.h"
#include "core/EntryService.h"
#include "core/SubmissionRepository.h"
#include "core/review/RecordComparison.h"
#include "core/review/ReviewQueue.h"

#include "forms/FormModel.h"
#include "forms/FormTemplate.h"
#include "workflow/WorkflowTypes.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

class QBuffer;
class QComboBox;
class QLabel;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace dantoc::gui {

class ChoiceLists;

class ReviewRecordWidget : public QWidget
{
    Q_OBJECT
public:
    // `service` must work on `connection` and be built with the store's ChangeNotifier; both outlive the widget.
    ReviewRecordWidget(client::Connection& connection, client::EntryService& service, QWidget* parent = nullptr);
    ~ReviewRecordWidget() override;

    // Loads the record, its form version, the comparison, history and scan; false with the reason on failure.
    bool openRecord(const QString& recordId, QString* error = nullptr);
    QString recordId() const;
    // The content version the actions are compared against (what is on screen).
    std::int64_t seenContentVersion() const { return m_record.contentVersion; }
    const client::Submission& record() const { return m_record; }
    const client::review::Comparison& comparison() const { return m_comparison; }
    // The notice above the record ("" when hidden).
    QString message() const;
    // Reloads when the store holds another state or content than the one shown; when the content changed, says so
    // (the reviewer looks again before acting). True when it reloaded. Keeps typed comments.
    bool reloadIfChangedElsewhere();

    // Adds (or focuses) a comment row for a field of the form, for the return; false for a field it does not have.
    bool addFieldComment(const QString& field);

public slots:
    bool approve();
    bool returnForCorrection();  // the reason and the field comments typed in the actions pane
    bool forward();
    bool accept();
    bool reopen();  // takes back this level's approval before it is forwarded

signals:
    // An action was taken and queued for the server.
    void acted(const QString& recordId, const QString& action);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;  // the values tree's viewport resized

private:
    using Tone = BannerTone;
    bool load(const QString& recordId, QString* error);
    void buildUi();
    void showMessage(const QString& text, Tone tone);
    void updateHeader();
    void fillValues();
    // Labels as wide as they need, up to 45 % of the tree beside a comparison, 70 % without one.
    void fitLabelColumn();
    void fillWarnings();  // validates the record as stored, explanations included
    void fillHistory();
    void fillScans();
    void showScan(int index);
    void updateActions();
    void showSyncProblem();
    bool act(workflow::Action action);
    QString fieldLabel(const std::string& path) const;
    static QString eventText(const std::string& action);
    QTreeWidgetItem* addValueRow(QTreeWidgetItem* parent, const forms::FieldDef& field, const Json& now,
                                 const Json& before, bool changed);

    client::Connection& m_connection;
    client::EntryService& m_service;
    forms::Language m_language = forms::Language::Vi;
    client::Submission m_record;
    client::review::ReviewItem m_item;
    client::review::Comparison m_comparison;
    std::shared_ptr<const forms::FormTemplate> m_form;
    std::unique_ptr<ChoiceLists> m_choices;

    QLabel* m_title = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_changes = nullptr;
    QLabel* m_warnings = nullptr;  // the record's warnings with the commune's explanations
    QTreeWidget* m_values = nullptr;
    QTabWidget* m_side = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QTableWidget* m_notes = nullptr;
    QPushButton* m_addNote = nullptr;
    QPushButton* m_removeNote = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_return = nullptr;
    QPushButton* m_forward = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_reopen = nullptr;
    QLabel* m_actionHint = nullptr;
    QListWidget* m_history = nullptr;
    QComboBox* m_scanChoice = nullptr;
    QStackedWidget* m_scanPages = nullptr;
    QLabel* m_scanNote = nullptr;
    QPdfView* m_pdfView = nullptr;
    QPdfDocument* m_pdf = nullptr;
    QLabel* m_image = nullptr;
    QScrollArea* m_imageScroll = nullptr;
    QBuffer* m_pdfBuffer = nullptr;
    QByteArray m_scanBytes;  // the decrypted scan shown: in memory only, never written to disk
    std::vector<Json> m_scans; // attachment values of the record ({sha256, name, size, mime}), form order
};

}  // namespace dantoc::gui
