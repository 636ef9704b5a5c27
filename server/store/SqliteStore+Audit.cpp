// SqliteStore: the append-only, hash-chained audit log.
#include "audit/AuditChain.h"
#include "store/SqliteStore.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace dantoc::server {

namespace {

AuditEntry readEntry(const Statement& st)
{
    AuditEntry e;
    e.seq = st.integer(0);
    e.event.at = st.integer(1);
    e.event.actor = st.text(2);
    e.event.action = st.text(3);
    e.event.target = st.text(4);
    e.event.detailJson = st.text(5);
    e.prevHash = st.text(6);
    e.hash = st.text(7);
    return e;
}

Result<std::vector<AuditEntry>> readEntries(Statement& st)
{
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back(readEntry(st));
    }
}

}  // namespace

Status SqliteStore::appendAuditLocked(const AuditEvent& audit)
{
    // Inside the caller's BEGIN IMMEDIATE transaction, so reading the tail and appending is serialised.
    Statement last(m_db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    auto row = last.step();
    if (!row) {
        return row.status();
    }
    const std::int64_t seq = *row ? last.integer(0) + 1 : 1;
    const std::string prev = *row ? last.text(1) : std::string(kAuditGenesisHash);
    Statement st(m_db,
                 "INSERT INTO audit (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)");
    st.bind(1, seq).bind(2, audit.at).bind(3, audit.actor).bind(4, audit.action).bind(5, audit.target);
    st.bind(6, audit.detailJson).bind(7, prev).bind(8, auditEntryHash(seq, audit, prev, *m_auditKey));
    return st.run();
}

Status SqliteStore::rekeyAuditLocked()
{
    std::vector<AuditEntry> entries;
    {
        Statement st(m_db.handle(),
                     "SELECT seq, at, actor, action, target, detail, prev_hash, hash FROM audit ORDER BY seq");
        auto read = readEntries(st);
        if (!read) {
            return read.status();
        }
        entries = std::move(*read);
    }
    if (entries.empty()) {
        return Status::ok();
    }
    if (Status s = verifyPlainAuditChain(entries); !s) {
        return Status(ErrorCode::Corruption,
                      "the unkeyed audit chain does not verify, so it is not re-keyed: " + s.message());
    }
    if (Status s = m_db.exec("DROP TRIGGER audit_no_update"); !s) {
        return s;
    }
    std::string prev = kAuditGenesisHash;
    for (const AuditEntry& entry : entries) {
        const std::string hash = auditEntryHash(entry.seq, entry.event, prev, *m_auditKey);
        Statement st(m_db.handle(), "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3");
        st.bind(1, prev).bind(2, hash).bind(3, entry.seq);
        if (Status s = st.run(); !s) {
            return s;
        }
        prev = hash;
    }
    if (Status s = m_db.exec("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
                             " SELECT RAISE(ABORT, 'audit is append-only'); END");
        !s) {
        return s;
    }
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    return appendAuditLocked({now, "server", "audit.rekeyed", "audit",
                              nlohmann::json{{"entries", entries.size()}, {"through_seq", entries.back().seq}}.dump()});
}

Status SqliteStore::appendAudit(const AuditEvent& audit)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    if (Status s = appendAuditLocked(audit); !s) {
        return s;
    }
    return tx.commit();
}

Result<std::vector<AuditEntry>> SqliteStore::listAudit(const AuditFilter& f)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(),
                 "SELECT seq, at, actor, action, target, detail, prev_hash, hash FROM audit WHERE seq > ?1"
                 " AND (?2 IS NULL OR actor = ?2) AND (?3 IS NULL OR action = ?3) AND (?4 IS NULL OR target = ?4)"
                 " AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < ?6) ORDER BY seq LIMIT ?7");
    st.bind(1, f.afterSeq).bindOptional(2, f.actor).bindOptional(3, f.action).bindOptional(4, f.target);
    if (f.since) {
        st.bind(5, *f.since);
    }
    if (f.until) {
        st.bind(6, *f.until);
    }
    st.bind(7, f.limit);
    return readEntries(st);
}

Result<std::vector<AuditEntry>> SqliteStore::allAudit()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(), "SELECT seq, at, actor, action, target, detail, prev_hash, hash FROM audit ORDER BY seq");
    return readEntries(st);
}

}  // namespace dantoc::server
