// Builders for sync tests: a seeded random source and valid example messages to mutate. Tests only.
#pragma once

#include "base/Uuid.h"
#include "sync/BodyMerge.h"
#include "sync/JsonReader.h"
#include "sync/Operation.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace dantoc::sync::test {

class SeededRandom final : public RandomSource
{
public:
    explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
    void fill(std::uint8_t* out, std::size_t size) override
    {
        for (std::size_t i = 0; i < size; ++i) {
            out[i] = static_cast<std::uint8_t>(m_engine() & 0xFFu);
        }
    }
    std::mt19937_64& engine() { return m_engine; }

private:
    std::mt19937_64 m_engine;
};

inline const std::string kDevice = "0b9a3c1e-4f6d-4e2a-9c1b-7d8e9f0a1b2c";
inline const std::string kRecord = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
inline const std::string kRow1 = "a1b2c3d4-0000-4000-8000-000000000001";
inline const std::string kRow2 = "a1b2c3d4-0000-4000-8000-000000000002";
inline const std::string kSha = std::string(64, 'a');

inline std::string opId(int n)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
    return buf;
}

inline Operation editOp(std::uint64_t devSeq)
{
    Operation op;
    op.opId = opId(static_cast<int>(devSeq));
    op.deviceId = kDevice;
    op.devSeq = devSeq;
    op.recordId = kRecord;
    op.kind = OpKind::Edit;
    op.form = {"DT-TH01", 3};
    op.unit = "0164500000";
    op.period = "2024-H2";
    op.baseVer = 4;
    op.set["households_total"] = {Json(376), Json(377)};
    op.set["members[" + kRow1 + "].age"] = {Json(30), Json(31)};
    op.set["members[" + kRow2 + "]"] = {Json(), Json{{"_id", kRow2}, {"age", 5}, {"name", "Lò Văn A"}}};
    return op;
}

inline Json parsed(std::string_view text)
{
    auto json = parseMessageJson(text, 1 << 20);
    REQUIRE_MESSAGE(json.isOk(), json.status().toString());
    return *json;
}

}  // namespace dantoc::sync::test
