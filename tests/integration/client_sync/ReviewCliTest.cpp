// Issue 15 by the `dantoc` binary, two real stores against the real dantoc-server over TLS: the officer
// imports and submits, the province reviewer lists its queue and returns with two field comments (`review
// return
// --comment`), the officer lists the comments, is refused a resubmit before replying, replies, edits and
// resubmits (`comments reply`, `entry edit`, `entry submit`); the reviewer's stale acceptance is refused, the
// current one goes through, and `dantoc status --json` lists no problem. Every command with --json.
#include "CliRun.h"
#include "support/DemoValues.h"
#include "support/Files.h"
#include "support/FlowAccounts.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#ifdef DANTOC_CLI

using dantoc::test::FlowAccounts;
using dantoc::test::TestServer;
using dantoc::test::client_sync::dantocCli;
using dantoc::test::client_sync::Run;
using nlohmann::json;

namespace {

json parsed(const Run& run)
{
    INFO(run.err);
    json out = json::parse(run.out, nullptr, false);
    REQUIRE_FALSE(out.is_discarded());
    return out;
}

// `dantoc init` + `dantoc enroll` of a new store in `dir` for `account`.
QString enrolledStore(const dantoc::test::TempDir& dir, const char* name, const TestServer& server,
                      FlowAccounts& accounts, const std::string& account)
{
    const QString store = QString::fromStdString((dir.path() / name).string());
    REQUIRE(dantocCli({"init", "--store", store}, {}).exitCode == 0);
    const std::string fresh = FlowAccounts::newPasswordFor(account);
    Run enrolled = dantocCli(
        {"enroll", "--store", store, "--server", QStringLiteral("https://127.0.0.1:%1").arg(server.port()),
         "--account", QString::fromStdString(account), "--fingerprint",
         QString::fromStdString(server.fingerprint())},
        {{"DANTOC_PASSWORD", accounts.password(account)}, {"DANTOC_NEW_PASSWORD", fresh}});
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.err);
    accounts.setPassword(account, fresh);
    return store;
}

json sync(const QString& store)
{
    Run synced = dantocCli({"sync", "--store", store, "--json"}, {});
    REQUIRE_MESSAGE(synced.exitCode == 0, synced.err);
    return parsed(synced);
}

} // namespace

TEST_CASE("dantoc review / comments / entry edit+submit: the return round trip and a stale acceptance")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    dantoc::test::TempDir dir{"dantoc-review-cli"};
    const QString officer = enrolledStore(dir, "xa", server, accounts, "xa02683");
    const QString reviewer = enrolledStore(dir, "tinh", server, accounts, "duyet15");

    json entry = dantoc::test::demoSample("village_survey");
    entry["unit"] = "02683-01";
    entry["period"] = "2026-H2";
    const std::string id = entry["id"];
    const int poor = entry["values"]["households_poor"];
    const std::string entryFile = (dir.path() / "entry.json").string();
    dantoc::test::writeFile(entryFile, entry.dump());
    Run imported = dantocCli(
        {"entry", "import", "--store", officer, "--json", QString::fromStdString(entryFile), "--submit"}, {});
    REQUIRE_MESSAGE(imported.exitCode == 0, std::string(imported.err + imported.out));
    sync(officer);

    // The reviewer's queue.
    sync(reviewer);
    json queue = parsed(dantocCli({"review", "list", "--store", reviewer, "--json"}, {}));
    REQUIRE(queue["awaiting"].size() == 1);
    const json& item = queue["awaiting"][0];
    CHECK(item["id"] == id);
    CHECK(item["actions"] == json::array({"return", "accept"}));
    const std::int64_t seen = item["content_ver"];
    const QString seenText = QString::number(seen);
    const QString record = QString::fromStdString(id);
    json shown = parsed(dantocCli({"review", "show", "--store", reviewer, "--record", record, "--json"}, {}));
    CHECK(shown["values"]["households_poor"] == poor);

    // Bad input changes nothing: an unknown field, no --seen.
    Run badField = dantocCli({"review", "return", "--store", reviewer, "--record", record, "--seen", seenText,
                              "--reason", "Sai", "--comment", "khong_co=?", "--json"},
                             {});
    CHECK(badField.exitCode == 2);
    CHECK(dantocCli({"review", "accept", "--store", reviewer, "--record", record}, {}).exitCode == 2);
    Run returned = dantocCli({"review", "return", "--store", reviewer, "--record", record, "--seen", seenText,
                              "--reason", "Số hộ nghèo cao bất thường", "--comment",
                              "households_poor=Kiểm tra lại số hộ nghèo", "--comment",
                              "households_total=Đếm lại tổng số hộ", "--json"},
                             {});
    REQUIRE_MESSAGE(returned.exitCode == 0, returned.err);
    CHECK(parsed(returned)["record"]["state"] == "returned");
    CHECK(sync(reviewer)["push"]["applied"] == 1);

    // The officer: the comments, a refused resubmit, replies, the fix, the resubmit.
    sync(officer);
    json comments =
        parsed(dantocCli({"comments", "list", "--store", officer, "--record", record, "--json"}, {}));
    CHECK(comments["record"]["state"] == "returned");
    CHECK(comments["comments"].size() == 3);
    REQUIRE(comments["needing_reply"].size() == 2);
    Run early = dantocCli({"entry", "submit", "--store", officer, "--record", record, "--json"}, {});
    CHECK(early.exitCode == 1);
    CHECK(parsed(early)["error"]["code"] == "unanswered_comments");
    for (const auto& commentId : comments["needing_reply"]) {
        Run replied = dantocCli({"comments", "reply", "--store", officer, "--comment",
                                 QString::fromStdString(commentId.get<std::string>()), "--text",
                                 "Đã kiểm tra, đã sửa", "--json"},
                                {});
        REQUIRE_MESSAGE(replied.exitCode == 0, replied.err);
    }
    Run edited = dantocCli({"entry", "edit", "--store", officer, "--record", record, "--set",
                            QStringLiteral("households_poor=%1").arg(poor - 1), "--json"},
                           {});
    REQUIRE_MESSAGE(edited.exitCode == 0, std::string(edited.err + edited.out));
    Run resubmitted = dantocCli({"entry", "submit", "--store", officer, "--record", record, "--json"}, {});
    REQUIRE_MESSAGE(resubmitted.exitCode == 0, std::string(resubmitted.err + resubmitted.out));
    CHECK(parsed(resubmitted)["record"]["state"] == "submitted");
    json fixed = sync(officer);
    CHECK(fixed["push"]["applied"] == 4);
    CHECK(fixed["push"]["rejected"] == 0);

    // The reviewer: the old content version is refused, the new one accepted.
    sync(reviewer);
    Run stale = dantocCli(
        {"review", "accept", "--store", reviewer, "--record", record, "--seen", seenText, "--json"}, {});
    CHECK(stale.exitCode == 1);
    CHECK(parsed(stale)["error"]["code"] == "stale_review");
    queue = parsed(dantocCli({"review", "list", "--store", reviewer, "--json"}, {}));
    REQUIRE(queue["awaiting"].size() == 1);
    const std::int64_t current = queue["awaiting"][0]["content_ver"];
    CHECK(current > seen);
    Run accepted = dantocCli({"review", "accept", "--store", reviewer, "--record", record, "--seen",
                              QString::number(current), "--json"},
                             {});
    REQUIRE_MESSAGE(accepted.exitCode == 0, accepted.err);
    CHECK(sync(reviewer)["push"]["applied"] == 1);
    json status = parsed(dantocCli({"status", "--store", reviewer, "--json"}, {}));
    CHECK(status["problems"].empty());
    sync(officer);
    json listed = parsed(dantocCli({"entry", "list", "--store", officer, "--json"}, {}));
    bool acceptedHere = false;
    for (const auto& r : listed) {
        acceptedHere = acceptedHere || (r["id"] == id && r["state"] == "accepted");
    }
    CHECK(acceptedHere);
}

namespace {

// The record's entry in `review list --json` of `store`, or null.
json awaitingItem(const QString& store, const std::string& id)
{
    json queue = parsed(dantocCli({"review", "list", "--store", store, "--json"}, {}));
    for (const auto& item : queue["awaiting"]) {
        if (item["id"] == id) {
            return item;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("dantoc review on the district chain of the province as it was before the reform (init --demo --as-of "
          "2025-06-30): the district returns, approves, takes it back, approves and forwards; the province accepts")
{
    TestServer::Options options;
    options.initArgs = {"--demo", "--as-of", "2025-06-30"};
    TestServer server(options);
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    // The demo accounts of old Lào Cai: a commune of Huyện Bát Xát, the district's reviewer, the province's.
    for (const char* name : {"admin", "duyet10", "huyen082", "xa02683", "xa02710"}) {
        CHECK_MESSAGE(!accounts.password(name).empty(), name);
    }
    CHECK(accounts.password("duyet15").empty());
    dantoc::test::TempDir dir{"dantoc-review-district"};
    const QString officer = enrolledStore(dir, "xa", server, accounts, "xa02683");
    const QString district = enrolledStore(dir, "huyen", server, accounts, "huyen082");
    const QString province = enrolledStore(dir, "tinh", server, accounts, "duyet10");

    json entry = dantoc::test::demoSample("commune_survey");
    entry["unit"] = "02683";  // Thị trấn Bát Xát, in Huyện Bát Xát until 2025-06-30
    entry["period"] = "2024";
    entry["values"]["survey_date"] = "2025-01-15";  // not after the server's date
    const std::string id = entry["id"];
    const QString record = QString::fromStdString(id);
    const std::string entryFile = (dir.path() / "commune.json").string();
    dantoc::test::writeFile(entryFile, entry.dump());
    // The signed scan the sample refers to, put in the store first (else its operations wait for the file).
    Run attached = dantocCli({"attachment", "add", "--store", officer,
                              QString::fromStdString(
                                  (dantoc::test::resourcesDir() / "demo" / "phieu-xa-bat-xat-2025.pdf").string())},
                             {});
    REQUIRE_MESSAGE(attached.exitCode == 0, attached.err);
    Run imported = dantocCli(
        {"entry", "import", "--store", officer, "--json", QString::fromStdString(entryFile), "--submit"}, {});
    REQUIRE_MESSAGE(imported.exitCode == 0, std::string(imported.err + imported.out));
    const json pushed = sync(officer);
    CHECK(pushed["push"]["applied"] == 2);
    CHECK(pushed["upload"]["blobs_completed"] == 1);

    // The district is the first review level; the province sees nothing to do yet.
    sync(district);
    sync(province);
    CHECK(awaitingItem(province, id).is_null());
    json item = awaitingItem(district, id);
    REQUIRE(item.is_object());
    CHECK(item["actions"] == json::array({"return", "approve"}));
    QString seen = QString::number(item["content_ver"].get<std::int64_t>());
    CHECK(dantocCli({"review", "accept", "--store", district, "--record", record, "--seen", seen, "--json"}, {})
              .exitCode != 0);  // not the final level

    // A return with a field comment, answered and resubmitted by the commune.
    Run returned = dantocCli({"review", "return", "--store", district, "--record", record, "--seen", seen,
                              "--reason", "Kiểm tra diện tích", "--comment",
                              "natural_area_km2=Đối chiếu với số liệu địa chính", "--json"},
                             {});
    REQUIRE_MESSAGE(returned.exitCode == 0, returned.err);
    CHECK(sync(district)["push"]["applied"] == 1);
    sync(officer);
    json comments = parsed(dantocCli({"comments", "list", "--store", officer, "--record", record, "--json"}, {}));
    REQUIRE(comments["needing_reply"].size() == 1);
    Run replied = dantocCli({"comments", "reply", "--store", officer, "--comment",
                             QString::fromStdString(comments["needing_reply"][0].get<std::string>()), "--text",
                             "Đã đối chiếu, số liệu đúng", "--json"},
                            {});
    REQUIRE_MESSAGE(replied.exitCode == 0, replied.err);
    // Its warning's explanation, given at the first submit, stayed with the record; a new one replaces it.
    const std::string note = "check:households_by_ethnic_group";
    const std::string explained = "2 hộ mới tách, đã xác định dân tộc chủ hộ";
    Run resubmitted = dantocCli({"entry", "submit", "--store", officer, "--record", record, "--note",
                                 QString::fromStdString(note + "=" + explained), "--json"},
                                {});
    REQUIRE_MESSAGE(resubmitted.exitCode == 0, std::string(resubmitted.err + resubmitted.out));
    CHECK(sync(officer)["push"]["rejected"] == 0);

    // The district approves, then forwards to the province; it reads the commune's explanation.
    sync(district);
    item = awaitingItem(district, id);
    REQUIRE(item.is_object());
    json shown = parsed(dantocCli({"review", "show", "--store", district, "--record", record, "--json"}, {}));
    CHECK(shown["notes"][note] == explained);
    CHECK_FALSE(shown["values"].contains("_notes"));
    seen = QString::number(item["content_ver"].get<std::int64_t>());
    Run approved = dantocCli({"review", "approve", "--store", district, "--record", record, "--seen", seen, "--json"},
                             {});
    REQUIRE_MESSAGE(approved.exitCode == 0, approved.err);
    CHECK(parsed(approved)["record"]["state"] == "approved");
    item = awaitingItem(district, id);
    REQUIRE(item.is_object());
    CHECK(item["actions"] == json::array({"return", "forward", "reopen"}));
    // Taken back (the approval was a mistake), then approved again.
    Run reopened = dantocCli({"review", "reopen", "--store", district, "--record", record, "--seen", seen, "--json"},
                             {});
    REQUIRE_MESSAGE(reopened.exitCode == 0, reopened.err);
    CHECK(parsed(reopened)["record"]["state"] == "submitted");
    approved = dantocCli({"review", "approve", "--store", district, "--record", record, "--seen", seen, "--json"}, {});
    REQUIRE_MESSAGE(approved.exitCode == 0, approved.err);
    Run forwarded = dantocCli(
        {"review", "forward", "--store", district, "--record", record, "--seen", seen, "--json"}, {});
    REQUIRE_MESSAGE(forwarded.exitCode == 0, forwarded.err);
    CHECK(parsed(forwarded)["record"]["state"] == "forwarded");
    CHECK(sync(district)["push"]["applied"] == 4);
    CHECK(awaitingItem(district, id).is_null());

    // The province accepts; every store ends with the accepted record and no problem.
    sync(province);
    item = awaitingItem(province, id);
    REQUIRE(item.is_object());
    CHECK(item["actions"] == json::array({"return", "accept"}));
    Run accepted = dantocCli({"review", "accept", "--store", province, "--record", record, "--seen",
                              QString::number(item["content_ver"].get<std::int64_t>()), "--json"},
                             {});
    REQUIRE_MESSAGE(accepted.exitCode == 0, accepted.err);
    CHECK(sync(province)["push"]["applied"] == 1);
    for (const QString& store : {officer, district, province}) {
        sync(store);
        json listed = parsed(dantocCli({"entry", "list", "--store", store, "--json"}, {}));
        std::string state;
        for (const auto& r : listed) {
            if (r["id"] == id) {
                state = r["state"];
            }
        }
        CHECK_MESSAGE(state == "accepted", store.toStdString());
        CHECK(parsed(dantocCli({"status", "--store", store, "--json"}, {}))["problems"].empty());
    }
}

#endif
