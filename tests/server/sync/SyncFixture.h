// SyncFixture: the real server application in-process (AdminFixture: demo province, ManualClock at 2026-01-01)
// with the default forms published and the demo periods open, plus a Device that registers itself and pushes and
// pulls through the real router with the shared serializers and strict parsers. For the server's sync tests.
#pragma once

#include "admin/AdminFixture.h"
#include "support/DemoValues.h"

#include "base/Uuid.h"
#include "catalog/CatalogAdmin.h"
#include "sync/JsonReader.h"
#include "sync/OpOrdering.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dantoc::test {

inline const sync::FormRef kVillageForm{"village_survey", 1};
inline constexpr const char* kVillageA = "02683-01";  // a village of commune 02683 (officer xa02683)
inline constexpr const char* kOpenPeriod = "2026-H2";

class SyncFixture : public AdminFixture
{
public:
    // demoTree false: no units and no accounts (the test adds its own).
    explicit SyncFixture(bool demoTree = true) : AdminFixture(demoTree)
    {
        REQUIRE(server::publishDefaultForms(app().catalogs(), DANTOC_RESOURCES_DIR, clock.nowUnixMillis()).isOk());
        REQUIRE(server::seedDemoPeriods(app().catalogs(), clock.nowUnixMillis()).isOk());
    }

    server::ApiResponse post(const std::string& path, const std::string& body, const std::string& token,
                             std::map<std::string, std::string> headers = {})
    {
        server::ApiRequest request;
        request.method = "POST";
        request.path = path;
        request.body = body;
        request.bearerToken = token;
        request.headers = std::move(headers);
        request.remoteAddress = "127.0.0.1";
        return app().router()->dispatch(request);
    }
};

inline std::string errorCode(const server::ApiResponse& response)
{
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error")) {
        return {};
    }
    return body["error"].value("code", std::string());
}

// One device of one account.
class Device
{
public:
    Device(SyncFixture& f, std::string token, std::string deviceId = newUuid())
        : m_f(f), m_token(std::move(token)), m_deviceId(std::move(deviceId))
    {
    }

    int registerSelf(const std::string& name = "máy tính xã")
    {
        return m_f.post("/api/v1/sync/devices", nlohmann::json{{"device_id", m_deviceId}, {"name", name}}.dump(),
                        m_token)
            .status;
    }

    sync::Operation op(const std::string& recordId, sync::OpKind kind, std::uint64_t baseVer,
                       const std::string& unit = kVillageA, const std::string& period = kOpenPeriod)
    {
        sync::Operation o;
        o.opId = newUuid();
        o.deviceId = m_deviceId;
        o.devSeq = m_nextSeq++;
        o.recordId = recordId;
        o.kind = kind;
        o.form = kVillageForm;
        o.unit = unit;
        o.period = period;
        o.baseVer = baseVer;
        return o;
    }
    sync::Operation create(const std::string& recordId, const nlohmann::json& values,
                           const std::string& unit = kVillageA, const std::string& period = kOpenPeriod)
    {
        sync::Operation o = op(recordId, sync::OpKind::Create, 0, unit, period);
        for (const auto& [key, value] : values.items()) {
            o.set[key] = sync::FieldChange{nullptr, value};
        }
        return o;
    }
    sync::Operation edit(const std::string& recordId, std::uint64_t baseVer, sync::FieldSet set)
    {
        sync::Operation o = op(recordId, sync::OpKind::Edit, baseVer);
        o.set = std::move(set);
        return o;
    }
    sync::Operation transition(const std::string& recordId, std::uint64_t baseVer, const std::string& action,
                               const std::string& from, const std::string& to, std::uint64_t contentVer)
    {
        sync::Operation o = op(recordId, sync::OpKind::Transition, baseVer);
        o.transition = sync::TransitionIntent{action, from, to, contentVer, std::nullopt, {}};
        return o;
    }

    std::string pushBody(const std::vector<sync::Operation>& ops) const
    {
        sync::PushRequest request;
        request.deviceId = m_deviceId;
        request.ops = ops;
        return sync::toJson(request).dump();
    }
    server::ApiResponse pushRaw(const std::vector<sync::Operation>& ops)
    {
        return m_f.post("/api/v1/sync/push", pushBody(ops), m_token);
    }
    sync::PushResponse push(const std::vector<sync::Operation>& ops)
    {
        auto raw = pushRaw(ops);
        REQUIRE_MESSAGE(raw.status == 200, raw.body);
        auto parsed = sync::parsePushResponse(nlohmann::json::parse(raw.body));
        REQUIRE_MESSAGE(parsed.isOk(), parsed.status().message());
        return *parsed;
    }
    sync::PullResponse pull(const sync::Cursor& cursor, std::uint64_t limitBytes = 64 * 1024)
    {
        sync::PullRequest request;
        request.cursor = cursor;
        request.limitBytes = limitBytes;
        auto raw = m_f.post("/api/v1/sync/pull", sync::toJson(request).dump(), m_token);
        REQUIRE_MESSAGE(raw.status == 200, raw.body);
        auto parsed = sync::parsePullResponse(nlohmann::json::parse(raw.body));
        REQUIRE_MESSAGE(parsed.isOk(), parsed.status().message());
        return *parsed;
    }
    // Every item from the start (or `cursor`) until more = false.
    std::vector<sync::PullItem> pullAll(sync::Cursor& cursor)
    {
        std::vector<sync::PullItem> items;
        for (int page = 0; page < 1000; ++page) {
            auto answer = pull(cursor);
            REQUIRE(sync::checkPullPage(cursor, answer).isOk());
            items.insert(items.end(), answer.items.begin(), answer.items.end());
            cursor = answer.next;
            if (!answer.more) {
                break;
            }
        }
        return items;
    }

    const std::string& deviceId() const { return m_deviceId; }
    void setNextSeq(std::uint64_t seq) { m_nextSeq = seq; }

private:
    SyncFixture& m_f;
    std::string m_token;
    std::string m_deviceId;
    std::uint64_t m_nextSeq = 1;
};

// The newest record item per record id among `items`.
inline std::map<std::string, sync::PullItem> latestRecords(const std::vector<sync::PullItem>& items)
{
    std::map<std::string, sync::PullItem> out;
    for (const auto& item : items) {
        if (item.kind == sync::PullItemKind::Record) {
            out[item.recordId] = item;
        }
    }
    return out;
}

}  // namespace dantoc::test
