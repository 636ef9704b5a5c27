#include "audit/AuditCheckpoint.h"

#include "audit/AuditChain.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace dantoc::server {

namespace {

std::string macInput(const AuditCheckpoint& c)
{
    return "dantoc-audit-checkpoint-v1\n" + std::to_string(c.seq) + "\n" + c.hash + "\n" + std::to_string(c.at);
}

bool equalConstantTime(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string makeAuditCheckpoint(const std::vector<AuditEntry>& entries, const AuditKey& key, std::int64_t now)
{
    AuditCheckpoint c;
    c.seq = entries.empty() ? 0 : entries.back().seq;
    c.hash = entries.empty() ? std::string(kAuditGenesisHash) : entries.back().hash;
    c.at = now;
    c.mac = key.macHex(macInput(c));
    return nlohmann::json{{"format", "dantoc-audit-checkpoint-v1"}, {"seq", c.seq}, {"hash", c.hash},
                          {"at", c.at},                             {"mac", c.mac}}
        .dump();
}

Result<AuditCheckpoint> verifyAuditCheckpoint(const std::string& text, const std::vector<AuditEntry>& entries,
                                              const AuditKey& key)
{
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || j.value("format", "") != "dantoc-audit-checkpoint-v1" || !j.contains("seq") ||
        !j["seq"].is_number_integer() || !j.contains("hash") || !j["hash"].is_string() || !j.contains("at") ||
        !j["at"].is_number_integer() || !j.contains("mac") || !j["mac"].is_string()) {
        return Status(ErrorCode::InvalidArgument,
                      "not an audit checkpoint (a JSON object with format, seq, hash, at and mac)");
    }
    AuditCheckpoint c{j["seq"].get<std::int64_t>(), j["hash"].get<std::string>(), j["at"].get<std::int64_t>(),
                      j["mac"].get<std::string>()};
    if (!equalConstantTime(key.macHex(macInput(c)), c.mac)) {
        return Status(ErrorCode::Corruption,
                      "the checkpoint's MAC does not match: it was altered or made with another audit key");
    }
    if (c.seq == 0) {
        return c;
    }
    if (c.seq < 0 || static_cast<std::size_t>(c.seq) > entries.size()) {
        return Status(ErrorCode::Corruption, "the chain ends at seq " + std::to_string(entries.size()) +
                                                 " but the checkpoint holds seq " + std::to_string(c.seq) +
                                                 ": entries were removed");
    }
    const AuditEntry& entry = entries[static_cast<std::size_t>(c.seq - 1)];
    if (entry.seq != c.seq || entry.hash != c.hash) {
        return Status(ErrorCode::Corruption, "audit entry " + std::to_string(c.seq) +
                                                 " differs from the checkpoint's: the chain was rewritten");
    }
    return c;
}

}  // namespace dantoc::server
