#include "store/SqliteCatalogStore.h"

#include "store/SchemaParts.h"

namespace dantoc::server {

const char* const kCatalogSchemaV2 = R"SQL(
CREATE TABLE form_template (
    form_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, etag TEXT NOT NULL,
    published_at INTEGER NOT NULL, PRIMARY KEY (form_id, version));
CREATE TABLE period (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL,
    open INTEGER NOT NULL);
)SQL";

const char* const kCatalogMetaSchema = R"SQL(
CREATE TABLE IF NOT EXISTS catalog_meta (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
INSERT OR IGNORE INTO catalog_meta (id, generation) VALUES (1, 0);
)SQL";

namespace {

constexpr const char* kFormColumns = "form_id, version, json, etag, published_at";

StoredForm formFrom(const Statement& st)
{
    return StoredForm{st.text(0), static_cast<int>(st.integer(1)), st.text(2), st.text(3), st.integer(4)};
}

Period periodFrom(const Statement& st)
{
    return Period{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0};
}

// In the writer's transaction, so a cache never sees the new generation without the change (or the reverse).
Status bumpGeneration(Db& db)
{
    Statement st(db.handle(), "UPDATE catalog_meta SET generation = generation + 1 WHERE id = 1");
    return st.run();
}

}  // namespace

Result<std::optional<StoredForm>> SqliteCatalogStore::formVersion(const std::string& formId, int version)
{
    std::vector<StoredForm> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), (std::string("SELECT ") + kFormColumns +
                                   " FROM form_template WHERE form_id = ?1 AND version = ?2").c_str());
        st.bind(1, formId).bind(2, std::int64_t{version});
        return readAll(st, formFrom, found);
    });
    if (!s) {
        return s;
    }
    return found.empty() ? std::optional<StoredForm>{} : std::optional<StoredForm>{found.front()};
}

Result<std::vector<StoredForm>> SqliteCatalogStore::latestForms()
{
    std::vector<StoredForm> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), (std::string("SELECT ") + kFormColumns +
                                   " FROM form_template f WHERE version = (SELECT MAX(version) FROM form_template"
                                   " WHERE form_id = f.form_id) ORDER BY form_id")
                                      .c_str());
        return readAll(st, formFrom, found);
    });
    if (!s) {
        return s;
    }
    return found;
}

Result<std::vector<StoredForm>> SqliteCatalogStore::allForms()
{
    std::vector<StoredForm> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(),
                     (std::string("SELECT ") + kFormColumns + " FROM form_template ORDER BY form_id, version").c_str());
        return readAll(st, formFrom, found);
    });
    if (!s) {
        return s;
    }
    return found;
}

Status SqliteCatalogStore::publishForm(const StoredForm& form, const AuditEvent& audit)
{
    return m_db.write([&](Db& db) {
        Statement existing(db.handle(), "SELECT etag FROM form_template WHERE form_id = ?1 AND version = ?2");
        existing.bind(1, form.formId).bind(2, std::int64_t{form.version});
        auto row = existing.step();
        if (!row) {
            return row.status();
        }
        if (*row) {
            if (existing.text(0) == form.etag) {
                return Status::ok();  // the same document again: nothing to do
            }
            return Status(ErrorCode::AlreadyExists, "form " + form.formId + " version " +
                                                        std::to_string(form.version) +
                                                        " is already published with other content; publish a new version");
        }
        Statement insert(db.handle(),
                         "INSERT INTO form_template (form_id, version, json, etag, published_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, form.formId).bind(2, std::int64_t{form.version}).bind(3, form.json).bind(4, form.etag);
        insert.bind(5, form.publishedAt);
        if (Status s = insert.run(); !s) {
            return s;
        }
        if (Status s = bumpGeneration(db); !s) {
            return s;
        }
        return m_db.appendAuditInWrite(audit);
    });
}

Result<std::optional<Period>> SqliteCatalogStore::period(const std::string& id)
{
    std::vector<Period> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, "SELECT id, label, starts_on, ends_on, open FROM period WHERE id = ?1");
        st.bind(1, id);
        return readAll(st, periodFrom, found);
    });
    if (!s) {
        return s;
    }
    return found.empty() ? std::optional<Period>{} : std::optional<Period>{found.front()};
}

Result<std::vector<Period>> SqliteCatalogStore::listPeriods()
{
    std::vector<Period> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), "SELECT id, label, starts_on, ends_on, open FROM period ORDER BY id");
        return readAll(st, periodFrom, found);
    });
    if (!s) {
        return s;
    }
    return found;
}

Status SqliteCatalogStore::savePeriod(const Period& period, const AuditEvent& audit)
{
    return m_db.write([&](Db& db) {
        Statement insert(db.handle(),
                         "INSERT OR REPLACE INTO period (id, label, starts_on, ends_on, open) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, period.id).bind(2, period.label).bind(3, period.startsOn).bind(4, period.endsOn);
        insert.bind(5, std::int64_t{period.open ? 1 : 0});
        if (Status s = insert.run(); !s) {
            return s;
        }
        if (Status s = bumpGeneration(db); !s) {
            return s;
        }
        return m_db.appendAuditInWrite(audit);
    });
}

Result<std::int64_t> SqliteCatalogStore::generation()
{
    std::int64_t value = 0;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, "SELECT generation FROM catalog_meta WHERE id = 1");
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        value = *row ? st.integer(0) : 0;
        return Status::ok();
    });
    if (!s) {
        return s;
    }
    return value;
}

}  // namespace dantoc::server
