// `dantoc-server audit checkpoint` and `audit verify --checkpoint` with the real executable (issue 19, finding 4):
// init creates the audit key apart from the database (0600), a checkpoint verifies, deleting the last rows is
// caught with it, an existing checkpoint file is never overwritten, and backup + restore keep verifying under the
// data directory's key.
#include "AdminFixture.h"
#include "audit/AuditKey.h"
#include "store/SqliteStore.h"
#include "support/TestServer.h"

#include <sqlite3.h>
#include <sys/stat.h>

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::TestServer;

namespace {

int tool(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr)
{
    return TestServer::runTool(args, out, err);
}

void execRaw(const std::filesystem::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

void addUser(const std::filesystem::path& data, const std::string& name)
{
    REQUIRE(tool({"user", "add", "--data", data.string(), "--username", name, "--role", "provincial_viewer", "--unit",
                  "15"}) == 0);
}

}  // namespace

TEST_CASE("audit checkpoint: init makes the key, a checkpoint verifies, a deleted tail is caught with it")
{
    dantoc::test::TempDir dir{"dantoc-checkpoint"};
    const auto data = dir.path() / "data";
    REQUIRE(tool({"init", "--data", data.string(), "--password-hash-ops", "1", "--password-hash-mem", "8192"}) == 0);
    struct stat st {};
    REQUIRE(::stat((data / kAuditKeyFile).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    addUser(data, "first");
    addUser(data, "second");
    const auto checkpoint = dir.path() / "checkpoint.json";
    std::string out;
    REQUIRE(tool({"audit", "checkpoint", "--data", data.string(), "--out", checkpoint.string()}, &out) == 0);
    const auto line = nlohmann::json::parse(out);
    CHECK(line["event"] == "audit_checkpoint");
    const std::int64_t seq = line["seq"].get<std::int64_t>();
    CHECK(seq >= 2);
    std::string err;
    CHECK(tool({"audit", "checkpoint", "--data", data.string(), "--out", checkpoint.string()}, nullptr, &err) == 1);
    CHECK(err.find("already exists") != std::string::npos);

    addUser(data, "third");  // the chain grows past the checkpoint: still fine
    out.clear();
    REQUIRE(tool({"audit", "verify", "--data", data.string(), "--checkpoint", checkpoint.string()}, &out) == 0);
    CHECK(out.find("\"checkpoint\":true") != std::string::npos);

    execRaw(data / SqliteStore::kFileName,
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= " + std::to_string(seq));
    CHECK(tool({"audit", "verify", "--data", data.string()}) == 0);  // alone, a shorter chain is still a chain
    out.clear();
    CHECK(tool({"audit", "verify", "--data", data.string(), "--checkpoint", checkpoint.string()}, &out) == 1);
    CHECK(out.find("\"ok\":false") != std::string::npos);
    CHECK(out.find("removed") != std::string::npos);
}

TEST_CASE("backup leaves the audit key out, and restore verifies the backup under the data directory's key")
{
    dantoc::test::TempDir dir{"dantoc-keyed-restore"};
    const auto data = dir.path() / "data";
    const auto backup = dir.path() / "backup.db";
    REQUIRE(tool({"init", "--data", data.string(), "--password-hash-ops", "1", "--password-hash-mem", "8192"}) == 0);
    addUser(data, "before");
    std::string out;
    REQUIRE(tool({"backup", "--data", data.string(), "--out", backup.string()}, &out) == 0);
    CHECK(nlohmann::json::parse(out)["audit_key_not_included"] == (data / kAuditKeyFile).string());
    addUser(data, "after");
    REQUIRE(tool({"restore", "--data", data.string(), "--from", backup.string()}) == 0);
    out.clear();
    REQUIRE(tool({"audit", "verify", "--data", data.string()}, &out) == 0);
    CHECK(out.find("\"ok\":true") != std::string::npos);

    // Another data directory's key does not verify this backup: restore refuses and changes nothing.
    const auto other = dir.path() / "other";
    REQUIRE(tool({"init", "--data", other.string(), "--password-hash-ops", "1", "--password-hash-mem", "8192"}) == 0);
    addUser(other, "resident");
    std::string err;
    CHECK(tool({"restore", "--data", other.string(), "--from", backup.string()}, nullptr, &err) == 1);
    CHECK(err.find("audit chain does not verify") != std::string::npos);
    CHECK(tool({"audit", "verify", "--data", other.string()}) == 0);
}
