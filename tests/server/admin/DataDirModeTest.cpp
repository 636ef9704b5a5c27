// Issue 19, finding 3: the data directory (survey data in plaintext, password and token hashes, the TLS key) is
// for the server's user only: the directory and those below it 0700, every file 0600 (database, WAL, config, key,
// blobs), whatever the umask and the mode of a directory created beforehand; files an older server left readable
// are tightened when the store is next opened. The real dantoc-server over TLS, and the store opened in-process
// under a permissive umask.
#include "support/TempDir.h"
#include "support/TestServer.h"

#include "store/SqliteStore.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>

namespace fs = std::filesystem;
using dantoc::test::TempDir;
using dantoc::test::TestServer;

namespace {

unsigned modeOf(const fs::path& path)
{
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Every directory at `dir` and below is 0700 and every regular file 0600; returns how many files it saw.
int checkTree(const fs::path& dir)
{
    CHECK_MESSAGE(modeOf(dir) == 0700, dir.string());
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_symlink()) {
            continue;
        }
        if (entry.is_directory()) {
            CHECK_MESSAGE(modeOf(entry.path()) == 0700, entry.path().string());
        } else if (entry.is_regular_file()) {
            CHECK_MESSAGE(modeOf(entry.path()) == 0600, entry.path().string());
            ++files;
        }
    }
    return files;
}

// Restores the test process's umask on scope exit.
struct UmaskGuard {
    explicit UmaskGuard(mode_t mask) : old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old); }
    mode_t old;
};

}  // namespace

TEST_CASE("a data directory created beforehand 0755 under umask 022 ends 0700 with every file 0600")
{
    UmaskGuard umask(022);
    TempDir parent("dantoc-datadir-mode");
    const fs::path data = parent / "data";
    fs::create_directory(data);
    fs::permissions(data, fs::perms(0755), fs::perm_options::replace);
    {
        TestServer::Options options;
        options.dataDir = data;
        TestServer server(options);
        REQUIRE(server.started());
        auto health = server.client().get("/api/v1/health");  // a request served: the WAL is in use
        CHECK(health.status == 200);
        REQUIRE(fs::exists(data / dantoc::server::SqliteStore::kFileName));
        REQUIRE(fs::exists(data / "config.json"));
        CHECK(fs::exists(data / (std::string(dantoc::server::SqliteStore::kFileName) + "-wal")));
        CHECK(checkTree(data) >= 4);  // database, WAL, config, certificate, key
        CHECK(server.stop() == 0);
    }

    // Widened by hand (or by an older server): the next command that opens the store tightens it again.
    fs::permissions(data, fs::perms(0755), fs::perm_options::replace);
    fs::permissions(data / "config.json", fs::perms(0644), fs::perm_options::replace);
    fs::permissions(data / dantoc::server::SqliteStore::kFileName, fs::perms(0644), fs::perm_options::replace);
    std::string out;
    CHECK(TestServer::runTool({"audit", "verify", "--data", data.string()}, &out) == 0);
    checkTree(data);
}

TEST_CASE("the store opened in-process under umask 000 still makes its database and WAL 0600")
{
    UmaskGuard umask(0);
    TempDir dir("dantoc-store-mode");
    auto store = dantoc::server::SqliteStore::open(dir.path() / "store");
    REQUIRE(store.isOk());
    REQUIRE((*store)->appendAudit({1, "test", "test.event", "x", "{}"}).isOk());  // a write: the WAL exists
    CHECK(fs::exists(dir.path() / "store" / (std::string(dantoc::server::SqliteStore::kFileName) + "-wal")));
    CHECK(checkTree(dir.path() / "store") >= 2);
}
