// SyncClientForTests: one simulated device for end-to-end tests and the load benchmark. Builds push and pull bodies
// with the shared/sync serializers (the protocol contract), numbers ops per device (dev_seq), sends them over a
// pinned HttpsClient and parses the answers with the strict shared parsers. Header-only. Not thread-safe: one
// instance per thread, with its own HttpsClient.
#pragma once

#include "support/HttpsClient.h"

#include "base/Uuid.h"
#include "sync/BodyMerge.h"
#include "sync/Operation.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace dantoc::test {

// What a device holds of one record after applying pull items in order (body from `body`, or `patch` applied to
// the held body; `deleted` and `revoke` remove it).
struct HeldRecord {
    std::uint64_t ver = 0;
    std::string state;
    std::string level;
    std::string unit;
    std::string period;
    nlohmann::json body = nlohmann::json::object();
    std::vector<std::string> flags;
    std::vector<std::string> opIdsApplied;
    std::vector<sync::PullItem> comments;
};

// Applies pull items to `held` as a client would. A patch against a version the device does not hold is an error.
inline Status applyPullItems(const std::vector<sync::PullItem>& items, std::map<std::string, HeldRecord>& held)
{
    for (const auto& item : items) {
        if (item.kind == sync::PullItemKind::Revoke || (item.kind == sync::PullItemKind::Record && item.deleted)) {
            held.erase(item.recordId);
            continue;
        }
        if (item.kind == sync::PullItemKind::Comment) {
            held[item.recordId].comments.push_back(item);
            continue;
        }
        HeldRecord& record = held[item.recordId];
        if (item.body) {
            record.body = *item.body;
        } else if (item.patch) {
            if (record.ver != item.patch->baseVer) {
                return Status(ErrorCode::FailedPrecondition, "patch for " + item.recordId + " against ver " +
                                                                 std::to_string(item.patch->baseVer) + ", held " +
                                                                 std::to_string(record.ver));
            }
            auto patched = sync::applySet(record.body, item.patch->set);
            if (!patched) {
                return patched.status();
            }
            record.body = *patched;
        }
        record.ver = item.ver;
        record.state = item.state;
        record.level = item.level.value_or("");
        record.unit = item.unit;
        record.period = item.period;
        record.flags = item.flags;
        record.opIdsApplied = item.opIdsApplied;
    }
    return Status::ok();
}

class SyncClientForTests
{
public:
    static constexpr const char* kPushPath = "/api/v1/sync/push";
    static constexpr const char* kPullPath = "/api/v1/sync/pull";

    SyncClientForTests(HttpsClient& client, std::string accessToken, std::string deviceId = newUuid())
        : m_client(client), m_token(std::move(accessToken)), m_deviceId(std::move(deviceId))
    {
    }

    const std::string& deviceId() const { return m_deviceId; }
    void setDeviceId(std::string deviceId, std::uint64_t nextSeq = 1)
    {
        m_deviceId = std::move(deviceId);
        m_nextSeq = nextSeq;
    }
    const std::string& token() const { return m_token; }
    void setToken(std::string token) { m_token = std::move(token); }
    std::uint64_t nextSeq() const { return m_nextSeq; }
    void setNextSeq(std::uint64_t seq) { m_nextSeq = seq; }
    HttpsClient& http() { return m_client; }

    // Registers this device to the token's user (POST /api/v1/sync/devices); returns the HTTP status.
    int registerDevice(const std::string& name = "test device")
    {
        return m_client
            .post("/api/v1/sync/devices", nlohmann::json{{"device_id", m_deviceId}, {"name", name}}.dump(), m_token)
            .status;
    }

    // Op builders: fresh op_id, this device, the next dev_seq (consumed).
    sync::Operation create(const std::string& recordId, const sync::FormRef& form, const std::string& unit,
                           const std::string& period, const nlohmann::json& values)
    {
        sync::Operation op = base(recordId, sync::OpKind::Create, form, unit, period, 0);
        for (const auto& [key, value] : values.items()) {
            op.set[key] = sync::FieldChange{nullptr, value};
        }
        return op;
    }
    sync::Operation edit(const std::string& recordId, const sync::FormRef& form, const std::string& unit,
                         const std::string& period, std::uint64_t baseVer, sync::FieldSet set)
    {
        sync::Operation op = base(recordId, sync::OpKind::Edit, form, unit, period, baseVer);
        op.set = std::move(set);
        return op;
    }
    sync::Operation transition(const std::string& recordId, const sync::FormRef& form, const std::string& unit,
                               const std::string& period, std::uint64_t baseVer, sync::TransitionIntent intent)
    {
        sync::Operation op = base(recordId, sync::OpKind::Transition, form, unit, period, baseVer);
        op.transition = std::move(intent);
        return op;
    }
    sync::Operation comment(const std::string& recordId, const sync::FormRef& form, const std::string& unit,
                            const std::string& period, std::uint64_t baseVer, std::string text)
    {
        sync::Operation op = base(recordId, sync::OpKind::Comment, form, unit, period, baseVer);
        op.comment = sync::CommentIntent{std::move(text), std::nullopt};
        return op;
    }

    // The request body for these ops (compact JSON, as the client sends it).
    std::string pushBody(const std::vector<sync::Operation>& ops) const
    {
        sync::PushRequest request;
        request.deviceId = m_deviceId;
        request.ops = ops;
        return sync::toJson(request).dump();
    }

    HttpResult pushRaw(const std::vector<sync::Operation>& ops) { return m_client.post(kPushPath, pushBody(ops), m_token); }

    // Pushes and parses a 200 answer; `raw` receives the HTTP answer whatever it was.
    Result<sync::PushResponse> push(const std::vector<sync::Operation>& ops, HttpResult* raw = nullptr)
    {
        HttpResult result = pushRaw(ops);
        if (raw) {
            *raw = result;
        }
        if (result.status != 200) {
            return Status(ErrorCode::Unavailable, "push: HTTP " + std::to_string(result.status) + " " + result.body +
                                                      result.error);
        }
        auto json = nlohmann::json::parse(result.body, nullptr, false);
        if (json.is_discarded()) {
            return Status(ErrorCode::InvalidArgument, "push: answer is not JSON");
        }
        return sync::parsePushResponse(json);
    }

    static std::string pullBody(const sync::Cursor& cursor, std::uint64_t limitBytes = 64 * 1024)
    {
        sync::PullRequest request;
        request.cursor = cursor;
        request.limitBytes = limitBytes;
        return sync::toJson(request).dump();
    }

    HttpResult pullRaw(const sync::Cursor& cursor) { return m_client.post(kPullPath, pullBody(cursor), m_token); }

    Result<sync::PullResponse> pull(const sync::Cursor& cursor, HttpResult* raw = nullptr)
    {
        HttpResult result = pullRaw(cursor);
        if (raw) {
            *raw = result;
        }
        if (result.status != 200) {
            return Status(ErrorCode::Unavailable, "pull: HTTP " + std::to_string(result.status) + " " + result.body +
                                                      result.error);
        }
        auto json = nlohmann::json::parse(result.body, nullptr, false);
        if (json.is_discarded()) {
            return Status(ErrorCode::InvalidArgument, "pull: answer is not JSON");
        }
        return sync::parsePullResponse(json);
    }

    // Pulls from `cursor` until more = false (at most maxPages pages); returns every item and advances `cursor`.
    Result<std::vector<sync::PullItem>> pullAll(sync::Cursor& cursor, int maxPages = 1000)
    {
        std::vector<sync::PullItem> items;
        for (int page = 0; page < maxPages; ++page) {
            auto answer = pull(cursor);
            if (!answer) {
                return answer.status();
            }
            items.insert(items.end(), answer->items.begin(), answer->items.end());
            cursor = answer->next;
            if (!answer->more) {
                return items;
            }
        }
        return Status(ErrorCode::Internal, "pull: more than maxPages pages");
    }

private:
    sync::Operation base(const std::string& recordId, sync::OpKind kind, const sync::FormRef& form,
                         const std::string& unit, const std::string& period, std::uint64_t baseVer)
    {
        sync::Operation op;
        op.opId = newUuid();
        op.deviceId = m_deviceId;
        op.devSeq = m_nextSeq++;
        op.recordId = recordId;
        op.kind = kind;
        op.form = form;
        op.unit = unit;
        op.period = period;
        op.baseVer = baseVer;
        return op;
    }

    HttpsClient& m_client;
    std::string m_token;
    std::string m_deviceId;
    std::uint64_t m_nextSeq = 1;
};

}  // namespace dantoc::test
