#include "audit/AuditChain.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <functional>

namespace dantoc::server {

namespace {

using EntryHash = std::function<std::string(std::int64_t, const AuditEvent&, const std::string&)>;

Status verifyWith(const std::vector<AuditEntry>& entries, const EntryHash& hashOf)
{
    std::string prev = kAuditGenesisHash;
    std::int64_t expectedSeq = 1;
    for (const AuditEntry& entry : entries) {
        const std::string at = "audit entry " + std::to_string(entry.seq);
        if (entry.seq != expectedSeq) {
            return Status(ErrorCode::Corruption, at + ": expected seq " + std::to_string(expectedSeq));
        }
        if (entry.prevHash != prev) {
            return Status(ErrorCode::Corruption, at + ": prev_hash does not link to the previous entry");
        }
        if (hashOf(entry.seq, entry.event, entry.prevHash) != entry.hash) {
            return Status(ErrorCode::Corruption, at + ": hash does not match its content");
        }
        prev = entry.hash;
        ++expectedSeq;
    }
    return Status::ok();
}

}  // namespace

std::string sha256Hex(const std::string& data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(sizeof digest * 2);
    for (unsigned char byte : digest) {
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 15]);
    }
    return out;
}

std::string auditCanonical(std::int64_t seq, const AuditEvent& event, const std::string& prevHash)
{
    const nlohmann::json canonical = {seq,          event.at,         event.actor, event.action,
                                      event.target, event.detailJson, prevHash};
    return canonical.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string auditEntryHash(std::int64_t seq, const AuditEvent& event, const std::string& prevHash,
                           const AuditKey& key)
{
    return key.macHex(auditCanonical(seq, event, prevHash));
}

std::string auditEntryPlainHash(std::int64_t seq, const AuditEvent& event, const std::string& prevHash)
{
    return sha256Hex(auditCanonical(seq, event, prevHash));
}

Status verifyAuditChain(const std::vector<AuditEntry>& entries, const AuditKey& key)
{
    return verifyWith(entries, [&](std::int64_t seq, const AuditEvent& event, const std::string& prev) {
        return auditEntryHash(seq, event, prev, key);
    });
}

Status verifyPlainAuditChain(const std::vector<AuditEntry>& entries)
{
    return verifyWith(entries, auditEntryPlainHash);
}

}  // namespace dantoc::server
