#include "StoreSupport.h"

#include "core/AttachmentStore.h"

#include "support/Files.h"

#include <random>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

namespace {

std::string randomBytes(std::size_t size, unsigned seed)
{
    std::mt19937 random(seed);
    std::string bytes(size, '\0');
    for (auto& byte : bytes) {
        byte = static_cast<char>(random() & 0xff);
    }
    return bytes;
}

}  // namespace

TEST_CASE("attachments round-trip through encryption, streaming, with dedup by hash")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    AttachmentStore attachments(store->connection(), store->attachmentsPath());
    // An empty file is no attachment (the server takes none): refused, nothing written.
    test::writeFile(dir / "empty.pdf", "");
    CHECK(attachments.importFile(dir / "empty.pdf").status().code() == ErrorCode::InvalidArgument);
    CHECK(attachments.importBytes("").status().code() == ErrorCode::InvalidArgument);
    CHECK(std::filesystem::is_empty(store->attachmentsPath()));
    for (std::size_t size : {std::size_t{1}, AttachmentStore::kChunkSize,
                             AttachmentStore::kChunkSize + 1, std::size_t{3} * 1024 * 1024 + 17}) {
        CAPTURE(size);
        const std::string content = randomBytes(size, static_cast<unsigned>(size));
        test::writeFile(dir / "scan.pdf", content);
        auto blob = attachments.importFile(dir / "scan.pdf");
        REQUIRE_MESSAGE(blob.isOk(), blob.status().toString());
        CHECK(blob->size == static_cast<std::int64_t>(size));
        CHECK(blob->sha256.size() == 64);
        const std::string stored = test::readFile(attachments.pathOf(*blob));
        CHECK(stored.size() > size);  // header + tags
        if (size > 64) {
            CHECK(stored.find(content.substr(size / 2, 32)) == std::string::npos);
        }
        auto back = attachments.readAll(blob->sha256);
        REQUIRE_MESSAGE(back.isOk(), back.status().toString());
        CHECK(*back == content);
        REQUIRE(attachments.exportTo(blob->sha256, dir / "out.pdf"));
        CHECK(test::readFile(dir / "out.pdf") == content);
        auto again = attachments.importBytes(content);
        REQUIRE(again.isOk());
        CHECK(again->fileName == blob->fileName);
    }
    // only .dta files remain (no temp files)
    for (const auto& entry : std::filesystem::directory_iterator(store->attachmentsPath())) {
        CHECK(entry.path().extension() == ".dta");
    }
}

TEST_CASE("tampering, truncation, extension and swapped files are all detected")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    AttachmentStore attachments(store->connection(), store->attachmentsPath());
    const std::string content = randomBytes(200 * 1024, 7);
    auto blob = attachments.importBytes(content);
    REQUIRE(blob.isOk());
    const auto path = attachments.pathOf(*blob);
    const std::string original = test::readFile(path);
    const std::size_t chunk = AttachmentStore::kChunkSize + 17;
    const std::size_t head = 4 + 24;

    auto expectCorrupt = [&](const std::string& bytes, const char* what) {
        CAPTURE(what);
        test::writeFile(path, bytes);
        auto read = attachments.readAll(blob->sha256);
        REQUIRE_FALSE(read.isOk());
        CHECK(read.status().code() == ErrorCode::Corruption);
        CHECK(attachments.exportTo(blob->sha256, dir / "out.pdf").code() == ErrorCode::Corruption);
        CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
        CHECK_FALSE(std::filesystem::exists(dir / "out.pdf.part"));
    };
    std::string flipped = original;
    flipped[original.size() / 2] = static_cast<char>(flipped[original.size() / 2] ^ 1);
    expectCorrupt(flipped, "bit flip");
    expectCorrupt(original.substr(0, head + 3 * chunk), "cut at a chunk boundary (final chunk missing)");
    expectCorrupt(original.substr(0, original.size() - 5), "cut inside the last chunk");
    expectCorrupt(original.substr(0, 10), "cut inside the header");
    expectCorrupt(original + "x", "bytes after the final chunk");
    std::string reordered = original;
    std::swap_ranges(reordered.begin() + static_cast<std::ptrdiff_t>(head),
                     reordered.begin() + static_cast<std::ptrdiff_t>(head + chunk),
                     reordered.begin() + static_cast<std::ptrdiff_t>(head + chunk));
    expectCorrupt(reordered, "chunks swapped");

    auto other = attachments.importBytes(randomBytes(1000, 8));
    REQUIRE(other.isOk());
    expectCorrupt(test::readFile(attachments.pathOf(*other)), "another attachment's file");

    test::writeFile(path, original);
    auto fine = attachments.readAll(blob->sha256);
    REQUIRE(fine.isOk());
    CHECK(*fine == content);
    REQUIRE(attachments.setUploadProgress(blob->sha256, 65536, "uploading"));
    CHECK(attachments.info(blob->sha256)->uploadedOffset == 65536);
    REQUIRE(attachments.remove(blob->sha256));
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(attachments.readAll(blob->sha256).status().code() == ErrorCode::NotFound);
}
