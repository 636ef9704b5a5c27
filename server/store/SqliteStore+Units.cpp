// SqliteStore: administrative units with history. unit_version holds every version (code, valid_from), unit_lineage
// the merges/splits between versions, unit_meta a generation counter; the older `unit` table is kept as the
// "current" projection (latest version per code) that accounts and the simple subtree check use.
#include "store/SqliteStore.h"

namespace dantoc::server {

namespace {

constexpr const char* kUnitHistorySchema = R"SQL(
CREATE TABLE IF NOT EXISTS unit_version (
    code TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL DEFAULT '', name TEXT NOT NULL,
    level TEXT NOT NULL, unit_type TEXT NOT NULL DEFAULT '', parent_code TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (code, valid_from));
CREATE INDEX IF NOT EXISTS unit_version_parent ON unit_version(parent_code);
CREATE TABLE IF NOT EXISTS unit_lineage (
    old_code TEXT NOT NULL, old_valid_from TEXT NOT NULL, new_code TEXT NOT NULL, new_valid_from TEXT NOT NULL,
    effective_date TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (old_code, old_valid_from, new_code, new_valid_from));
CREATE TABLE IF NOT EXISTS unit_meta (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
INSERT OR IGNORE INTO unit_meta (id, generation) VALUES (1, 0);
)SQL";

constexpr const char* kUnitColumns = "code, name, level, parent_code, unit_type, valid_from, valid_to";

Unit readUnit(const Statement& st)
{
    return Unit{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
}

Result<std::vector<Unit>> readUnits(Statement& st)
{
    std::vector<Unit> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back(readUnit(st));
    }
}

std::string validFromOf(const Unit& unit)
{
    return unit.validFrom.empty() ? std::string(kUnitDefaultValidFrom) : unit.validFrom;
}

}  // namespace

Status SqliteStore::ensureUnitHistory()
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    if (Status s = m_db.exec(kUnitHistorySchema); !s) {
        return s;
    }
    bool hasDates = false;
    {
        Statement st(m_db.handle(), "SELECT 1 FROM pragma_table_info('unit') WHERE name = 'valid_from'");
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        hasDates = *row;
    }
    if (!hasDates) {
        if (Status s = m_db.exec("ALTER TABLE unit ADD COLUMN unit_type TEXT NOT NULL DEFAULT '';"
                                 "ALTER TABLE unit ADD COLUMN valid_from TEXT;"
                                 "ALTER TABLE unit ADD COLUMN valid_to TEXT NOT NULL DEFAULT ''");
            !s) {
            return s;
        }
    }
    // Rows from before the history (one snapshot, no dates) become versions valid since kUnitDefaultValidFrom.
    const std::string since = kUnitDefaultValidFrom;
    if (Status s = m_db.exec("INSERT OR IGNORE INTO unit_version (code, valid_from, valid_to, name, level, unit_type, "
                             "parent_code) SELECT code, '" + since + "', '', name, level, unit_type, "
                             "COALESCE(parent_code, '') FROM unit WHERE valid_from IS NULL;"
                             "UPDATE unit SET valid_from = '" + since + "' WHERE valid_from IS NULL");
        !s) {
        return s;
    }
    return tx.commit();
}

Status SqliteStore::upsertUnit(const Unit& unit)
{
    return upsertUnits({unit});
}

Status SqliteStore::upsertUnits(const std::vector<Unit>& units)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    for (const Unit& unit : units) {
        if (Status s = upsertUnitLocked(unit); !s) {
            return s;
        }
        if (Status s = refreshCurrentUnitLocked(unit.code); !s) {
            return s;
        }
    }
    if (Status s = bumpUnitGenerationLocked(); !s) {
        return s;
    }
    if (Status s = tx.commit(); !s) {
        return s;
    }
    ++m_unitWrites;
    return Status::ok();
}

Status SqliteStore::upsertUnitLocked(const Unit& unit)
{
    Statement st(m_db.handle(),
                 "INSERT INTO unit_version (code, valid_from, valid_to, name, level, unit_type, parent_code) "
                 "VALUES (?,?,?,?,?,?,?) ON CONFLICT(code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, "
                 "name = excluded.name, level = excluded.level, unit_type = excluded.unit_type, "
                 "parent_code = excluded.parent_code");
    st.bind(1, unit.code).bind(2, validFromOf(unit)).bind(3, unit.validTo).bind(4, unit.name).bind(5, unit.level);
    st.bind(6, unit.unitType).bind(7, unit.parentCode);
    return st.run();
}

Status SqliteStore::refreshCurrentUnitLocked(const std::string& code)
{
    // The latest version of the code becomes its current row (codes never disappear from `unit`: accounts and
    // records may name them).
    Statement st(m_db.handle(),
                 "INSERT INTO unit (code, name, level, parent_code, unit_type, valid_from, valid_to) "
                 "SELECT code, name, level, NULLIF(parent_code, ''), unit_type, valid_from, valid_to "
                 "FROM unit_version WHERE code = ?1 ORDER BY valid_from DESC LIMIT 1 "
                 "ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, "
                 "parent_code = excluded.parent_code, unit_type = excluded.unit_type, "
                 "valid_from = excluded.valid_from, valid_to = excluded.valid_to");
    st.bind(1, code);
    return st.run();
}

Status SqliteStore::bumpUnitGenerationLocked()
{
    return exec("UPDATE unit_meta SET generation = generation + 1 WHERE id = 1", {});
}

Status SqliteStore::applyUnitImport(const std::vector<Unit>& versions, const std::vector<UnitLineage>& lineage,
                                    const AuditEvent& audit)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    // Current rows are refreshed code by code; a parent's row may come after its child's in that order.
    if (Status s = m_db.exec("PRAGMA defer_foreign_keys = ON"); !s) {
        return s;
    }
    for (const Unit& unit : versions) {
        if (Status s = upsertUnitLocked(unit); !s) {
            return s;
        }
    }
    for (const Unit& unit : versions) {
        if (Status s = refreshCurrentUnitLocked(unit.code); !s) {
            return s;
        }
    }
    for (const UnitLineage& l : lineage) {
        Statement st(m_db.handle(),
                     "INSERT INTO unit_lineage (old_code, old_valid_from, new_code, new_valid_from, effective_date, "
                     "kind) VALUES (?,?,?,?,?,?) ON CONFLICT(old_code, old_valid_from, new_code, new_valid_from) "
                     "DO UPDATE SET effective_date = excluded.effective_date, kind = excluded.kind");
        st.bind(1, l.oldCode).bind(2, l.oldValidFrom).bind(3, l.newCode).bind(4, l.newValidFrom);
        st.bind(5, l.effectiveDate.empty() ? l.newValidFrom : l.effectiveDate).bind(6, l.kind);
        if (Status s = st.run(); !s) {
            return s;
        }
    }
    if (Status s = bumpUnitGenerationLocked(); !s) {
        return s;
    }
    if (Status s = appendAuditLocked(audit); !s) {
        return s;
    }
    if (Status s = tx.commit(); !s) {
        return s;
    }
    ++m_unitWrites;
    return Status::ok();
}

Result<std::optional<Unit>> SqliteStore::unitByCode(const std::string& code)
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(), (std::string("SELECT ") + kUnitColumns + " FROM unit WHERE code = ?").c_str());
    st.bind(1, code);
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<Unit>();
    }
    return std::optional<Unit>(readUnit(st));
}

Result<std::vector<Unit>> SqliteStore::listUnits()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(), (std::string("SELECT ") + kUnitColumns + " FROM unit ORDER BY code").c_str());
    return readUnits(st);
}

Result<std::vector<Unit>> SqliteStore::listUnitVersions()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(),
                 (std::string("SELECT ") + kUnitColumns + " FROM unit_version ORDER BY code, valid_from").c_str());
    return readUnits(st);
}

Result<std::vector<UnitLineage>> SqliteStore::listUnitLineage()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db.handle(),
                 "SELECT old_code, old_valid_from, new_code, new_valid_from, effective_date, kind FROM unit_lineage "
                 "ORDER BY old_code, old_valid_from, new_code, new_valid_from");
    std::vector<UnitLineage> out;
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back(UnitLineage{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    }
}

Result<std::int64_t> SqliteStore::unitGeneration()
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "SELECT generation FROM unit_meta WHERE id = 1");
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    return *row ? st.integer(0) : std::int64_t{0};
}

Result<bool> SqliteStore::isInSubtree(const std::string& ancestorCode, const std::string& unitCode)
{
    std::lock_guard lock(m_mutex);
    // Walk up from the unit; the depth cap guards against a cyclic (hostile) parent chain.
    Statement st(m_db.handle(),
                 "WITH RECURSIVE up(code, parent, depth) AS ("
                 " SELECT code, parent_code, 0 FROM unit WHERE code = ?1"
                 " UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent"
                 " WHERE up.depth < 32)"
                 " SELECT EXISTS (SELECT 1 FROM up WHERE code = ?2)");
    st.bind(1, unitCode).bind(2, ancestorCode);
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    return *row && st.integer(0) != 0;
}

}  // namespace dantoc::server
