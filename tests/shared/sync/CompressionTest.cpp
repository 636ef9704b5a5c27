// zstd codec: round trips, the zip-bomb cap, malformed frames, dictionaries by id; and a measurement (printed,
// never asserted) of the wire ratio on village-report documents shaped like the benchmark peer's.
#include "SyncTestData.h"

#include "support/Files.h"
#include "sync/BodyMerge.h"
#include "sync/JsonReader.h"
#include "sync/PushMessages.h"
#include "sync/SyncTuning.h"
#include "sync/WireCodec.h"
#include "sync/ZstdCodec.h"

#include <doctest/doctest.h>
#include <zstd.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

using namespace dantoc;
using namespace dantoc::sync;
using namespace dantoc::sync::test;

namespace {

std::string compressed(std::string_view input, const ZstdDictionary* dict = nullptr, int level = kDefaultZstdLevel)
{
    auto c = zstdCompress(input, level, dict);
    REQUIRE_MESSAGE(c.isOk(), c.status().toString());
    return *c;
}

std::vector<std::string> sampleDocuments()
{
    std::istringstream in(dantoc::test::readFile(dantoc::test::testDataDir() / "sync" /
                                                 "village-reports.sample.ndjson"));
    std::vector<std::string> docs;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            docs.push_back(line);
        }
    }
    return docs;
}

// Variants of a document with perturbed numbers, standing in for other villages' reports when training.
std::string perturbed(const std::string& doc, SeededRandom& random)
{
    std::string out = doc;
    for (char& c : out) {
        if (c >= '0' && c <= '9' && random.engine()() % 3 == 0) {
            c = static_cast<char>('0' + random.engine()() % 10);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("zstd round trips, with the content size always declared")
{
    SeededRandom random(5);
    std::string noisy(300'000, '\0');
    random.fill(reinterpret_cast<std::uint8_t*>(noisy.data()), noisy.size());
    for (const std::string& input : {std::string(), std::string("{}"), std::string(100'000, 'x'), noisy}) {
        const std::string frame = compressed(input);
        CHECK(ZSTD_getFrameContentSize(frame.data(), frame.size()) == input.size());
        auto back = zstdDecompress(frame, input.size());
        REQUIRE_MESSAGE(back.isOk(), back.status().toString());
        CHECK(*back == input);
    }
}

TEST_CASE("zip bomb: a frame declaring more than the route limit is refused before decoding")
{
    const std::string bomb = compressed(std::string(10 * 1024 * 1024, '\0'));
    CHECK(bomb.size() < 2000);
    auto refused = zstdDecompress(bomb, tuning::kPushDecodedMaxBytes);
    REQUIRE_FALSE(refused.isOk());
    CHECK(refused.status().code() == ErrorCode::ResourceExhausted);
    CHECK(zstdDecompress(bomb, 10 * 1024 * 1024).isOk());
    auto oneShort = zstdDecompress(compressed(std::string(1000, 'a')), 999);
    CHECK(oneShort.status().code() == ErrorCode::ResourceExhausted);
}

TEST_CASE("frames without a content size, lying about it, truncated, trailing or not zstd are refused")
{
    const std::string input(5000, 'q');
    // Streaming-style frame without the content size field.
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    REQUIRE(cctx != nullptr);
    REQUIRE_FALSE(ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0)));
    std::string unknown(ZSTD_compressBound(input.size()), '\0');
    const std::size_t size = ZSTD_compress2(cctx, unknown.data(), unknown.size(), input.data(), input.size());
    ZSTD_freeCCtx(cctx);
    REQUIRE_FALSE(ZSTD_isError(size));
    unknown.resize(size);
    REQUIRE(ZSTD_getFrameContentSize(unknown.data(), unknown.size()) == ZSTD_CONTENTSIZE_UNKNOWN);
    auto noSize = zstdDecompress(unknown, 1 << 20);
    REQUIRE_FALSE(noSize.isOk());
    CHECK(noSize.status().message().find("content size") != std::string::npos);

    // A frame whose header understates its content (2-byte size field: value - 256).
    std::string lying = compressed(input);
    const auto descriptor = static_cast<unsigned char>(lying[4]);
    REQUIRE((descriptor >> 6) == 1);
    const bool singleSegment = (descriptor & 0x20) != 0;
    const std::size_t fcsOffset = 5 + (singleSegment ? 0 : 1);
    lying[fcsOffset] = static_cast<char>(static_cast<unsigned char>(lying[fcsOffset]) - 100);
    REQUIRE(ZSTD_getFrameContentSize(lying.data(), lying.size()) == input.size() - 100);
    CHECK_FALSE(zstdDecompress(lying, 1 << 20).isOk());

    const std::string good = compressed(input);
    CHECK_FALSE(zstdDecompress(good.substr(0, good.size() - 3), 1 << 20).isOk());
    CHECK_FALSE(zstdDecompress(good + "x", 1 << 20).isOk());
    CHECK_FALSE(zstdDecompress(good + good, 1 << 20).isOk());
    CHECK_FALSE(zstdDecompress("{\"protocol\":1}", 1 << 20).isOk());
    CHECK_FALSE(zstdDecompress("", 1 << 20).isOk());
    std::string corrupt = good;
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x5A);
    auto garbled = zstdDecompress(corrupt, 1 << 20);
    CHECK((!garbled.isOk() || *garbled != input));  // never a crash; usually an error
}

TEST_CASE("dictionaries are named by id in the frame and looked up to decompress")
{
    const std::vector<std::string> docs = sampleDocuments();
    REQUIRE(docs.size() == 20);
    SeededRandom random(11);
    std::vector<std::string> samples;
    for (int i = 0; i < 300; ++i) {
        samples.push_back(perturbed(docs[static_cast<std::size_t>(i) % docs.size()], random));
    }
    auto dict = trainDictionary(samples, 16 * 1024, 40'000);
    REQUIRE_MESSAGE(dict.isOk(), dict.status().toString());
    CHECK(dict->id() == 40'000);

    const std::string frame = compressed(docs[3], &*dict);
    CHECK(zstdFrameDictionaryId(frame) == 40'000);
    auto missing = zstdDecompress(frame, 1 << 20);
    REQUIRE_FALSE(missing.isOk());
    CHECK(missing.status().code() == ErrorCode::FailedPrecondition);
    auto wrong = zstdDecompress(frame, 1 << 20, [](std::uint32_t) { return nullptr; });
    CHECK(wrong.status().code() == ErrorCode::FailedPrecondition);
    const ZstdDictionary& d = *dict;
    auto back = zstdDecompress(frame, 1 << 20, [&](std::uint32_t id) { return id == d.id() ? &d : nullptr; });
    REQUIRE_MESSAGE(back.isOk(), back.status().toString());
    CHECK(*back == docs[3]);
    CHECK(zstdFrameDictionaryId(compressed(docs[3])) == 0);

    auto reloaded = ZstdDictionary::fromBytes(dict->bytes());
    REQUIRE(reloaded.isOk());
    CHECK(reloaded->id() == 40'000);
    CHECK_FALSE(ZstdDictionary::fromBytes("not a dictionary").isOk());
    CHECK_FALSE(trainDictionary(samples, 16 * 1024, 5).isOk());  // reserved id range
    CHECK_FALSE(trainDictionary({"a", "b"}, 16 * 1024).isOk());   // far too little to learn from
}

TEST_CASE("measurement: wire bytes of 20 village reports (printed, not asserted)")
{
    const std::vector<std::string> docs = sampleDocuments();
    REQUIRE(docs.size() == 20);
    std::size_t raw = 0;
    std::string ndjson;
    for (const std::string& d : docs) {
        raw += d.size();
        ndjson += d;
        ndjson += '\n';
    }

    // The same documents as dantoc create operations in one push request: values body with the indicators
    // as fields and roster rows keyed by an instance id (a UUID, or the recommended 10-character random id).
    auto makePush = [&](std::size_t first, std::size_t last, bool uuidRows, SeededRandom& random) {
        PushRequest push{1, kDevice, {}};
        for (std::size_t i = first; i < last; ++i) {
            const Json doc = parsed(docs[i]);
            Json body = doc["indicators"];
            body["notes"] = doc["notes"];
            Json rows = Json::array();
            for (Json r : doc["roster"]) {
                r["_id"] = uuidRows ? newUuid(random) : newUuid(random).substr(0, 10);
                rows.push_back(std::move(r));
            }
            body["roster"] = std::move(rows);
            Operation op;
            op.opId = newUuid(random);
            op.deviceId = kDevice;
            op.devSeq = i + 1;
            op.recordId = newUuid(random);
            op.kind = OpKind::Create;
            op.form = {"DT-TH01", 3};
            op.unit = doc["unit"]["village_code"].get<std::string>();
            op.period = doc["period"].get<std::string>();
            auto set = diffBodies(Json::object(), body);
            REQUIRE(set.isOk());
            op.set = std::move(*set);
            push.ops.push_back(std::move(op));
        }
        const std::string text = serializeJson(toJson(push));
        REQUIRE(parsePushRequest(parsed(text)).isOk());
        return text;
    };
    SeededRandom random(3);
    const std::string pushText = makePush(0, 20, false, random);
    const std::string pushUuidRows = makePush(0, 20, true, random);

    // A dictionary trained only on perturbed copies of the first 10 documents, measured on the last 10.
    SeededRandom perturb(17);
    std::vector<std::string> training;
    for (int i = 0; i < 300; ++i) {
        training.push_back(perturbed(docs[static_cast<std::size_t>(i) % 10], perturb));
    }
    auto dict = trainDictionary(training, 16 * 1024, 40'001);
    REQUIRE(dict.isOk());
    std::size_t heldOutRaw = 0;
    std::size_t heldOutPlain = 0;
    std::size_t heldOutDict = 0;
    for (std::size_t i = 10; i < 20; ++i) {
        heldOutRaw += docs[i].size();
        heldOutPlain += compressed(docs[i]).size();
        heldOutDict += compressed(docs[i], &*dict).size();
    }

    auto ratio = [](std::size_t part, std::size_t whole) { return static_cast<double>(part) / static_cast<double>(whole); };
    const std::size_t batch3 = compressed(ndjson).size();
    const std::size_t batch19 = compressed(ndjson, nullptr, 19).size();
    const std::size_t push3 = compressed(pushText).size();
    const std::size_t push19 = compressed(pushText, nullptr, 19).size();
    std::printf("[sync measurement] 20 village reports, raw JSON %zu bytes (%.0f B/doc)\n", raw,
                static_cast<double>(raw) / 20.0);
    std::printf("[sync measurement]   ndjson batch zstd-3: %zu bytes, ratio %.3f; zstd-19: %zu, ratio %.3f\n", batch3,
                ratio(batch3, raw), batch19, ratio(batch19, raw));
    std::printf("[sync measurement]   as one dantoc push of 20 create ops: %zu bytes JSON; zstd-3 %zu (ratio %.3f "
                "of raw docs), zstd-19 %zu (%.3f)\n",
                pushText.size(), push3, ratio(push3, raw), push19, ratio(push19, raw));
    std::printf("[sync measurement]   same push with UUID row ids: %zu bytes JSON; zstd-3 %zu (ratio %.3f)\n",
                pushUuidRows.size(), compressed(pushUuidRows).size(), ratio(compressed(pushUuidRows).size(), raw));

    // A dictionary for push bodies, trained on pushes built from perturbed copies of the first 10 documents,
    // measured on a push of the last 10.
    std::vector<std::string> pushTraining;
    SeededRandom pushRandom(23);
    for (int i = 0; i < 60; ++i) {
        pushTraining.push_back(perturbed(makePush(static_cast<std::size_t>(i) % 10,
                                                  static_cast<std::size_t>(i) % 10 + 1, false, pushRandom),
                                         pushRandom));
    }
    auto pushDict = trainDictionary(pushTraining, 16 * 1024, 40'002);
    REQUIRE(pushDict.isOk());
    const std::string heldOutPush = makePush(10, 20, false, pushRandom);
    std::size_t heldOutDocs = 0;
    for (std::size_t i = 10; i < 20; ++i) {
        heldOutDocs += docs[i].size();
    }
    std::printf("[sync measurement]   push of the held-out 10 docs: zstd-3 ratio %.3f, with a push dictionary %.3f; "
                "single-op push with dictionary: %zu bytes for a %zu-byte document\n",
                ratio(compressed(heldOutPush).size(), heldOutDocs),
                ratio(compressed(heldOutPush, &*pushDict).size(), heldOutDocs),
                compressed(makePush(15, 16, false, pushRandom), &*pushDict).size(), docs[15].size());
    std::printf("[sync measurement]   per document, held-out 10: plain zstd-3 ratio %.3f, with a 16 KB dictionary "
                "(trained on the other 10) %.3f\n",
                ratio(heldOutPlain, heldOutRaw), ratio(heldOutDict, heldOutRaw));
    CHECK(push3 < pushText.size());  // sanity only: the figures above are the point
}

TEST_CASE("WireCodec: body bytes to message with per-route limits, both encodings")
{
    CHECK(*parseContentEncoding("") == ContentEncoding::Identity);
    CHECK(*parseContentEncoding("identity") == ContentEncoding::Identity);
    CHECK(*parseContentEncoding(" ZSTD ") == ContentEncoding::Zstd);
    auto gzip = parseContentEncoding("gzip");
    REQUIRE_FALSE(gzip.isOk());
    CHECK(gzip.status().code() == ErrorCode::FailedPrecondition);
    CHECK(contentEncodingName(ContentEncoding::Zstd) == "zstd");

    const PushRequest push{1, kDevice, {editOp(1), editOp(2)}};
    for (ContentEncoding encoding : {ContentEncoding::Identity, ContentEncoding::Zstd}) {
        CAPTURE(contentEncodingName(encoding));
        auto body = encodeMessage(toJson(push), encoding);
        REQUIRE(body.isOk());
        auto json = decodeMessage(*body, encoding, kPushRequestLimits);
        REQUIRE_MESSAGE(json.isOk(), json.status().toString());
        auto back = parsePushRequest(*json);
        REQUIRE(back.isOk());
        CHECK(*back == push);
        auto tooBig = decodeMessage(*body, encoding, RouteLimits{body->size() - 1, 1 << 20});
        CHECK(tooBig.status().code() == ErrorCode::ResourceExhausted);
    }

    // Small on the wire, large once decoded: refused by the decoded cap, before any JSON parsing.
    const std::string padded = "{\"pad\":\"" + std::string(3 * 1024 * 1024, ' ') + "\"}";
    auto bomb = zstdCompress(padded);
    REQUIRE(bomb.isOk());
    REQUIRE(bomb->size() < tuning::kPushBodyMaxBytes);
    auto refused = decodeMessage(*bomb, ContentEncoding::Zstd, kPushRequestLimits);
    CHECK(refused.status().code() == ErrorCode::ResourceExhausted);
    auto notZstd = decodeMessage("{}", ContentEncoding::Zstd, kPushRequestLimits);
    CHECK_FALSE(notZstd.isOk());
    auto badJson = decodeMessage("{\"a\":", ContentEncoding::Identity, kPullRequestLimits);
    CHECK(badJson.status().code() == ErrorCode::ParseError);
}
