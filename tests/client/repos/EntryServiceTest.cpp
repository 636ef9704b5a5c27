// EntryService: one operation per save with the right set (create, then edit diffs), autosave without
// operations, crash between record change and operation, submit refused with errors, roster ids, comments.
#include "RepoSupport.h"

#include "core/AuditRepository.h"
#include "core/EntryService.h"
#include "forms/Submission.h"
#include "core/OutboxRepository.h"
#include "core/SubmissionRepository.h"
#include "core/sync/SyncJournal.h"

#include "base/Uuid.h"
#include "sync/Operation.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
namespace ds = dantoc::sync;

namespace {

struct Fixture
{
    test::TempDir dir{"dantoc-entry"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'760'000'000'000};
    EntryService service{store->connection(), EntryOptions{"Lò Văn Tâm", forms::Language::Vi, nullptr}, clock};

    Fixture() { test::putTinyForm(store->connection()); }

    std::string draft(const std::string& body = "{}")
    {
        auto record = service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", body});
        REQUIRE_MESSAGE(record.isOk(), record.status().toString());
        return record->id;
    }

    std::vector<OutboxEntry> pending()
    {
        auto ops = OutboxRepository(store->connection(), clock).pending(1000);
        REQUIRE(ops.isOk());
        return *ops;
    }

    ds::Operation op(const OutboxEntry& entry)
    {
        auto json = parseJson(entry.payload);
        REQUIRE(json.isOk());
        auto parsed = ds::parseOperation(*json);
        REQUIRE_MESSAGE(parsed.isOk(), parsed.status().toString());
        return *parsed;
    }
};

// The server applied the op, as a push reply's outcome records it.
void acknowledge(Fixture& f, const std::string& opId)
{
    auto counts = dantoc::client::sync::SyncJournal(f.store->connection(), f.clock)
                      .finalize({dantoc::sync::OpOutcome::applied(opId, 1)}, {});
    REQUIRE_MESSAGE(counts.isOk(), counts.status().toString());
    REQUIRE(counts->applied == 1);
}

// A pulled server version: `serverBody` becomes the merge base, the record keeps showing its body.
void pretendPulled(Fixture& f, const std::string& id, const std::string& state, std::int64_t ver,
                   const std::string& serverBody)
{
    SubmissionRepository submissions(f.store->connection(), f.clock);
    auto record = submissions.get(id);
    REQUIRE(record.isOk());
    PulledVersion pulled = PulledVersion::of(*record);
    pulled.state = state;
    pulled.serverVersion = ver;
    pulled.serverBody = serverBody;
    REQUIRE(submissions.storePulled(pulled).isOk());
}

Json valid()
{
    return Json::parse(R"({"village_name": "Bản Nậm Cang", "households_total": 10, "households_poor": 3})");
}

}  // namespace

TEST_CASE("entry: first save enqueues one create with every field, then edits carry only the changed fields")
{
    Fixture f;
    const std::string id = f.draft();
    CHECK(f.pending().empty());  // a draft alone sends nothing

    auto first = f.service.save(id, valid());
    REQUIRE_MESSAGE(first.isOk(), first.status().toString());
    CHECK(first->issues.empty());
    REQUIRE(first->devSeqs.size() == 1);
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    CHECK(ops[0].kind == "create");
    CHECK(ops[0].baseVersion == 0);
    ds::Operation create = f.op(ops[0]);
    CHECK(create.kind == ds::OpKind::Create);
    CHECK(create.recordId == id);
    CHECK(create.form == ds::FormRef{"tiny_village", 2});
    CHECK(create.unit == "0164500000");
    CHECK(create.period == "2025-H2");
    CHECK(create.devSeq == static_cast<std::uint64_t>(ops[0].devSeq));
    CHECK(create.opId == ops[0].opId);
    CHECK(create.set.size() == 3);
    CHECK(create.set.at("households_total").before.is_null());
    CHECK(create.set.at("households_total").after == 10);

    Json edited = valid();
    edited["households_poor"] = 4;
    auto second = f.service.save(id, edited);
    REQUIRE(second.isOk());
    ops = f.pending();
    REQUIRE(ops.size() == 2);
    ds::Operation edit = f.op(ops[1]);
    CHECK(edit.kind == ds::OpKind::Edit);
    CHECK(edit.baseVer == 1);  // the create is not acknowledged yet: it will make version 1
    CHECK(edit.devSeq == create.devSeq + 1);
    CHECK(edit.deviceId == create.deviceId);
    REQUIRE(edit.set.size() == 1);
    CHECK(edit.set.at("households_poor") == ds::FieldChange{3, 4});

    // Saving the same body again has nothing to send.
    auto third = f.service.save(id, edited);
    REQUIRE(third.isOk());
    CHECK(third->devSeqs.empty());
    CHECK(f.pending().size() == 2);

    // Audit: one entry per save that produced an operation, plus the draft.
    auto audit = AuditRepository(f.store->connection(), f.clock).list(id);
    REQUIRE(audit.isOk());
    REQUIRE(audit->size() == 3);
    CHECK((*audit)[0].action == "create_draft");
    CHECK((*audit)[1].action == "save");
    CHECK((*audit)[1].actor == "Lò Văn Tâm");
}

TEST_CASE("entry: edits diff against record_base plus the pending operations, and use the server version")
{
    Fixture f;
    const std::string id = f.draft();
    REQUIRE(f.service.save(id, valid()).isOk());
    // Sync acknowledged the create: base = server body at version 3, the outbox emptied.
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    acknowledge(f, ops[0].opId);
    Json server = valid();
    server["households_total"] = 12;  // someone else's change, already in the base
    pretendPulled(f, id, "draft", 3, server.dump());
    auto base = f.service.enqueuedBody(id);
    REQUIRE(base.isOk());
    CHECK((*base)["households_total"] == 12);

    Json edited = server;
    edited["village_name"] = "Bản Nậm Cang Trên";
    REQUIRE(f.service.save(id, edited).isOk());
    ops = f.pending();
    REQUIRE(ops.size() == 1);
    ds::Operation edit = f.op(ops[0]);
    CHECK(edit.kind == ds::OpKind::Edit);
    CHECK(edit.baseVer == 3);
    REQUIRE(edit.set.size() == 1);
    CHECK(edit.set.at("village_name").before == "Bản Nậm Cang");
}

TEST_CASE("entry: operations list the attachments their new values point to")
{
    Fixture f;
    const std::string id = f.draft();
    const std::string sha(64, 'a');
    Json body = valid();
    body["members"] = Json::array({{{"head_name", "Giàng A Páo"}, {"scan", {{"sha256", sha}, {"name", "x.pdf"}}}}});
    REQUIRE(f.service.save(id, body).isOk());
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    CHECK(f.op(ops[0]).blobs == std::vector<std::string>{sha});
    body = Json::parse(SubmissionRepository(f.store->connection(), f.clock).get(id)->body);  // rows now have ids
    body["village_name"] = "Bản khác";
    REQUIRE(f.service.save(id, body).isOk());
    ops = f.pending();
    REQUIRE(ops.size() == 2);
    CHECK(f.op(ops[1]).blobs.empty());  // the attachment did not change
}

TEST_CASE("entry: autosave changes the body but enqueues nothing")
{
    Fixture f;
    const std::string id = f.draft();
    REQUIRE(f.service.autosave(id, valid()).isOk());
    CHECK(f.pending().empty());
    auto record = SubmissionRepository(f.store->connection(), f.clock).get(id);
    REQUIRE(record.isOk());
    CHECK(Json::parse(record->body) == valid());
    // The next save still creates with every field.
    REQUIRE(f.service.save(id, valid()).isOk());
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    CHECK(f.op(ops[0]).set.size() == 3);
    CHECK(f.service.autosave(id, Json::array()).code() == ErrorCode::InvalidArgument);
    CHECK(f.service.autosave("00000000-0000-4000-8000-000000000000", valid()).code() == ErrorCode::NotFound);
}

TEST_CASE("entry: a draft in a period not of the form's kind is refused, nothing stored")
{
    Fixture f;
    for (const char* period : {"2025", "2025-Q3", "2025-H3", ""}) {
        CAPTURE(period);
        auto refused = f.service.createDraft({"", "tiny_village", 2, "0164500000", period, "", "{}"});
        CHECK(refused.status().code() == ErrorCode::InvalidArgument);
    }
    CHECK(*f.store->connection().queryInt64("SELECT COUNT(*) FROM record") == 0);
    f.draft();  // a half-year is right
}

TEST_CASE("entry: a failure between the record change and the operation leaves neither")
{
    for (const char* step : {"record_written", "op_enqueued"}) {
        CAPTURE(step);
        Fixture f;
        const std::string id = f.draft();
        f.service.setFaultHook([&](std::string_view at) {
            return at == step ? Status(ErrorCode::Internal, "simulated crash") : Status::ok();
        });
        auto saved = f.service.save(id, valid());
        CHECK(saved.status().code() == ErrorCode::Internal);
        CHECK(f.pending().empty());
        auto next = OutboxRepository(f.store->connection(), f.clock).nextDevSeq();
        REQUIRE(next.isOk());
        CHECK(*next == 1);  // dev_seq not consumed
        auto record = SubmissionRepository(f.store->connection(), f.clock).get(id);
        REQUIRE(record.isOk());
        CHECK(record->body == "{}");
        auto audit = AuditRepository(f.store->connection(), f.clock).list(id);
        REQUIRE(audit.isOk());
        CHECK(audit->size() == 1);  // the draft only

        f.service.setFaultHook({});
        REQUIRE(f.service.save(id, valid()).isOk());
        CHECK(f.pending().size() == 1);
    }
}

TEST_CASE("entry: a failure inside submit leaves the record a draft with no operation")
{
    Fixture f;
    const std::string id = f.draft(valid().dump());
    f.service.setFaultHook([](std::string_view at) {
        return at == "op_enqueued" ? Status(ErrorCode::Internal, "simulated crash") : Status::ok();
    });
    CHECK(f.service.submit(id).status().code() == ErrorCode::Internal);
    CHECK(f.pending().empty());
    CHECK(SubmissionRepository(f.store->connection(), f.clock).get(id)->state == "draft");
    CHECK(*OutboxRepository(f.store->connection(), f.clock).nextDevSeq() == 1);
}

TEST_CASE("entry: submit is refused with hard errors, otherwise saves and enqueues the transition")
{
    Fixture f;
    Json bad = valid();
    bad["households_poor"] = 99;  // more poor than total: an error
    const std::string id = f.draft(bad.dump());
    auto refused = f.service.submit(id);
    REQUIRE(refused.isOk());
    CHECK(refused->refused);
    CHECK(refused->devSeqs.empty());
    bool found = false;
    for (const auto& issue : refused->issues) {
        found = found || (issue.field == "households_poor" && issue.severity == forms::Severity::Error);
    }
    CHECK(found);
    CHECK(f.pending().empty());
    CHECK(SubmissionRepository(f.store->connection(), f.clock).get(id)->state == "draft");

    REQUIRE(f.service.autosave(id, valid()).isOk());
    auto submitted = f.service.submit(id);
    REQUIRE_MESSAGE(submitted.isOk(), submitted.status().toString());
    CHECK_FALSE(submitted->refused);
    CHECK(submitted->record.state == "submitted");
    auto ops = f.pending();
    REQUIRE(ops.size() == 2);  // the unsent body (create), then the transition
    CHECK(ops[0].kind == "create");
    ds::Operation transition = f.op(ops[1]);
    CHECK(transition.kind == ds::OpKind::Transition);
    REQUIRE(transition.transition.has_value());
    CHECK(transition.transition->action == "submit");
    CHECK(transition.transition->from == "draft");
    CHECK(transition.transition->to == "submitted");
    CHECK(transition.transition->contentVer == 1);  // covers the queued create
    CHECK(transition.set.empty());

    // A submitted record is no longer editable here.
    CHECK(f.service.save(id, valid()).status().code() == ErrorCode::FailedPrecondition);
    CHECK(f.service.autosave(id, valid()).code() == ErrorCode::FailedPrecondition);
    CHECK(f.service.submit(id).status().code() == ErrorCode::FailedPrecondition);
}

TEST_CASE("entry: returned records are resubmitted")
{
    Fixture f;
    const std::string id = f.draft(valid().dump());
    REQUIRE(f.service.save(id, valid()).isOk());
    auto ops = f.pending();
    acknowledge(f, ops[0].opId);
    pretendPulled(f, id, "returned", 5, valid().dump());
    auto result = f.service.submit(id);
    REQUIRE(result.isOk());
    ops = f.pending();
    REQUIRE(ops.size() == 1);  // nothing new in the body
    ds::Operation op = f.op(ops[0]);
    CHECK(op.transition->action == "resubmit");
    CHECK(op.transition->from == "returned");
    CHECK(op.transition->contentVer == 5);
    CHECK(op.baseVer == 5);
}

TEST_CASE("entry: roster rows get UUID ids (validation requires them); existing ids are kept; edits address rows by id")
{
    Fixture f;
    Json body = valid();
    body["members"] = Json::array({{{"head_name", "Giàng A Páo"}, {"size", 5}},
                                   {{"_id", "keepMe_1"}, {"head_name", "Lò Thị Mai"}, {"size", 3}, {"note", nullptr}}});
    const std::string id = f.draft(body.dump());
    auto record = SubmissionRepository(f.store->connection(), f.clock).get(id);
    REQUIRE(record.isOk());
    Json stored = Json::parse(record->body);
    const std::string newId = stored["members"][0]["_id"].get<std::string>();
    CHECK(isUuid(newId));
    CHECK(stored["members"][1]["_id"] == "keepMe_1");
    CHECK_FALSE(stored["members"][1].contains("note"));  // nulls dropped: canonical body

    REQUIRE(f.service.save(id, stored).isOk());
    stored["members"][1]["size"] = 4;
    stored["members"].push_back({{"head_name", "Vàng Seo Chứ"}});
    REQUIRE(f.service.save(id, stored).isOk());
    auto ops = f.pending();
    REQUIRE(ops.size() == 2);
    ds::Operation edit = f.op(ops[1]);
    REQUIRE(edit.set.size() == 2);
    CHECK(edit.set.at("members[keepMe_1].size") == ds::FieldChange{3, 4});
    bool added = false;
    for (const auto& [path, change] : edit.set) {
        added = added || (path.rfind("members[", 0) == 0 && change.before.is_null() &&
                          change.after.value("head_name", "") == "Vàng Seo Chứ");
    }
    CHECK(added);
    CHECK(EntryService::newRowId() != EntryService::newRowId());
}

TEST_CASE("entry: comments are operations; bad input is refused")
{
    Fixture f;
    const std::string id = f.draft(valid().dump());
    CHECK(f.service.comment(id, "  ").status().code() == ErrorCode::InvalidArgument);
    auto commented = f.service.comment(id, "Số hộ nghèo đã được rà soát", std::string("households_poor"));
    REQUIRE_MESSAGE(commented.isOk(), commented.status().toString());
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    ds::Operation op = f.op(ops[0]);
    REQUIRE(op.comment.has_value());
    CHECK(op.comment->text == "Số hộ nghèo đã được rà soát");
    CHECK(op.comment->field == std::optional<std::string>("households_poor"));

    auto newest = f.service.createDraft({"", "tiny_village", 0, "0164500000", "2025-H2", "", "{}"});
    REQUIRE(newest.isOk());
    CHECK(newest->formVersion == 2);
    CHECK(f.service.createDraft({"", "no_such_form", 1, "0164500000", "2025-H2", "", "{}"}).status().code() ==
          ErrorCode::NotFound);
    CHECK(f.service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "[1]"}).status().code() ==
          ErrorCode::InvalidArgument);
    CHECK(f.service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "{"}).status().code() ==
          ErrorCode::InvalidArgument);
}

TEST_CASE("entry: the explanation of a warning is stored with the record and used again at the resubmit")
{
    Fixture f;
    // The tiny form with a warning check: poor households above half of all need an explanation.
    Json form = Json::parse(test::kTinyForm);
    form["version"] = 3;
    form["checks"] = Json::array({Json{{"id", "many_poor"},
                                       {"expression", "households_poor * 2 <= households_total"},
                                       {"message", {{"vi", "Tỷ lệ hộ nghèo trên 50%"}, {"en", "Over half poor"}}},
                                       {"fields", Json::array({"households_poor"})},
                                       {"severity", "warning"}}});
    REQUIRE(FormTemplateRepository(f.store->connection()).put({"tiny_village", 3, form.dump(), ""}).isOk());
    Json values = valid();
    values["households_poor"] = 7;
    auto record = f.service.createDraft({"", "tiny_village", 3, "0164500000", "2025-H2", "", "{}"});
    REQUIRE(record.isOk());
    const std::string id = record->id;
    const std::string key = "check:many_poor";
    const std::string why = "Lũ quét tháng 8 cuốn trôi nhà của 4 hộ";

    auto unexplained = f.service.submit(id);
    REQUIRE(unexplained.isOk());
    CHECK(unexplained->refused);  // saved body has no values yet: errors anyway
    REQUIRE(f.service.save(id, values, {{key, why}}).isOk());
    auto stored = parseJson(SubmissionRepository(f.store->connection(), f.clock).get(id)->body);
    REQUIRE(stored.isOk());
    CHECK((*stored)[forms::kBodyNotesKey][key] == why);  // in the body: it syncs and merges with the values
    // A later save without notes (an edit of another field) keeps it; submitting needs nothing more.
    values["village_name"] = "Bản Nậm Cang Trên";
    REQUIRE(f.service.save(id, values).isOk());
    auto issues = f.service.validate(id);
    REQUIRE(issues.isOk());
    for (const auto& issue : *issues) {
        CHECK_MESSAGE(issue.code != "warning_unexplained", issue.message);
        CHECK(issue.code != "unknown_field");  // the explanations are not taken for a field
    }
    auto submitted = f.service.submit(id);
    REQUIRE(submitted.isOk());
    CHECK_FALSE(submitted->refused);

    // Returned: the resubmit uses the stored explanation; an empty text given removes it, and is refused.
    acknowledge(f, f.pending()[0].opId);
    pretendPulled(f, id, "returned", 3, SubmissionRepository(f.store->connection(), f.clock).get(id)->body);
    auto removed = f.service.submit(id, {{key, ""}});
    REQUIRE(removed.isOk());
    CHECK(removed->refused);
    auto resubmitted = f.service.submit(id);
    REQUIRE(resubmitted.isOk());
    CHECK_FALSE(resubmitted->refused);
    CHECK(resubmitted->record.state == "submitted");
}
