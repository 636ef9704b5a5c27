// Backup of a RUNNING real server with `dantoc-server backup`: the file is a consistent database holding exactly
// what was committed before the backup; a data directory made from it passes `audit verify` and serves over TLS
// with the accounts and passwords of that moment. `dantoc-server restore` is refused while the server runs, and
// after a stop puts the backup back (keeping the replaced database aside), audited, served again.
#include "support/FlowAccounts.h"
#include "support/Files.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using dantoc::test::FlowAccounts;
using dantoc::test::ServerProcess;
using dantoc::test::TempDir;
using dantoc::test::TestServer;
using nlohmann::json;

namespace {

std::set<std::string> usernames(dantoc::test::HttpsClient& client, const std::string& token)
{
    std::set<std::string> out;
    auto list = client.get("/api/v1/admin/accounts?include_closed=true", token);
    REQUIRE(list.status == 200);
    const json listDoc = json::parse(list.body);
    for (const auto& a : listDoc.at("accounts")) {
        out.insert(a["username"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("backup while serving, then a server on the backup holds exactly the state at backup time")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    auto admin = accounts.ready(client, "admin");
    REQUIRE(admin.ok());
    REQUIRE(accounts.create(client, admin.accessToken, "truoc.sao-luu", "commune_officer", "02683") == 201);
    auto before = accounts.ready(client, "truoc.sao-luu");
    REQUIRE(before.ok());

    TempDir backups("dantoc-backup");
    const auto file = backups / "dantoc-backup.db";
    std::string out;
    std::string err;
    REQUIRE(TestServer::runTool({"backup", "--data", server.dataDir().string(), "--out", file.string()}, &out, &err) ==
            0);
    CAPTURE(err);
    CHECK(json::parse(out)["event"] == "backup");
    CHECK(std::filesystem::file_size(file) > 0);
    // Never over an existing file.
    CHECK(TestServer::runTool({"backup", "--data", server.dataDir().string(), "--out", file.string()}, &out, &err) ==
          1);

    // Changes after the backup: not in it.
    REQUIRE(accounts.create(client, admin.accessToken, "sau.sao-luu", "commune_officer", "02686") == 201);
    const auto live = usernames(client, admin.accessToken);
    CHECK(live.count("sau.sao-luu") == 1);
    // The backup is audited in the live database, after the copy was taken.
    auto audited = client.get("/api/v1/audit?action=store.backup", admin.accessToken);
    REQUIRE(audited.status == 200);
    REQUIRE(json::parse(audited.body)["entries"].size() == 1);
    CHECK(json::parse(audited.body)["entries"][0]["target"] == file.string());
    REQUIRE(server.stop() == 0);

    // A data directory from the backup: the original's configuration and certificate, the backup as database.
    TempDir restored("dantoc-restored");
    for (const auto& entry : std::filesystem::directory_iterator(server.dataDir())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("dantoc-server.db", 0) != 0) {
            std::filesystem::copy(entry.path(), restored / name, std::filesystem::copy_options::recursive);
        }
    }
    std::filesystem::copy_file(file, restored / "dantoc-server.db");
    REQUIRE(TestServer::runTool({"audit", "verify", "--data", restored.path().string()}, &out) == 0);
    CHECK(json::parse(out)["ok"] == true);

    ServerProcess again(restored.path());
    REQUIRE(again.started());
    CHECK(again.fingerprint() == server.fingerprint());
    auto client2 = again.client();
    auto admin2 = accounts.ready(client2, "admin");  // the changed password, as at backup time
    REQUIRE(admin2.ok());
    const auto fromBackup = usernames(client2, admin2.accessToken);
    CHECK(fromBackup.count("truoc.sao-luu") == 1);
    CHECK(fromBackup.count("sau.sao-luu") == 0);
    CHECK(fromBackup.size() + 1 == live.size());
    // The account created before the backup logs in with the password it had then.
    auto officer = client2.post("/api/v1/auth/login",
                                json{{"username", "truoc.sao-luu"}, {"password", before.password}}.dump());
    CHECK(officer.status == 200);
    auto copyAudit = client2.get("/api/v1/audit?action=store.backup", admin2.accessToken);
    REQUIRE(copyAudit.status == 200);
    CHECK(json::parse(copyAudit.body)["entries"].empty());
    CHECK(again.stop() == 0);
}

TEST_CASE("backup, more changes, stop, restore: the server comes back with the backup's state, audited")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    auto admin = accounts.ready(client, "admin");
    REQUIRE(admin.ok());
    REQUIRE(accounts.create(client, admin.accessToken, "truoc.sao-luu", "commune_officer", "02683") == 201);
    const std::string data = server.dataDir().string();

    TempDir backups("dantoc-backup");
    const auto file = backups / "dantoc-backup.db";
    std::string out;
    std::string err;
    REQUIRE(TestServer::runTool({"backup", "--data", data, "--out", file.string()}, &out, &err) == 0);
    REQUIRE(accounts.create(client, admin.accessToken, "sau.sao-luu", "commune_officer", "02686") == 201);
    CHECK(usernames(client, admin.accessToken).count("sau.sao-luu") == 1);

    // Never under a running server.
    CHECK(TestServer::runTool({"restore", "--data", data, "--from", file.string()}, &out, &err) == 1);
    CHECK(usernames(client, admin.accessToken).count("sau.sao-luu") == 1);
    REQUIRE(server.stop() == 0);

    // A missing or damaged backup changes nothing.
    CHECK(TestServer::runTool({"restore", "--data", data, "--from", (backups / "none.db").string()}, &out, &err) == 1);
    const auto damaged = backups / "damaged.db";
    dantoc::test::writeFile(damaged, "SQLite format 3 - not really");
    CHECK(TestServer::runTool({"restore", "--data", data, "--from", damaged.string()}, &out, &err) == 1);

    REQUIRE(TestServer::runTool({"restore", "--data", data, "--from", file.string()}, &out, &err) == 0);
    CAPTURE(err);
    const json restored = json::parse(out);
    CHECK(restored["event"] == "restored");
    const std::string aside = restored["kept_aside"];
    REQUIRE_FALSE(aside.empty());
    CHECK(std::filesystem::exists(aside));  // the replaced database is kept, never deleted
    REQUIRE(TestServer::runTool({"audit", "verify", "--data", data}, &out) == 0);
    CHECK(json::parse(out)["ok"] == true);

    ServerProcess again(server.dataDir());
    REQUIRE(again.started());
    auto client2 = again.client();
    auto admin2 = accounts.ready(client2, "admin");
    REQUIRE(admin2.ok());
    const auto names = usernames(client2, admin2.accessToken);
    CHECK(names.count("truoc.sao-luu") == 1);
    CHECK(names.count("sau.sao-luu") == 0);
    auto audit = client2.get("/api/v1/audit?action=store.restore", admin2.accessToken);
    REQUIRE(audit.status == 200);
    const json auditDoc = json::parse(audit.body);
    REQUIRE(auditDoc.at("entries").size() == 1);
    CHECK(auditDoc.at("entries")[0]["target"] == file.string());
    CHECK(again.stop() == 0);
}
