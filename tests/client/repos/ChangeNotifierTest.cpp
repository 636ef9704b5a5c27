// Change notifications: EntryService announces each committed intent with the record's id through the store's
// ChangeNotifier and never a rolled-back one; an import announces its records once, after its own commit; a pull
// page reports the ids it changed.
#include "RepoSupport.h"

#include "core/ChangeNotifier.h"
#include "core/EntryImporter.h"
#include "core/EntryService.h"
#include "core/sync/PullApplier.h"

#include "base/Uuid.h"
#include "sync/PullMessages.h"

#include <QSignalSpy>

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
namespace ds = dantoc::sync;

namespace {

struct Fixture
{
    test::TempDir dir{"dantoc-notify"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'760'000'000'000};
    EntryService service{store->connection(),
                         EntryOptions{"Lò Văn Tâm", forms::Language::Vi, nullptr, &store->notifier()}, clock};
    QSignalSpy spy{&store->notifier(), &ChangeNotifier::recordsChanged};

    Fixture() { test::putTinyForm(store->connection()); }

    // The ids of every emission so far, then forgets them.
    std::vector<QStringList> takeEmissions()
    {
        std::vector<QStringList> out;
        for (const QList<QVariant>& arguments : spy) {
            out.push_back(arguments.at(0).toStringList());
        }
        spy.clear();
        return out;
    }
};

Json valid()
{
    return Json::parse(R"({"village_name": "Bản Nậm Cang", "households_total": 10, "households_poor": 3})");
}

QStringList idList(const std::string& id)
{
    return {QString::fromStdString(id)};
}

}  // namespace

TEST_CASE("notify: each committed intent announces its record once")
{
    Fixture f;
    REQUIRE(f.spy.isValid());
    auto draft = f.service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "{}"});
    REQUIRE(draft.isOk());
    const std::string id = draft->id;
    CHECK(f.takeEmissions() == std::vector<QStringList>{idList(id)});

    REQUIRE(f.service.autosave(id, valid()));
    CHECK(f.takeEmissions() == std::vector<QStringList>{idList(id)});
    REQUIRE(f.service.save(id, valid()).isOk());
    CHECK(f.takeEmissions() == std::vector<QStringList>{idList(id)});
    REQUIRE(f.service.comment(id, "Đã kiểm tra số hộ").isOk());
    CHECK(f.takeEmissions() == std::vector<QStringList>{idList(id)});
    auto submitted = f.service.submit(id);
    REQUIRE(submitted.isOk());
    REQUIRE_FALSE(submitted->refused);
    CHECK(f.takeEmissions() == std::vector<QStringList>{idList(id)});
}

TEST_CASE("notify: a save that fails inside its transaction, or a refused submit, announces nothing")
{
    Fixture f;
    auto draft = f.service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "{}"});
    REQUIRE(draft.isOk());
    f.spy.clear();
    for (const char* step : {"record_written", "op_enqueued"}) {
        CAPTURE(step);
        f.service.setFaultHook([step](std::string_view at) {
            return at == step ? Status(ErrorCode::Internal, "simulated crash") : Status::ok();
        });
        CHECK(f.service.save(draft->id, valid()).status().code() == ErrorCode::Internal);
        CHECK(f.spy.count() == 0);
    }
    f.service.setFaultHook({});
    // Hard errors: the submit is refused and rolls back.
    REQUIRE(f.service.autosave(draft->id, Json::parse(R"({"households_total": 1, "households_poor": 5})")));
    f.spy.clear();
    auto refused = f.service.submit(draft->id);
    REQUIRE(refused.isOk());
    CHECK(refused->refused);
    CHECK(f.spy.count() == 0);
}

TEST_CASE("notify: an import announces all its records once, after its commit; a refused one nothing")
{
    Fixture f;
    EntryImporter importer(f.store->connection(), f.service);
    const std::string two = R"([
        {"form": {"id": "tiny_village", "version": 2}, "unit": "0164500001", "period": "2025-H2",
         "values": {"village_name": "Bản Một", "households_total": 1}},
        {"form": {"id": "tiny_village", "version": 2}, "unit": "0164500002", "period": "2025-H2",
         "values": {"village_name": "Bản Hai", "households_total": 2}}])";
    auto report = importer.importJson(two, ImportAction::Submit);
    REQUIRE(report.isOk());
    REQUIRE(report->imported());
    REQUIRE(report->recordIds.size() == 2);
    QStringList expected;
    for (const std::string& id : report->recordIds) {
        expected.append(QString::fromStdString(id));
    }
    CHECK(f.takeEmissions() == std::vector<QStringList>{expected});

    auto refused = importer.importJson(R"({"form": {"id": "tiny_village", "version": 2}, "unit": "0164500003",
        "period": "2025-H2", "values": {"households_total": 1}})",
                                       ImportAction::Save);
    REQUIRE(refused.isOk());
    CHECK_FALSE(refused->imported());
    CHECK(f.spy.count() == 0);
}

TEST_CASE("notify: a pull page reports the records it stored, purged and commented on")
{
    Fixture f;
    const std::string pulled = newUuid();
    const std::string commented = newUuid();
    ds::PullItem record;
    record.seq = 1;
    record.kind = ds::PullItemKind::Record;
    record.recordId = pulled;
    record.ver = 1;
    record.state = "submitted";
    record.level = "commune";
    record.form = {"tiny_village", 2};
    record.unit = "0164500000";
    record.period = "2025-H2";
    record.body = valid();
    ds::PullItem comment;
    comment.seq = 2;
    comment.kind = ds::PullItemKind::Comment;
    comment.recordId = commented;
    comment.commentId = newUuid();
    comment.author = "huyen01";
    comment.text = "Kiểm tra lại số hộ nghèo";
    comment.at = 1'760'000'000'000;
    ds::PullResponse page;
    page.epoch = "e-1";
    page.items = {record, comment};
    page.next = {"e-1", 2};
    auto stats = client::sync::PullApplier(f.store->connection(), f.clock).apply({}, page);
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->changedIds == std::vector<std::string>{pulled, commented});

    ds::PullItem revoke;
    revoke.seq = 3;
    revoke.kind = ds::PullItemKind::Revoke;
    revoke.recordId = pulled;
    ds::PullResponse second;
    second.epoch = "e-1";
    second.items = {revoke};
    second.next = {"e-1", 3};
    stats = client::sync::PullApplier(f.store->connection(), f.clock).apply({"e-1", 2}, second);
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->changedIds == std::vector<std::string>{pulled});
    CHECK(f.spy.count() == 0);  // the applier only reports; the sync layer announces
}
