// Fuzz target for the sync protocol: arbitrary bytes as every sync message type (through the same defensive
// parser the server and client use), merge/apply/diff of any push that parses against a fixed body, round-trip
// invariants, and the capped zstd decompressor. Must never crash, hang or allocate beyond the caps.
#include "sync/BlobMessages.h"
#include "sync/BodyMerge.h"
#include "sync/FieldPath.h"
#include "sync/JsonReader.h"
#include "sync/OpOrdering.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"
#include "sync/SyncTuning.h"
#include "sync/WireCodec.h"
#include "sync/ZstdCodec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace dantoc;
using namespace dantoc::sync;

namespace {

const Json& fixedBody()
{
    static const Json body = Json::parse(R"({
        "village": "Bản Mần Nưa Dào", "households_total": 376, "households_poor": 88, "has_market": false,
        "members": [
            {"_id": "r1", "name": "Lò Văn A", "age": 30, "kids": [{"_id": "k1", "age": 3}]},
            {"_id": "r2", "name": "Lò Thị B", "age": 28}
        ],
        "choices": [1, 2]
    })");
    return body;
}

void check(bool condition)
{
    if (!condition) {
        std::abort();  // an invariant broke: libFuzzer reports the input
    }
}

void exerciseSet(const FieldSet& set)
{
    auto merged = mergeEdit(fixedBody(), set);
    (void)applySet(fixedBody(), set, ApplyMode::CheckOld);
    auto applied = applySet(fixedBody(), set, ApplyMode::Overwrite);
    if (merged.isOk()) {
        (void)diffBodies(fixedBody(), merged->body);
        // Every path lands in exactly one bucket.
        check(merged->applied.size() + merged->unchanged.size() + merged->conflicts.size() == set.size());
    }
    if (applied.isOk()) {
        auto diff = diffBodies(fixedBody(), *applied);
        if (diff.isOk()) {
            FieldSet wire;
            check(parseFieldSet(fieldSetToJson(*diff), "set", wire).isOk());
        }
    }
}

template <typename T, typename Parse>
void roundTrip(const T& value, Parse parse)
{
    auto again = parseMessageJson(serializeJson(toJson(value)), 1 << 22);
    check(again.isOk());
    auto reparsed = parse(*again);
    check(reparsed.isOk() && *reparsed == value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // Compressed bodies: never more than the cap, whatever the frame claims.
    auto decoded = zstdDecompress(text, tuning::kPushDecodedMaxBytes);
    check(!decoded.isOk() || decoded->size() <= tuning::kPushDecodedMaxBytes);
    (void)zstdFrameDictionaryId(text);
    (void)decodeMessage(text, ContentEncoding::Zstd, kPullResponseLimits);

    if (size <= tuning::kMaxFieldPathBytes + 8) {
        auto path = FieldPath::parse(text);
        if (path.isOk()) {
            check(path->toString() == text);
        }
        (void)parseUploadOffset(text);
        (void)parseChecksumHeader(text);
    }

    auto json = parseMessageJson(text, tuning::kPushDecodedMaxBytes);
    if (!json.isOk()) {
        return 0;
    }
    if (auto push = parsePushRequest(*json); push.isOk()) {
        roundTrip(*push, parsePushRequest);
        for (const Operation& op : push->ops) {
            exerciseSet(op.set);
            (void)classifyOp(ServerOpView{op.devSeq / 2, std::nullopt, (op.devSeq & 1) != 0}, op);
        }
    }
    if (auto op = parseOperation(*json); op.isOk()) {
        roundTrip(*op, [](const Json& j) { return parseOperation(j); });
        exerciseSet(op->set);
    }
    FieldSet set;
    if (parseFieldSet(*json, "set", set).isOk()) {
        exerciseSet(set);
    }
    if (auto response = parsePushResponse(*json); response.isOk()) {
        roundTrip(*response, parsePushResponse);
    }
    if (auto pull = parsePullRequest(*json); pull.isOk()) {
        roundTrip(*pull, parsePullRequest);
    }
    if (auto page = parsePullResponse(*json); page.isOk()) {
        roundTrip(*page, parsePullResponse);
        for (const PullItem& item : page->items) {
            if (item.patch) {
                exerciseSet(item.patch->set);
            }
        }
    }
    (void)parseOpOutcome(*json);
    (void)parsePullItem(*json);
    (void)parseBlobUploadStart(*json);
    (void)parseBlobUploadStatus(*json);
    (void)parseErrorResponse(*json);
    return 0;
}
