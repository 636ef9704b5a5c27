// ReturnedRecordTest: the commune officer's side of a returned record in dantoc-desk (issue 15), against the real
// demo server over TLS on two real SQLCipher stores: the officer submits a village report and syncs; the demo's
// provincial reviewer (duyet15) returns it through ReviewService with a reason and two field comments, on fields
// of two section pages (one of them a roster), and syncs; the officer syncs and opens the record in the real
// FormEntryWidget: the banner, both fields marked with their comments, the section list marking both pages.
// Submit is refused in words with the cursor in the first unanswered reply; a blank reply is refused; the
// replies typed as Vietnamese input methods do (one sent with Enter, one left typed and sent by Submit), one
// value fixed, Submit resubmits; after both syncs the reviewer's store holds the replies and the fixed value.
// Screenshots `returned-form`, `returned-form-replied`, `returned-form-roster`.
#include "../DeskWorld.h"
#include "../Screenshots.h"
#include "EntryFixture.h"

#include "core/EntryService.h"
#include "core/SubmissionRepository.h"
#include "core/review/ReviewQueue.h"
#include "core/review/ReviewService.h"
#include "core/sync/SyncController.h"
#include "gui/entry/FormEntryWidget.h"
#include "support/DemoValues.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>

using namespace dantoc;
using namespace dantoc::test::gui;
using dantoc::gui::FormEntryWidget;

namespace {


template <typename T = QWidget>
T* in(QWidget* root, const QString& name)
{
    T* found = root->findChild<T*>(name);
    REQUIRE_MESSAGE(found != nullptr, "no widget named " << name.toStdString());
    return found;
}

std::size_t openComments(client::review::ReviewService& review, const std::string& id)
{
    auto history = review.history(id);
    REQUIRE_MESSAGE(history.isOk(), history.status().toString());
    return history->needingReply.size();
}

}  // namespace

TEST_CASE("returned record: banner, marked fields, replies typed in Vietnamese, fix and resubmit reach the reviewer")
{
    DeskWorld world("dantoc-gui-returned");
    auto officer = world.enrolledStore("officer");
    auto reviewer = world.enrolledStore("reviewer", "duyet15");

    client::EntryOptions options;
    options.notifier = &officer->notifier();
    client::EntryService entries(officer->connection(), options);
    client::review::ReviewService officerReview(officer->connection(), entries);
    nlohmann::json values = test::sampleVillageValues();
    const int poor = values["households_poor"];
    auto draft = entries.createDraft({"", "village_survey", 0, "02683-01", "2026-H2", "", "{}"});
    REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
    const std::string id = draft->id;
    REQUIRE(entries.save(id, values).isOk());
    auto submitted = entries.submit(id);
    REQUIRE_MESSAGE(submitted.isOk(), submitted.status().toString());
    REQUIRE_FALSE(submitted->refused);
    syncOnce(*officer);

    // The province's reviewer returns it: a reason, a comment on a figure of page 1 and one on the roster of
    // page 2.
    syncOnce(*reviewer);
    client::EntryService reviewerEntries(reviewer->connection());
    client::review::ReviewService review(reviewer->connection(), reviewerEntries);
    std::int64_t seen = -1;
    auto queue = client::review::ReviewQueue(reviewer->connection()).awaiting();
    REQUIRE_MESSAGE(queue.isOk(), queue.status().toString());
    for (const auto& item : *queue) {
        if (item.record.id == id) {
            seen = item.record.contentVersion;
        }
    }
    REQUIRE(seen >= 0);
    const std::string reason = "Số hộ nghèo cao bất thường so với kỳ trước";
    const std::string poorComment = "Kiểm tra lại số hộ nghèo với danh sách của xã";
    const std::string rosterComment = "Nhân khẩu theo dân tộc chưa khớp với tổng nhân khẩu";
    auto returned = review.returnForCorrection(
        id, seen, reason, {{"households_poor", poorComment}, {"ethnic_groups", rosterComment}});
    REQUIRE_MESSAGE(returned.isOk(), returned.status().toString());
    syncOnce(*reviewer);

    syncOnce(*officer);
    REQUIRE(client::SubmissionRepository(officer->connection()).get(id)->state == "returned");
    auto history = officerReview.history(id);
    REQUIRE(history.isOk());
    REQUIRE(history->needingReply.size() == 2);
    std::string returnedBy;
    for (const client::ReviewComment& comment : history->comments) {
        if (comment.field.empty() && comment.text == reason) {
            returnedBy = comment.author;
        }
    }
    REQUIRE_FALSE(returnedBy.empty());

    FormEntryWidget widget(officer->connection(), entries);
    widget.resize(1400, 900);
    QString error;
    REQUIRE_MESSAGE(widget.openRecord(QString::fromStdString(id), &error), error.toStdString());
    widget.show();
    QApplication::setActiveWindow(&widget);
    REQUIRE(QTest::qWaitForWindowExposed(&widget));

    // The banner: returned, by whom, why, and how many comments wait for a reply.
    auto* banner = in<QLabel>(&widget, QStringLiteral("returnBanner"));
    CHECK(banner->isVisible());
    const QString bannerText = widget.returnMessage();
    INFO("banner: " << bannerText.toStdString());
    CHECK(bannerText.contains(QString::fromStdString(returnedBy)));
    CHECK(bannerText.contains(QString::fromStdString(reason)));
    CHECK(bannerText.contains(FormEntryWidget::tr(
        "%n comment(s) on fields still need your reply: answer each one beside its field, then submit again.", nullptr,
        2)));

    // Both fields marked, each with its comment under its editor; an uncommented field is not.
    CHECK(in(&widget, QStringLiteral("fieldRow:households_poor"))->property("reviewComment").toString() == "open");
    CHECK(in(&widget, QStringLiteral("fieldRow:ethnic_groups"))->property("reviewComment").toString() == "open");
    CHECK_FALSE(in(&widget, QStringLiteral("fieldRow:households_total"))->property("reviewComment").isValid());
    auto* poorLabel = in<QLabel>(&widget, QStringLiteral("reviewComment_households_poor"));
    CHECK(poorLabel->text().contains(QString::fromStdString(poorComment)));
    CHECK(poorLabel->isVisible());  // page 1 is shown
    CHECK(in<QLabel>(&widget, QStringLiteral("reviewComment_ethnic_groups"))
              ->text()
              .contains(QString::fromStdString(rosterComment)));
    // The section list marks both pages: the roster's comment is on page 2, out of sight.
    auto* sections = in<QListWidget>(&widget, QStringLiteral("sectionList"));
    const QString oneToAnswer = FormEntryWidget::tr("%n reviewer's comment(s) to answer", nullptr, 1);
    CHECK(sections->item(0)->text().contains(oneToAnswer));
    CHECK(sections->item(1)->text().contains(oneToAnswer));
    CHECK_FALSE(sections->item(2)->text().contains(oneToAnswer));
    CHECK_FALSE(saveScreenshot(&widget, QStringLiteral("returned-form")).isEmpty());

    // Submit says why not, in words, and puts the cursor in the first comment's reply.
    auto* submit = in<QPushButton>(&widget, QStringLiteral("submitButton"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QApplication::processEvents();
    CHECK(client::SubmissionRepository(officer->connection()).get(id)->state == "returned");
    INFO("message: " << widget.message().toStdString());
    CHECK(widget.message() ==
          FormEntryWidget::tr("Not sent back yet: %n comment(s) of the reviewer still need your reply. Write it under "
                              "the comment and press \"Send reply\".",
                              nullptr, 2));
    CHECK_FALSE(widget.message().contains(QStringLiteral("unanswered")));
    auto* poorReply = in<QLineEdit>(&widget, QStringLiteral("replyEdit_households_poor"));
    CHECK(QApplication::focusWidget() == poorReply);
    CHECK(in<QStackedWidget>(&widget, QStringLiteral("sectionPages"))->currentIndex() == 0);

    // A blank reply is refused in words; nothing is stored.
    typeText(poorReply, QStringLiteral("   "));
    QTest::mouseClick(in<QPushButton>(&widget, QStringLiteral("replyButton_households_poor")), Qt::LeftButton);
    QApplication::processEvents();
    auto* replyError = in<QLabel>(&widget, QStringLiteral("replyError_households_poor"));
    CHECK(replyError->isVisible());
    CHECK_FALSE(replyError->text().isEmpty());
    CHECK(openComments(officerReview, id) == 2);

    // The first reply as Unikey types it (Backspace + the composed letter), sent with Enter.
    poorReply->selectAll();
    QTest::keyClick(poorReply, Qt::Key_Delete);
    test::replayIme(poorReply, {"D", "\b", "Đ", "a", "\b", "ã"});
    typeText(poorReply, QStringLiteral(" đối chiếu danh sách hộ nghèo: sửa thành %1 hộ").arg(poor - 1));
    const QString firstReply = poorReply->text();
    test::pressEnter(poorReply);
    QApplication::processEvents();  // the reply goes from a queued call
    CHECK(openComments(officerReview, id) == 1);
    auto* poorReplyShown = in<QLabel>(&widget, QStringLiteral("reviewReply_households_poor"));
    CHECK(poorReplyShown->text().contains(firstReply));
    CHECK(poorReplyShown->isVisible());
    CHECK_FALSE(poorReply->isVisible());
    CHECK(in(&widget, QStringLiteral("fieldRow:households_poor"))->property("reviewComment").toString() == "answered");
    CHECK(widget.returnMessage().contains(FormEntryWidget::tr(
        "%n comment(s) on fields still need your reply: answer each one beside its field, then submit again.", nullptr,
        1)));
    CHECK_FALSE(sections->item(0)->text().contains(oneToAnswer));

    // The value fixed in its field (the cursor went back to it), autosaved on Enter.
    auto* poorField = in<QLineEdit>(&widget, QStringLiteral("field:households_poor"));
    CHECK(QApplication::focusWidget() == poorField);
    typeInto(poorField, QString::number(poor - 1));
    test::pressEnter(poorField);
    CHECK_FALSE(saveScreenshot(&widget, QStringLiteral("returned-form-replied")).isEmpty());

    // Submit again: the roster's comment on page 2 is still open; the cursor goes there.
    QTest::mouseClick(submit, Qt::LeftButton);
    QApplication::processEvents();
    CHECK(client::SubmissionRepository(officer->connection()).get(id)->state == "returned");
    CHECK(widget.message().contains(FormEntryWidget::tr(
        "Not sent back yet: %n comment(s) of the reviewer still need your reply. Write it under the comment and press "
        "\"Send reply\".",
        nullptr, 1)));
    auto* rosterReply = in<QLineEdit>(&widget, QStringLiteral("replyEdit_ethnic_groups"));
    CHECK(QApplication::focusWidget() == rosterReply);
    CHECK(in<QStackedWidget>(&widget, QStringLiteral("sectionPages"))->currentIndex() == 1);
    CHECK(in(&widget, QStringLiteral("reviewBox_ethnic_groups"))->isVisible());  // the roster's box is in view
    CHECK_FALSE(saveScreenshot(&widget, QStringLiteral("returned-form-roster")).isEmpty());
    test::replayIme(rosterReply, test::unikeyHmong());
    typeText(rosterReply, QStringLiteral(" và Dao đã đếm lại theo sổ hộ khẩu"));
    const QString secondReply = rosterReply->text();
    CHECK(openComments(officerReview, id) == 1);

    // Submit with the reply typed but not sent: the reply goes first, then the record goes back up; the form is
    // no longer editable and the review marks are gone.
    QTest::mouseClick(submit, Qt::LeftButton);
    QApplication::processEvents();
    INFO("message after submit: " << widget.message().toStdString());
    auto stored = client::SubmissionRepository(officer->connection()).get(id);
    REQUIRE(stored.isOk());
    CHECK(stored->state == "submitted");
    CHECK(openComments(officerReview, id) == 0);
    CHECK(nlohmann::json::parse(stored->body)["households_poor"] == poor - 1);
    CHECK(widget.returnMessage().isEmpty());
    CHECK(poorField->isReadOnly());
    CHECK_FALSE(submit->isEnabled());
    QApplication::processEvents();  // the boxes go with deleteLater
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(widget.findChild<QWidget*>(QStringLiteral("reviewBox_households_poor")) == nullptr);

    // The reviewer, after both syncs, has the fixed value and both replies.
    syncOnce(*officer);
    syncOnce(*reviewer);
    auto atReviewer = client::SubmissionRepository(reviewer->connection()).get(id);
    REQUIRE(atReviewer.isOk());
    CHECK(atReviewer->state == "submitted");
    CHECK(nlohmann::json::parse(atReviewer->body)["households_poor"] == poor - 1);
    auto seenByReviewer = review.history(id);
    REQUIRE(seenByReviewer.isOk());
    bool first = false;
    bool second = false;
    for (const client::ReviewComment& comment : seenByReviewer->comments) {
        first = first || (comment.field == "households_poor" && comment.text == firstReply.toStdString());
        second = second || (comment.field == "ethnic_groups" && comment.text == secondReply.toStdString());
    }
    CHECK(first);
    CHECK(second);
}
