// SqliteStore: accounts, tokens and login failures (units: SqliteStore+Units.cpp).
#include "store/SqliteStore.h"

namespace dantoc::server {

namespace {

constexpr const char* kAccountColumns =
    "id, username, display_name, role, unit_code, password_hash, must_change_password, closed, created_at, "
    "updated_at";

Account readAccount(const Statement& st)
{
    Account a;
    a.id = st.text(0);
    a.username = st.text(1);
    a.displayName = st.text(2);
    a.role = roleFromName(st.text(3)).value_or(Role::ProvincialViewer);
    a.unitCode = st.text(4);
    a.passwordHash = st.text(5);
    a.mustChangePassword = st.integer(6) != 0;
    a.closed = st.integer(7) != 0;
    a.createdAt = st.integer(8);
    a.updatedAt = st.integer(9);
    return a;
}

Result<std::optional<Account>> oneAccount(Statement& st)
{
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<Account>();
    }
    return std::optional<Account>(readAccount(st));
}

const char* kindName(TokenKind kind)
{
    return kind == TokenKind::Access ? "access" : "refresh";
}

}  // namespace

Result<std::optional<Account>> SqliteStore::accountById(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db, std::string("SELECT ") + kAccountColumns + " FROM account WHERE id = ?");
    st.bind(1, id);
    return oneAccount(st);
}

Result<std::optional<Account>> SqliteStore::accountByUsername(const std::string& username)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(),
                 (std::string("SELECT ") + kAccountColumns + " FROM account WHERE username = ?").c_str());
    st.bind(1, username);
    return oneAccount(st);
}

Result<std::vector<Account>> SqliteStore::listAccounts()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(), (std::string("SELECT ") + kAccountColumns + " FROM account ORDER BY username").c_str());
    std::vector<Account> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back(readAccount(st));
    }
}

Status SqliteStore::insertAccount(const Account& a, const AuditEvent& audit)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    Statement st(m_db.handle(),
                 "INSERT INTO account (id, username, display_name, role, unit_code, password_hash, "
                 "must_change_password, closed, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, a.id).bind(2, a.username).bind(3, a.displayName).bind(4, std::string(roleName(a.role)));
    st.bind(5, a.unitCode).bind(6, a.passwordHash).bind(7, std::int64_t{a.mustChangePassword});
    st.bind(8, std::int64_t{a.closed}).bind(9, a.createdAt).bind(10, a.updatedAt);
    if (Status s = st.run(); !s) {
        return s.code() == ErrorCode::AlreadyExists
                   ? Status(ErrorCode::AlreadyExists, "an account named \"" + a.username + "\" already exists")
                   : s;
    }
    if (Status s = appendAuditLocked(audit); !s) {
        return s;
    }
    return tx.commit();
}

Status SqliteStore::updateAccount(const Account& a, const AuditEvent& audit)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    Statement st(m_db.handle(),
                 "UPDATE account SET display_name = ?, role = ?, unit_code = ?, password_hash = ?, "
                 "must_change_password = ?, closed = ?, updated_at = ? WHERE id = ?");
    st.bind(1, a.displayName).bind(2, std::string(roleName(a.role))).bind(3, a.unitCode).bind(4, a.passwordHash);
    st.bind(5, std::int64_t{a.mustChangePassword}).bind(6, std::int64_t{a.closed}).bind(7, a.updatedAt);
    st.bind(8, a.id);
    if (Status s = st.run(); !s) {
        return s;
    }
    if (sqlite3_changes(m_db.handle()) != 1) {
        return Status(ErrorCode::NotFound, "no such account");
    }
    if (Status s = appendAuditLocked(audit); !s) {
        return s;
    }
    return tx.commit();
}

Result<bool> SqliteStore::accountHasData(const std::string& accountId)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(),
                 "SELECT EXISTS (SELECT 1 FROM op WHERE account_id = ?1) OR "
                 "EXISTS (SELECT 1 FROM record WHERE created_by = ?1) OR "
                 "EXISTS (SELECT 1 FROM comment WHERE author = ?1)");
    st.bind(1, accountId);
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    return *row && st.integer(0) != 0;
}

Status SqliteStore::insertTokens(const std::vector<TokenRecord>& tokens)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    for (const TokenRecord& t : tokens) {
        Statement st(m_db.handle(),
                     "INSERT INTO token (token_hash, session_id, account_id, kind, issued_at, expires_at, revoked, "
                     "family_id) VALUES (?,?,?,?,?,?,?,?)");
        st.bind(1, t.tokenHash).bind(2, t.sessionId).bind(3, t.accountId).bind(4, std::string(kindName(t.kind)));
        st.bind(5, t.issuedAt).bind(6, t.expiresAt).bind(7, std::int64_t{t.revoked});
        st.bind(8, t.familyId.empty() ? t.sessionId : t.familyId);
        if (Status s = st.run(); !s) {
            return s;
        }
    }
    return tx.commit();
}

Result<std::optional<TokenRecord>> SqliteStore::tokenByHash(const std::string& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db,
                 "SELECT token_hash, session_id, account_id, kind, issued_at, expires_at, revoked, family_id FROM token "
                 "WHERE token_hash = ?");
    st.bind(1, tokenHash);
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<TokenRecord>();
    }
    TokenRecord t;
    t.tokenHash = st.text(0);
    t.sessionId = st.text(1);
    t.accountId = st.text(2);
    t.kind = st.text(3) == "refresh" ? TokenKind::Refresh : TokenKind::Access;
    t.issuedAt = st.integer(4);
    t.expiresAt = st.integer(5);
    t.revoked = st.integer(6) != 0;
    t.familyId = st.text(7).empty() ? t.sessionId : st.text(7);  // tokens from before families: their own session
    return std::optional<TokenRecord>(t);
}

Status SqliteStore::revokeSession(const std::string& sessionId)
{
    std::lock_guard lock(m_mutex);
    return exec("UPDATE token SET revoked = 1 WHERE session_id = ?", {sessionId});
}

Result<bool> SqliteStore::claimRefreshToken(const std::string& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    Statement claim(m_db.handle(), "UPDATE token SET revoked = 1 WHERE token_hash = ? AND kind = 'refresh' AND revoked = 0");
    claim.bind(1, tokenHash);
    if (Status s = claim.run(); !s) {
        return s;
    }
    if (sqlite3_changes(m_db.handle()) == 0) {
        return false;  // nothing committed: the transaction rolls back an empty change
    }
    Statement session(m_db.handle(),
                      "UPDATE token SET revoked = 1 WHERE session_id = (SELECT session_id FROM token WHERE token_hash = ?)");
    session.bind(1, tokenHash);
    if (Status s = session.run(); !s) {
        return s;
    }
    if (Status s = tx.commit(); !s) {
        return s;
    }
    return true;
}

Status SqliteStore::revokeFamily(const std::string& familyId)
{
    std::lock_guard lock(m_mutex);
    // Pre-family rows carry '' and count as a family of their own session.
    return exec("UPDATE token SET revoked = 1 WHERE family_id = ?1 OR (family_id = '' AND session_id = ?1)",
                {familyId});
}

Status SqliteStore::revokeAccountTokens(const std::string& accountId)
{
    std::lock_guard lock(m_mutex);
    return exec("UPDATE token SET revoked = 1 WHERE account_id = ?", {accountId});
}

Status SqliteStore::recordLoginFailure(const std::vector<std::string>& keys, std::int64_t at, const AuditEvent& audit)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    // login_failure.account_id holds the throttle key (auth/LoginThrottle.h), no longer only an account id.
    for (const std::string& key : keys) {
        Statement st(m_db.handle(), "INSERT INTO login_failure (account_id, at) VALUES (?, ?)");
        st.bind(1, key).bind(2, at);
        if (Status s = st.run(); !s) {
            return s;
        }
    }
    if (Status s = appendAuditLocked(audit); !s) {
        return s;
    }
    return tx.commit();
}

Result<std::vector<std::int64_t>> SqliteStore::loginFailuresSince(const std::string& key, std::int64_t since)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(), "SELECT at FROM login_failure WHERE account_id = ? AND at >= ? ORDER BY at");
    st.bind(1, key).bind(2, since);
    std::vector<std::int64_t> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back(st.integer(0));
    }
}

Status SqliteStore::clearLoginFailures(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    // substr, not LIKE: usernames may hold the pattern characters _ and %.
    return exec("DELETE FROM login_failure WHERE account_id = ?1 OR substr(account_id, 1, length(?1) + 1) = ?1 || '|'",
                {key});
}

}  // namespace dantoc::server
