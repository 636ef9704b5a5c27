// Parked ops (sync-protocol.md §4): an op referencing an attachment the server does not have yet consumes its
// dev_seq and waits (deferred awaiting_attachment), with the device's later ops on the same record behind it;
// ops on other records go on. Once the file is uploaded, the next push applies the parked ops in dev_seq order
// and the resent ops are answered with their final outcomes. Real router, record and blob stores.
#include "blob/BlobFixture.h"

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;
namespace ds = dantoc::sync;

TEST_CASE("ops waiting for an attachment are parked, then applied in order once it is uploaded")
{
    BlobFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    const std::string photo = blobBytes(40 * 1024, 7);
    const std::string sha = sha256Of(photo);

    const std::string withPhoto = newUuid();
    const std::string other = newUuid();
    auto create = createWithScan(device, withPhoto, kCommuneA, sha);
    create.set["households_total"] = ds::FieldChange{nullptr, 10};
    auto edit = device.edit(withPhoto, 1, {{"households_total", {10, 12}}});
    edit.form = kCommuneForm;
    edit.unit = kCommuneA;
    edit.period = kYearPeriod;
    auto unrelated = device.create(other, {{"households_total", 3}});
    const std::vector<ds::Operation> batch{create, edit, unrelated};

    auto first = device.push(batch);
    REQUIRE(first.results.size() == 3);
    CHECK(first.results[0] == ds::OpOutcome::deferred(create.opId, "awaiting_attachment"));
    CHECK(first.results[1] == ds::OpOutcome::deferred(edit.opId, "awaiting_attachment"));  // behind the create
    CHECK(first.results[2] == ds::OpOutcome::applied(unrelated.opId, 1));                   // not blocked
    CHECK(first.nextExpectedSeq == 4);  // parked ops consumed their dev_seq
    ds::Cursor cursor;
    auto before = latestRecords(device.pullAll(cursor));
    CHECK(before.count(withPhoto) == 0);
    CHECK(before.count(other) == 1);

    // A resend before the upload: still deferred, nothing applied.
    CHECK(device.push(batch).results == first.results);

    REQUIRE(f.uploadAll(token, photo).complete);
    auto after = device.push(batch);
    REQUIRE(after.results.size() == 3);
    CHECK(after.results[0] == ds::OpOutcome::applied(create.opId, 1));
    CHECK(after.results[1] == ds::OpOutcome::applied(edit.opId, 2));
    CHECK(after.results[2] == first.results[2]);
    auto record = latestRecords(device.pullAll(cursor)).at(withPhoto);
    CHECK(record.ver == 2);
    CHECK((*record.body)["households_total"] == 12);
    // The record now references the file: the owner's commune may download it.
    auto download = f.get(token, sha);
    CHECK(download.status == 200);
    CHECK(download.body == photo);
}
