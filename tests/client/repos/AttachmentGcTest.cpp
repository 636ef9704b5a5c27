// Orphan attachment files are collected: only our unreferenced files, only once old enough; blob rows whose file
// is gone are reported and kept. The attachment store's file I/O goes through Platform (posix here).
#include "RepoSupport.h"

#include "core/AttachmentStore.h"
#include "core/Platform.h"

#include "support/Files.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace dantoc;
using namespace dantoc::client;
namespace fs = std::filesystem;

TEST_CASE("attachment GC removes only unreferenced files of ours, once older than the grace period")
{
    test::TempDir dir{"dantoc-gc"};
    auto store = test::newRepoStore(dir.path() / "s");
    AttachmentStore attachments(store->connection(), store->attachmentsPath());
    auto kept = attachments.importBytes("bản quét phiếu có chữ ký");
    REQUIRE(kept.isOk());
    auto gone = attachments.importBytes("một bản quét khác");
    REQUIRE(gone.isOk());

    const fs::path orphan = store->attachmentsPath() / "0123456789abcdef0123456789abcdef.dta";
    const fs::path tmp = store->attachmentsPath() / "fedcba9876543210fedcba9876543210.tmp";
    const fs::path foreign = store->attachmentsPath() / "ghi-chu.txt";
    test::writeFile(orphan, std::string(100, 'x'));
    test::writeFile(tmp, std::string(7, 'y'));
    test::writeFile(foreign, "not ours");
    fs::remove(attachments.pathOf(*gone));

    // Fresh files are left alone (another process may be importing them).
    auto first = attachments.collectGarbage(std::chrono::hours(1));
    REQUIRE(first.isOk());
    CHECK(first->removedFiles == 0);
    CHECK(fs::exists(orphan));

    // Age them.
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
    fs::last_write_time(orphan, old);
    fs::last_write_time(tmp, old);
    fs::last_write_time(foreign, old);
    fs::last_write_time(attachments.pathOf(*kept), old);
    auto second = attachments.collectGarbage(std::chrono::hours(1));
    REQUIRE(second.isOk());
    CHECK(second->removedFiles == 2);
    CHECK(second->removedBytes == 107);
    CHECK_FALSE(fs::exists(orphan));
    CHECK_FALSE(fs::exists(tmp));
    CHECK(fs::exists(foreign));
    CHECK(second->missingFiles == std::vector<std::string>{gone->sha256});
    auto bytes = attachments.readAll(kept->sha256);
    REQUIRE(bytes.isOk());
    CHECK(*bytes == "bản quét phiếu có chữ ký");
    CHECK(attachments.info(gone->sha256).isOk());  // the row is kept for the user to see
}

TEST_CASE("platform files: exclusive create, write, read back, missing file")
{
    test::TempDir dir{"dantoc-platform"};
    const fs::path path = dir.path() / "f.bin";
    auto out = createExclusiveFile(path);
    REQUIRE(out.isOk());
    const std::string text = "dữ liệu";
    REQUIRE(writeAll(*out, reinterpret_cast<const std::uint8_t*>(text.data()), text.size()).isOk());
    REQUIRE(syncFile(*out).isOk());
    closeFile(*out);
    CHECK(createExclusiveFile(path).status().code() == ErrorCode::AlreadyExists);
    CHECK((fs::status(path).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    auto in = openFileForReading(path);
    REQUIRE(in.isOk());
    std::string back(64, '\0');
    auto got = readUpTo(*in, reinterpret_cast<std::uint8_t*>(back.data()), back.size());
    closeFile(*in);
    REQUIRE(got.isOk());
    CHECK(back.substr(0, *got) == text);
    CHECK(openFileForReading(dir.path() / "missing").status().code() == ErrorCode::NotFound);
}
