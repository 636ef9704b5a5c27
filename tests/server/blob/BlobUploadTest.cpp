// Resumable attachment upload and download (sync-protocol.md §8) through the real router: start and resume, cuts
// mid-chunk, refused chunks that change nothing, the whole-file hash, deduplication and visibility only within
// the caller's scope, Range downloads, size limits and the expiry of idle partial uploads.
#include "blob/BlobFixture.h"

#include "base/Json.h"

#include <filesystem>

using namespace dantoc;
using namespace dantoc::test;

namespace {

constexpr std::uint64_t kChunk = sync::tuning::kBlobChunkBytes;
constexpr const char* kCommuneB = "02686";  // officer xa02686

std::size_t filesUnder(const std::filesystem::path& dir)
{
    std::size_t count = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        count += it->is_regular_file() ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("a new upload starts at 0, takes fixed chunks, completes on the whole-file hash and is audited")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string bytes = blobBytes(3 * kChunk + 1000);
    const std::string sha = sha256Of(bytes);

    const auto started = f.startOk(a, sha, bytes.size());
    CHECK(started == sync::BlobUploadStatus{sha, bytes.size(), 0, false});
    CHECK(!f.app().blobs().isComplete(sha).value());

    auto first = f.patch(a, sha, 0, bytes.substr(0, kChunk));
    CHECK(BlobFixture::statusOf(first).offset == kChunk);
    CHECK(BlobFixture::header(first, "Upload-Offset") == std::to_string(kChunk));

    const auto done = f.uploadAll(a, bytes);
    CHECK(done == sync::BlobUploadStatus{sha, bytes.size(), bytes.size(), true});
    CHECK(f.app().blobs().isComplete(sha).value());
    CHECK(std::filesystem::exists(f.dataDir() / "blobs" / sha.substr(0, 2) / sha));
    CHECK(filesUnder(f.dataDir() / "blobs" / "partial") == 0);

    // A chunk for a complete upload answers complete; starting again too.
    CHECK(BlobFixture::statusOf(f.patch(a, sha, 0, bytes.substr(0, kChunk))).complete);
    CHECK(f.startOk(a, sha, bytes.size()).complete);

    auto audit = f.store().allAudit();
    REQUIRE(audit.isOk());
    int uploads = 0;
    for (const auto& entry : *audit) {
        uploads += (entry.event.action == "blob.upload" && entry.event.target == sha) ? 1 : 0;
    }
    CHECK(uploads == 1);
}

TEST_CASE("a cut mid-chunk keeps the bytes that arrived; HEAD reports them and the upload resumes there")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string bytes = blobBytes(2 * kChunk + 500, 7);
    const std::string sha = sha256Of(bytes);
    f.startOk(a, sha, bytes.size());
    REQUIRE(f.patch(a, sha, 0, bytes.substr(0, kChunk)).status == 200);

    // The connection broke 10000 bytes into the second chunk: the transport dispatches what arrived.
    f.patchCut(a, sha, kChunk, bytes.substr(kChunk, 10000));
    auto head = f.head(a, sha);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(BlobFixture::header(head, "Upload-Offset") == std::to_string(kChunk + 10000));
    CHECK(BlobFixture::header(head, "Upload-Length") == std::to_string(bytes.size()));

    // A restarted POST reports the same durable offset; the rest of the chunk runs to the fixed boundary.
    const auto resumed = f.startOk(a, sha, bytes.size());
    CHECK(resumed.offset == kChunk + 10000);
    CHECK(sync::chunkLengthAt(bytes.size(), resumed.offset) == kChunk - 10000);
    // The client re-sending the whole chunk from the old offset is told where to resume.
    auto stale = f.patch(a, sha, kChunk, bytes.substr(kChunk, kChunk));
    CHECK(stale.status == 409);
    CHECK(errorCode(stale) == "offset_mismatch");
    CHECK(BlobFixture::header(stale, "Upload-Offset") == std::to_string(kChunk + 10000));

    const auto done = f.uploadAll(a, bytes);
    CHECK(done.complete);
    createRecordWithBlob(f, a, kCommuneA, sha);
    auto got = f.get(a, sha);
    REQUIRE(got.status == 200);
    CHECK(got.body == bytes);
    CHECK(got.contentType == "application/octet-stream");
}

TEST_CASE("a cut part is refused when it does not start at the durable offset or runs past the chunk")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string bytes = blobBytes(2 * kChunk, 3);
    const std::string sha = sha256Of(bytes);
    f.startOk(a, sha, bytes.size());
    CHECK(f.patchCut(a, sha, 5, bytes.substr(5, 100)).status == 409);
    f.patchCut(a, sha, 0, bytes.substr(0, 100));
    CHECK(f.patchCut(a, sha, 100, bytes.substr(100, kChunk - 99)).status == 400);  // one byte past the boundary
    CHECK(BlobFixture::header(f.head(a, sha), "Upload-Offset") == "100");
}

TEST_CASE("a wrong offset is 409, a wrong length or checksum 400, and none of them changes anything")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string bytes = blobBytes(3 * kChunk, 11);
    const std::string sha = sha256Of(bytes);
    f.startOk(a, sha, bytes.size());
    REQUIRE(f.patch(a, sha, 0, bytes.substr(0, kChunk)).status == 200);

    auto ahead = f.patch(a, sha, 2 * kChunk, bytes.substr(2 * kChunk, kChunk));
    CHECK(ahead.status == 409);
    CHECK(errorCode(ahead) == "offset_mismatch");
    auto body = nlohmann::json::parse(ahead.body);
    CHECK(body["error"]["message"].contains("vi"));
    CHECK(body["error"]["message"].contains("en"));

    auto shortChunk = f.patch(a, sha, kChunk, bytes.substr(kChunk, kChunk - 1));
    CHECK(shortChunk.status == 400);
    CHECK(errorCode(shortChunk) == "invalid_chunk");

    std::string corrupted = bytes.substr(kChunk, kChunk);
    const std::string goodSum = sha256Of(corrupted);
    corrupted[100] = static_cast<char>(corrupted[100] ^ 0x5a);
    auto badSum = f.patch(a, sha, kChunk, corrupted, goodSum);
    CHECK(badSum.status == 400);
    CHECK(errorCode(badSum) == "invalid_chunk");

    auto noSum = f.request("PATCH", "/api/v1/sync/blobs/" + sha, a, bytes.substr(kChunk, kChunk),
                           {{"content-type", "application/offset+octet-stream"},
                            {"upload-offset", std::to_string(kChunk)}});
    CHECK(noSum.status == 400);
    auto badOffset = f.request("PATCH", "/api/v1/sync/blobs/" + sha, a, bytes.substr(kChunk, kChunk),
                               {{"content-type", "application/offset+octet-stream"},
                                {"upload-offset", "032768"},
                                {"upload-checksum", sync::formatChecksumHeader(sha256Of(bytes.substr(kChunk, kChunk)))}});
    CHECK(badOffset.status == 400);
    auto wrongType = f.request("PATCH", "/api/v1/sync/blobs/" + sha, a, bytes.substr(kChunk, kChunk),
                               {{"content-type", "application/octet-stream"},
                                {"upload-offset", std::to_string(kChunk)},
                                {"upload-checksum", sync::formatChecksumHeader(sha256Of(bytes.substr(kChunk, kChunk)))}});
    CHECK(wrongType.status == 415);

    CHECK(BlobFixture::header(f.head(a, sha), "Upload-Offset") == std::to_string(kChunk));
    CHECK(f.uploadAll(a, bytes).complete);
}

TEST_CASE("bytes that are not the announced file restart the upload at 0")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string announced = blobBytes(kChunk + 10, 21);
    const std::string other = blobBytes(kChunk + 10, 22);  // same size, other content, valid chunk checksums
    const std::string sha = sha256Of(announced);
    f.startOk(a, sha, announced.size());
    REQUIRE(f.patch(a, sha, 0, other.substr(0, kChunk)).status == 200);
    const auto last = BlobFixture::statusOf(f.patch(a, sha, kChunk, other.substr(kChunk)));
    CHECK(last == sync::BlobUploadStatus{sha, announced.size(), 0, false});
    CHECK(!f.app().blobs().isComplete(sha).value());
    CHECK(BlobFixture::header(f.head(a, sha), "Upload-Offset") == "0");
    CHECK(filesUnder(f.dataDir() / "blobs") == 0);
    // The right bytes then complete it.
    CHECK(f.uploadAll(a, announced).complete);
}

TEST_CASE("deduplication answers complete only within the caller's scope; elsewhere the upload is new")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string b = f.ready("xa02686");
    const std::string admin = f.ready("admin");
    const std::string bytes = blobBytes(kChunk + 77, 31);
    const std::string sha = sha256Of(bytes);
    REQUIRE(f.uploadAll(a, bytes).complete);

    // Stored but referenced by no record yet: nobody else learns it exists.
    CHECK(f.startOk(admin, sha, bytes.size()) == sync::BlobUploadStatus{sha, bytes.size(), 0, false});

    createRecordWithBlob(f, a, kCommuneA, sha);
    // The province admin sees A's record: complete at once. B does not: a new upload at 0.
    CHECK(f.startOk(admin, sha, bytes.size()) == sync::BlobUploadStatus{sha, bytes.size(), bytes.size(), true});
    CHECK(f.head(b, sha).status == 404);
    CHECK(f.startOk(b, sha, bytes.size()) == sync::BlobUploadStatus{sha, bytes.size(), 0, false});
    CHECK(f.get(b, sha).status == 404);

    // B uploads the same bytes itself: it completes (the stored file stays), still invisible to B's GET until a
    // record of B's scope references it.
    CHECK(f.uploadAll(b, bytes).complete);
    CHECK(f.get(b, sha).status == 404);
    createRecordWithBlob(f, b, kCommuneB, sha);
    CHECK(f.get(b, sha).body == bytes);
}

TEST_CASE("two accounts uploading the same file do not disturb each other's offsets")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string b = f.ready("xa02686");
    const std::string bytes = blobBytes(2 * kChunk + 5, 41);
    const std::string sha = sha256Of(bytes);
    f.startOk(a, sha, bytes.size());
    REQUIRE(f.patch(a, sha, 0, bytes.substr(0, kChunk)).status == 200);
    CHECK(f.startOk(b, sha, bytes.size()).offset == 0);
    CHECK(BlobFixture::header(f.head(a, sha), "Upload-Offset") == std::to_string(kChunk));
    CHECK(BlobFixture::header(f.head(b, sha), "Upload-Offset") == "0");
    // Starting again with another size drops the account's partial bytes.
    CHECK(f.startOk(a, sha, bytes.size() + 1).offset == 0);
}

TEST_CASE("HEAD and GET are 404 without an in-scope reference; PATCH without a start is 404")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string b = f.ready("xa02686");
    const std::string viewer = f.ready("viewer");
    const std::string bytes = blobBytes(1000, 51);
    const std::string sha = sha256Of(bytes);

    auto unknown = f.head(a, sha);
    CHECK(unknown.status == 404);
    CHECK(unknown.body.empty());
    CHECK(f.get(a, sha).status == 404);
    CHECK(f.patch(b, sha, 0, bytes).status == 404);
    CHECK(f.get(a, "not-a-hash").status == 404);
    CHECK(f.head(a, std::string(64, 'A')).status == 404);

    REQUIRE(f.uploadAll(a, bytes).complete);
    CHECK(f.head(a, sha).status == 200);  // the uploader sees its own upload
    CHECK(f.get(a, sha).status == 404);   // but downloads need a record that references it
    CHECK(f.head(b, sha).status == 404);
    CHECK(f.head(viewer, sha).status == 404);

    createRecordWithBlob(f, a, kCommuneA, sha);
    CHECK(f.get(a, sha).status == 200);
    CHECK(f.get(viewer, sha).status == 200);  // the provincial viewer reads the whole province
    CHECK(BlobFixture::header(f.head(viewer, sha), "Upload-Offset") == std::to_string(bytes.size()));
    CHECK(f.get(b, sha).status == 404);
    CHECK(f.head(b, sha).status == 404);
    // A viewer never uploads.
    CHECK(f.start(viewer, sha256Of("x"), 1).status == 403);
}

TEST_CASE("downloads honour a single byte Range with 206 and refuse one outside the file with 416")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string bytes = blobBytes(kChunk + 300, 61);
    const std::string sha = sha256Of(bytes);
    REQUIRE(f.uploadAll(a, bytes).complete);
    createRecordWithBlob(f, a, kCommuneA, sha);
    const std::string size = std::to_string(bytes.size());

    auto middle = f.get(a, sha, "bytes=100-199");
    CHECK(middle.status == 206);
    CHECK(middle.body == bytes.substr(100, 100));
    CHECK(BlobFixture::header(middle, "Content-Range") == "bytes 100-199/" + size);

    auto tail = f.get(a, sha, "bytes=" + std::to_string(kChunk) + "-");
    CHECK(tail.status == 206);
    CHECK(tail.body == bytes.substr(kChunk));

    auto suffix = f.get(a, sha, "bytes=-10");
    CHECK(suffix.status == 206);
    CHECK(suffix.body == bytes.substr(bytes.size() - 10));

    auto pastEnd = f.get(a, sha, "bytes=0-999999999");
    CHECK(pastEnd.status == 206);
    CHECK(pastEnd.body == bytes);

    auto outside = f.get(a, sha, "bytes=" + size + "-");
    CHECK(outside.status == 416);
    CHECK(BlobFixture::header(outside, "Content-Range") == "bytes */" + size);

    // Ranges we do not serve (several, or malformed) get the whole file, as RFC 9110 allows.
    auto several = f.get(a, sha, "bytes=0-1,5-6");
    CHECK(several.status == 200);
    CHECK(several.body == bytes);
    CHECK(f.get(a, sha, "items=0-1").status == 200);
}

TEST_CASE("starting an upload larger than the limit, empty, or with a bad hash is refused")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string sha = sha256Of("x");
    auto huge = f.start(a, sha, sync::tuning::kBlobMaxBytes + 1);
    CHECK(huge.status == 413);
    CHECK(errorCode(huge) == "too_large");
    CHECK(f.start(a, sha, sync::tuning::kBlobMaxBytes).status == 200);
    CHECK(f.start(a, sha, 0).status == 400);
    CHECK(f.start(a, std::string(64, 'G'), 10).status == 400);
    CHECK(f.request("POST", "/api/v1/sync/blobs", a, "{not json").status == 400);
    CHECK(f.request("POST", "/api/v1/sync/blobs", a, R"({"sha256":")" + sha + R"(","size":1,"extra":1})").status ==
          400);
    // A chunk larger than one chunk never reaches the handler.
    CHECK(f.patch(a, sha, 0, std::string(sync::tuning::kBlobChunkMaxBytes + 1, 'x')).status == 413);
}

TEST_CASE("partial uploads idle longer than the expiry are dropped with their files; others stay")
{
    BlobFixture f;
    std::string a = f.ready("xa02683");
    const std::string oldBytes = blobBytes(2 * kChunk, 71);
    const std::string newBytes = blobBytes(2 * kChunk, 72);
    const std::string doneBytes = blobBytes(100, 73);
    const std::string oldSha = sha256Of(oldBytes);
    const std::string newSha = sha256Of(newBytes);
    f.startOk(a, oldSha, oldBytes.size());
    REQUIRE(f.patch(a, oldSha, 0, oldBytes.substr(0, kChunk)).status == 200);
    REQUIRE(f.uploadAll(a, doneBytes).complete);

    f.clock.advance(sync::tuning::kPartialUploadExpiryMillis - 1000);
    a = f.login("xa02683");  // weeks later: a new session
    f.startOk(a, newSha, newBytes.size());
    f.patchCut(a, newSha, 0, newBytes.substr(0, 500));
    // An orphan partial file (no upload names it) goes as well.
    writeText(f.dataDir() / "blobs" / "partial" / "leftover.part", "x");
    CHECK(filesUnder(f.dataDir() / "blobs" / "partial") == 3);

    // Exactly at the limit the old upload is still kept.
    auto none = f.app().blobs().expirePartialUploads(f.clock.nowUnixMillis() + 1000,
                                                     sync::tuning::kPartialUploadExpiryMillis);
    REQUIRE(none.isOk());
    CHECK(*none == 0);
    CHECK(filesUnder(f.dataDir() / "blobs" / "partial") == 2);

    f.clock.advance(2000);
    a = f.login("xa02683");
    auto expired = f.app().blobs().expirePartialUploads(f.clock.nowUnixMillis(),
                                                        sync::tuning::kPartialUploadExpiryMillis);
    REQUIRE(expired.isOk());
    CHECK(*expired == 1);
    CHECK(f.head(a, oldSha).status == 404);
    CHECK(f.patch(a, oldSha, kChunk, oldBytes.substr(kChunk)).status == 404);
    CHECK(BlobFixture::header(f.head(a, newSha), "Upload-Offset") == "500");
    CHECK(filesUnder(f.dataDir() / "blobs" / "partial") == 1);
    CHECK(f.app().blobs().isComplete(sha256Of(doneBytes)).value());
    // Starting the expired file again begins at 0.
    CHECK(f.startOk(a, oldSha, oldBytes.size()).offset == 0);
}
