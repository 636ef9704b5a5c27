#include "core/SyncMetaRepository.h"

#include "core/Transaction.h"

#include "base/Uuid.h"

namespace dantoc::client {

Result<std::optional<std::string>> SyncMetaRepository::get(const std::string& key)
{
    auto stmt = m_connection.prepare("SELECT value FROM sync_meta WHERE key = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, key); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(stmt->columnText(0));
}

Status SyncMetaRepository::set(const std::string& key, const std::string& value)
{
    auto stmt = m_connection.prepare("INSERT OR REPLACE INTO sync_meta(key, value) VALUES(?1, ?2)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, key);
    if (status) status = stmt->bindText(2, value);
    if (status) status = stmt->execute();
    return status;
}

Status SyncMetaRepository::remove(const std::string& key)
{
    auto stmt = m_connection.prepare("DELETE FROM sync_meta WHERE key = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, key);
    if (status) status = stmt->execute();
    return status;
}

Result<std::string> SyncMetaRepository::cursor(const std::string& stream)
{
    auto value = get("pull_cursor:" + stream);
    if (!value) {
        return value.status();
    }
    return value->value_or(std::string());
}

Status SyncMetaRepository::setCursor(const std::string& stream, const std::string& cursor)
{
    return set("pull_cursor:" + stream, cursor);
}

Result<std::string> SyncMetaRepository::deviceId()
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto existing = get(kDeviceId);
    if (!existing) {
        return existing.status();
    }
    if (*existing) {
        return **existing;
    }
    const std::string id = newUuid();
    Status status = set(kDeviceId, id);
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    return id;
}

Result<std::string> SyncMetaRepository::resetDeviceId()
{
    const std::string id = newUuid();
    if (Status status = set(kDeviceId, id); !status) {
        return status;
    }
    return id;
}

Result<std::vector<std::string>> SyncMetaRepository::selfAuthorNames()
{
    std::vector<std::string> out;
    for (const char* key : {kAccount, kAccountDisplayName}) {
        auto value = get(key);
        if (!value) {
            return value.status();
        }
        if (*value && !(*value)->empty()) {
            out.push_back(**value);
        }
    }
    return out;
}

}  // namespace dantoc::client
