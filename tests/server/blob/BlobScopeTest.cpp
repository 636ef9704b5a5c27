// Issue 19, finding 1: a hash is not a key. Commune B naming commune A's file in a record of its own gets exactly
// what it gets for a file nobody holds (the op parked, HEAD/GET 404, a new upload at 0), until B sends the bytes
// itself; and `blobs` must name exactly the attachment values the op writes into attachment fields of the form.
// Real router, record and blob stores.
#include "blob/BlobFixture.h"

using namespace dantoc;
using namespace dantoc::test;
namespace ds = dantoc::sync;

namespace {

constexpr const char* kCommuneB = "02686";  // officer xa02686

}  // namespace

TEST_CASE("another commune's file named in a record behaves exactly like one never uploaded")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string b = f.ready("xa02686");
    const std::string bytes = blobBytes(3000, 71);
    const std::string held = sha256Of(bytes);
    const std::string unknown = sha256Of(blobBytes(3000, 72));
    REQUIRE(f.uploadAll(a, bytes).complete);
    createRecordWithBlob(f, a, kCommuneA, held);
    REQUIRE(f.get(a, held).status == 200);

    Device device(f, b);
    REQUIRE(device.registerSelf() == 201);
    const std::string stolen = newUuid();
    const std::string guessed = newUuid();
    auto first = device.push({createWithScan(device, stolen, kCommuneB, held),
                              createWithScan(device, guessed, kCommuneB, unknown)});
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].kind == ds::OutcomeKind::Deferred);
    CHECK(first.results[0].reason == ds::kDeferredAwaitingAttachment);
    CHECK(first.results[1].kind == first.results[0].kind);
    CHECK(first.results[1].reason == first.results[0].reason);
    CHECK(f.get(b, held).status == 404);
    CHECK(f.head(b, held).status == f.head(b, unknown).status);
    // No "already complete" for B: it must send the bytes, as for any file.
    CHECK(f.startOk(b, held, bytes.size()) == ds::BlobUploadStatus{held, bytes.size(), 0, false});
    CHECK(f.startOk(b, unknown, bytes.size()) == ds::BlobUploadStatus{unknown, bytes.size(), 0, false});
    CHECK(f.get(b, held).status == 404);

    // B uploads the bytes itself (stored once): its parked create applies and B reads its own upload.
    REQUIRE(f.uploadAll(b, bytes).complete);
    auto second = device.push({createWithScan(device, newUuid(), kCommuneB, held)});
    REQUIRE(second.results.size() == 1);
    CHECK(second.results[0].kind == ds::OutcomeKind::Applied);
    CHECK(f.get(b, held).body == bytes);
    CHECK(f.get(a, held).body == bytes);
}

TEST_CASE("a record's blobs must be exactly the attachment values its op sets in attachment fields")
{
    BlobFixture f;
    const std::string a = f.ready("xa02683");
    const std::string b = f.ready("xa02686");
    const std::string bytes = blobBytes(2000, 81);
    const std::string sha = sha256Of(bytes);
    const std::string other = sha256Of(blobBytes(2000, 82));
    REQUIRE(f.uploadAll(a, bytes).complete);

    Device device(f, a);
    REQUIRE(device.registerSelf() == 201);
    // The village form has no attachment field: nothing may ride along on it.
    auto onVillage = device.create(newUuid(), nlohmann::json{{"households_total", 5}});
    onVillage.blobs = {sha};
    // The scan's value names one file, blobs another.
    auto swapped = createWithScan(device, newUuid(), kCommuneA, sha);
    swapped.blobs = {other};
    // The value is there but blobs leaves it out.
    auto unnamed = createWithScan(device, newUuid(), kCommuneA, sha);
    unnamed.blobs.clear();
    // An attachment-shaped value in a text field is not an attachment.
    auto inText = device.create(newUuid(), nlohmann::json{{"respondent_name", attachmentValue(sha)}}, kCommuneA,
                                kYearPeriod);
    inText.form = kCommuneForm;
    inText.blobs = {sha};
    auto answer = device.push({onVillage, swapped, unnamed, inText});
    REQUIRE(answer.results.size() == 4);
    for (const auto& outcome : answer.results) {
        CHECK(outcome.kind == ds::OutcomeKind::Rejected);
        CHECK(outcome.code == "invalid");
        CHECK(outcome.message.en.find("blobs must list exactly the attachments") != std::string::npos);
    }
    CHECK(f.get(a, sha).status == 404);  // no record references it

    // Another commune naming A's file on a form without attachments learns nothing either: refused as invalid
    // before any look at the file.
    Device deviceB(f, b);
    REQUIRE(deviceB.registerSelf() == 201);
    auto probe = deviceB.create(newUuid(), nlohmann::json{{"households_total", 1}}, "02686-01");
    probe.blobs = {sha};
    auto refused = deviceB.push({probe});
    REQUIRE(refused.results.size() == 1);
    CHECK(refused.results[0].code == "invalid");

    // The well-formed op applies.
    auto good = device.push({createWithScan(device, newUuid(), kCommuneA, sha)});
    REQUIRE(good.results.size() == 1);
    CHECK(good.results[0].kind == ds::OutcomeKind::Applied);
    CHECK(f.get(a, sha).body == bytes);
    CHECK(f.get(b, sha).status == 404);
}
