#include "core/sync/SyncStatus.h"

#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/sync/PullApplier.h"

#include <charconv>

namespace dantoc::client::sync {

Json SyncStatus::toJson() const
{
    return Json{{"enrolled", enrolled},
                {"server", server},
                {"account", account},
                {"device_id", deviceId},
                {"device_registered", deviceRegistered},
                {"pending_ops", pendingOps},
                {"deferred_ops", deferredOps},
                {"rejected_ops", rejectedOps},
                {"conflict_ops", conflictOps},
                {"records_needing_attention", recordsNeedingAttention},
                {"last_sync_at", lastSyncAt},
                {"last_error", lastError},
                {"epoch", epoch},
                {"cursor_seq", cursorSeq}};
}

Result<SyncStatus> readSyncStatus(Connection& connection)
{
    SyncStatus out;
    SyncMetaRepository meta(connection);
    auto text = [&](const char* key) -> Result<std::string> {
        auto value = meta.get(key);
        if (!value) {
            return value.status();
        }
        return value->value_or(std::string());
    };
    auto server = text(SyncMetaRepository::kServerUrl);
    auto account = text(SyncMetaRepository::kAccount);
    auto device = text(SyncMetaRepository::kDeviceId);
    auto registered = text(SyncMetaRepository::kRegisteredDevice);
    auto lastSync = text(SyncMetaRepository::kLastSyncAt);
    auto lastError = text(SyncMetaRepository::kLastSyncError);
    for (const auto* value : {&server, &account, &device, &registered, &lastSync, &lastError}) {
        if (!*value) {
            return value->status();
        }
    }
    out.server = *server;
    out.account = *account;
    out.enrolled = !out.server.empty() && !out.account.empty();
    out.deviceId = *device;
    out.deviceRegistered = !out.deviceId.empty() && *registered == out.deviceId;
    std::int64_t at = 0;
    auto [end, ec] = std::from_chars(lastSync->data(), lastSync->data() + lastSync->size(), at);
    out.lastSyncAt = ec == std::errc() && end == lastSync->data() + lastSync->size() ? at : 0;
    out.lastError = *lastError;
    struct Count
    {
        std::int64_t* target;
        std::string sql;
    };
    const Count counts[] = {
        {&out.pendingOps, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"},
        {&out.deferredOps, "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND last_error LIKE 'deferred:%'"},
        {&out.rejectedOps, "SELECT COUNT(*) FROM op_journal WHERE outcome = 'rejected'"},
        {&out.conflictOps, "SELECT COUNT(*) FROM op_journal WHERE outcome = 'conflict'"},
        {&out.recordsNeedingAttention,
         "SELECT COUNT(*) FROM record WHERE flags & " + std::to_string(SubmissionRepository::kFlagNeedsAttention)},
    };
    for (const Count& count : counts) {
        auto value = connection.queryInt64(count.sql);
        if (!value) {
            return value.status();
        }
        *count.target = *value;
    }
    auto cursor = PullApplier::cursor(connection);
    if (!cursor) {
        return cursor.status();
    }
    out.epoch = cursor->epoch;
    out.cursorSeq = cursor->seq;
    return out;
}

}  // namespace dantoc::client::sync
