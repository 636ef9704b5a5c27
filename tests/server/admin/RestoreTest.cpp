// `dantoc-server restore`: round trip with the real executable (changes after the backup are gone, the audit chain
// verifies and records the restore), refusal while a server holds the data directory, refusal of damaged backups
// (nothing changes then).
#include "AdminFixture.h"
#include "admin/DataDirLock.h"
#include "store/SqliteStore.h"
#include "support/TestServer.h"

#include <sqlite3.h>

#include <fstream>
#include <sstream>

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::TestServer;

namespace {

int tool(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr)
{
    return TestServer::runTool(args, out, err);
}

bool hasAccount(const std::filesystem::path& data, const std::string& username)
{
    auto store = SqliteStore::open(data);
    REQUIRE(store.isOk());
    auto found = (*store)->accountByUsername(username);
    REQUIRE(found.isOk());
    return found->has_value();
}

void execRaw(const std::filesystem::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

std::int64_t countRaw(const std::filesystem::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

struct Prepared {
    dantoc::test::TempDir dir{"dantoc-restore"};
    std::filesystem::path data = dir.path() / "data";
    std::filesystem::path backup = dir.path() / "backup.db";

    Prepared()
    {
        REQUIRE(tool({"init", "--data", data.string(), "--password-hash-ops", "1", "--password-hash-mem", "8192"}) ==
                0);
        REQUIRE(tool({"user", "add", "--data", data.string(), "--username", "before", "--role", "provincial_viewer",
                      "--unit", "15"}) == 0);
        REQUIRE(tool({"backup", "--data", data.string(), "--out", backup.string()}) == 0);
        REQUIRE(tool({"user", "add", "--data", data.string(), "--username", "after", "--role", "provincial_viewer",
                      "--unit", "15"}) == 0);
        REQUIRE(hasAccount(data, "after"));
    }
};

}  // namespace

TEST_CASE("restore: the changes after the backup are gone, the old database is kept aside, audit verifies")
{
    Prepared p;
    std::string out;
    std::string err;
    REQUIRE(tool({"restore", "--data", p.data.string(), "--from", p.backup.string()}, &out, &err) == 0);
    CAPTURE(err);
    const auto line = nlohmann::json::parse(out);
    CHECK(line["event"] == "restored");
    const std::filesystem::path aside = line["kept_aside"].get<std::string>();
    CHECK(std::filesystem::exists(aside));
    CHECK(aside.filename().string().rfind("dantoc-server.db.before-restore-", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(p.data / "restore-staging"));

    CHECK(hasAccount(p.data, "before"));
    CHECK_FALSE(hasAccount(p.data, "after"));
    CHECK(countRaw(aside, "SELECT count(*) FROM account WHERE username = 'after'") == 1);
    out.clear();
    REQUIRE(tool({"audit", "verify", "--data", p.data.string()}, &out) == 0);
    CHECK(out.find("\"ok\":true") != std::string::npos);
    auto store = SqliteStore::open(p.data);
    REQUIRE(store.isOk());
    auto audit = (*store)->allAudit();
    REQUIRE(audit.isOk());
    CHECK(audit->back().event.action == "store.restore");
    bool sawAfter = false;
    for (const auto& entry : *audit) {
        sawAfter = sawAfter || entry.event.detailJson.find("\"after\"") != std::string::npos;
    }
    CHECK_FALSE(sawAfter);  // the audit of the undone change went with it (it stays in the kept-aside file)
}

TEST_CASE("restore is refused while a server holds the data directory, and while the lock is held")
{
    Prepared p;
    {
        auto held = DataDirLock::acquire(p.data);
        REQUIRE(held.isOk());
        CHECK_FALSE(DataDirLock::acquire(p.data).isOk());  // a second holder, even in the same process
        std::string err;
        CHECK(tool({"restore", "--data", p.data.string(), "--from", p.backup.string()}, nullptr, &err) == 1);
        CHECK(err.find("server.lock") != std::string::npos);
        CHECK(hasAccount(p.data, "after"));
    }
    TestServer server;
    REQUIRE(server.started());
    const auto backup = p.dir.path() / "running.db";
    REQUIRE(tool({"backup", "--data", server.dataDir().string(), "--out", backup.string()}) == 0);
    std::string err;
    CHECK(tool({"restore", "--data", server.dataDir().string(), "--from", backup.string()}, nullptr, &err) == 1);
    CHECK(err.find("server.lock") != std::string::npos);
    CHECK(server.stop() == 0);
    CHECK(tool({"restore", "--data", server.dataDir().string(), "--from", backup.string()}) == 0);
}

TEST_CASE("restore refuses a damaged, foreign, newer or tampered backup and changes nothing")
{
    Prepared p;
    const auto garbage = p.dir.path() / "garbage.db";
    dantoc::test::writeText(garbage, std::string(8192, 'x'));
    const auto foreign = p.dir.path() / "foreign.db";
    execRaw(foreign, "CREATE TABLE t (x)");
    const auto newer = p.dir.path() / "newer.db";
    std::filesystem::copy_file(p.backup, newer);
    execRaw(newer, "PRAGMA user_version = 99");
    const auto tampered = p.dir.path() / "tampered.db";
    std::filesystem::copy_file(p.backup, tampered);
    execRaw(tampered, "DROP TRIGGER audit_no_update; UPDATE audit SET target = 'forged' WHERE seq = 1");

    for (const auto& [file, expected] : std::vector<std::pair<std::filesystem::path, std::string>>{
             {garbage, "backup"},
             {foreign, "not a dantoc server store"},
             {newer, "newer than this server"},
             {tampered, "audit chain"},
             {p.dir.path() / "missing.db", "no backup file"}}) {
        CAPTURE(file);
        std::string err;
        CHECK(tool({"restore", "--data", p.data.string(), "--from", file.string()}, nullptr, &err) == 1);
        CAPTURE(err);
        CHECK(err.find(expected) != std::string::npos);
        CHECK(hasAccount(p.data, "after"));
        CHECK_FALSE(std::filesystem::exists(p.data / "restore-staging"));
    }
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(p.data)) {
        files += entry.path().filename().string().find("before-restore") != std::string::npos ? 1 : 0;
    }
    CHECK(files == 0);
}

TEST_CASE("backup copies the complete attachment files next to the database; restore puts back the missing ones")
{
    Prepared p;
    namespace fs = std::filesystem;
    const std::string sha = "ab" + std::string(62, '7');
    const fs::path blob = p.data / "blobs" / "ab" / sha;
    fs::create_directories(blob.parent_path());
    fs::create_directories(p.data / "blobs" / "partial");
    {
        std::ofstream(blob, std::ios::binary) << "the attachment's bytes";
        std::ofstream(p.data / "blobs" / "partial" / (sha + "-0123456789abcdef.part"), std::ios::binary) << "half";
    }
    const fs::path backup = p.dir.path() / "with-attachments.db";
    std::string out;
    REQUIRE(tool({"backup", "--data", p.data.string(), "--out", backup.string()}, &out) == 0);
    const auto line = nlohmann::json::parse(out);
    CHECK(line["attachments"] == 1);
    const fs::path copied = fs::path(backup.string() + ".blobs") / "ab" / sha;
    REQUIRE(fs::exists(copied));
    CHECK(fs::file_size(copied) == fs::file_size(blob));
    CHECK_FALSE(fs::exists(fs::path(backup.string() + ".blobs") / "partial"));  // partial uploads are not copied

    fs::remove_all(p.data / "blobs");  // the disk holding the attachments was lost
    out.clear();
    REQUIRE(tool({"restore", "--data", p.data.string(), "--from", backup.string()}, &out) == 0);
    CHECK(nlohmann::json::parse(out)["attachments_restored"] == 1);
    REQUIRE(fs::exists(blob));
    std::ifstream in(blob, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    CHECK(bytes.str() == "the attachment's bytes");
    // Restoring again copies nothing new.
    out.clear();
    REQUIRE(tool({"restore", "--data", p.data.string(), "--from", backup.string()}, &out) == 0);
    CHECK(nlohmann::json::parse(out)["attachments_restored"] == 0);
}
