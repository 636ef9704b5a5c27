#include "store/SqliteBlobStore.h"

#include "base/Json.h"
#include "store/SchemaParts.h"
#include "sync/BlobMessages.h"
#include "sync/JsonReader.h"

#include <set>

namespace dantoc::server {

// Placeholder: version 1's table (never written; dropped by version 4).
const char* const kBlobSchemaV2 = R"SQL(
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content_type TEXT NOT NULL, path TEXT NOT NULL,
    uploaded_by TEXT NOT NULL, complete INTEGER NOT NULL DEFAULT 0, at INTEGER NOT NULL);
)SQL";

// Version 4: verified files (blob_file) and each account's upload of a file (blob_upload; the partial bytes are in
// blobs/partial/, the durable offset is the number of bytes fsynced there).
const char* const kBlobSchemaV4 = R"SQL(
DROP TABLE IF EXISTS blob;
CREATE TABLE blob_file (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, uploaded_by TEXT NOT NULL, completed_at INTEGER NOT NULL);
CREATE TABLE blob_upload (
    sha256 TEXT NOT NULL, account_id TEXT NOT NULL, size INTEGER NOT NULL, durable_offset INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, PRIMARY KEY (sha256, account_id));
CREATE INDEX blob_upload_partial ON blob_upload(complete, updated_at);
)SQL";

namespace {

Status checkHash(const std::string& sha256)
{
    if (!sync::isSha256Hex(sha256)) {
        return Status(ErrorCode::InvalidArgument, "sha256 must be 64 lower-case hex digits");
    }
    return Status::ok();
}

BlobUpload uploadFrom(const Statement& row)
{
    BlobUpload u;
    u.sha256 = row.text(0);
    u.accountId = row.text(1);
    u.size = static_cast<std::uint64_t>(row.integer(2));
    u.offset = static_cast<std::uint64_t>(row.integer(3));
    u.complete = row.integer(4) != 0;
    u.updatedAt = row.integer(5);
    return u;
}

constexpr const char* kSelectUpload =
    "SELECT sha256, account_id, size, durable_offset, complete, updated_at FROM blob_upload "
    "WHERE sha256 = ?1 AND account_id = ?2";

}  // namespace

std::string SqliteBlobStore::partialName(const std::string& sha256, const std::string& accountId) const
{
    return sha256 + "-" + BlobFiles::sha256Hex(accountId).substr(0, 16);
}

Result<bool> SqliteBlobStore::isComplete(const std::string& sha256)
{
    auto size = completeSize(sha256);
    if (!size) {
        return size.status();
    }
    return size->has_value();
}

Result<std::optional<std::uint64_t>> SqliteBlobStore::completeSize(const std::string& sha256)
{
    std::optional<std::uint64_t> size;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), "SELECT size FROM blob_file WHERE sha256 = ?1");
        st.bind(1, sha256);
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (*row) {
            size = static_cast<std::uint64_t>(st.integer(0));
        }
        return Status::ok();
    });
    if (!s) {
        return s;
    }
    return size;
}

Result<std::vector<std::string>> SqliteBlobStore::completedBy(const std::string& sha256)
{
    std::vector<std::string> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(),
                     "SELECT account_id FROM blob_upload WHERE sha256 = ?1 AND complete = 1 ORDER BY account_id");
        st.bind(1, sha256);
        return readAll(st, [](const Statement& row) { return row.text(0); }, out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::optional<BlobUpload>> SqliteBlobStore::upload(const std::string& sha256, const std::string& accountId)
{
    std::optional<BlobUpload> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), kSelectUpload);
        st.bind(1, sha256).bind(2, accountId);
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (*row) {
            found = uploadFrom(st);
        }
        return Status::ok();
    });
    if (!s) {
        return s;
    }
    return found;
}

Status SqliteBlobStore::saveUpload(const BlobUpload& u)
{
    return m_db.write([&](Db& db) {
        Statement st(db.handle(),
                     "INSERT OR REPLACE INTO blob_upload (sha256, account_id, size, durable_offset, complete, "
                     "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        st.bind(1, u.sha256)
            .bind(2, u.accountId)
            .bind(3, static_cast<std::int64_t>(u.size))
            .bind(4, static_cast<std::int64_t>(u.offset))
            .bind(5, static_cast<std::int64_t>(u.complete ? 1 : 0))
            .bind(6, u.updatedAt);
        return st.run();
    });
}

Status SqliteBlobStore::completeUpload(const BlobUpload& u)
{
    return m_db.write([&](Db& db) {
        Statement up(db.handle(),
                     "UPDATE blob_upload SET durable_offset = ?3, complete = 1, updated_at = ?4 "
                     "WHERE sha256 = ?1 AND account_id = ?2");
        up.bind(1, u.sha256)
            .bind(2, u.accountId)
            .bind(3, static_cast<std::int64_t>(u.size))
            .bind(4, u.updatedAt);
        if (Status s = up.run(); !s) {
            return s;
        }
        Statement file(db.handle(),
                       "INSERT OR IGNORE INTO blob_file (sha256, size, uploaded_by, completed_at) "
                       "VALUES (?1, ?2, ?3, ?4)");
        file.bind(1, u.sha256).bind(2, static_cast<std::int64_t>(u.size)).bind(3, u.accountId).bind(4, u.updatedAt);
        if (Status s = file.run(); !s) {
            return s;
        }
        return m_db.appendAuditInWrite(AuditEvent{u.updatedAt, u.accountId, "blob.upload", u.sha256,
                                                  Json{{"size", u.size}}.dump()});
    });
}

Result<BlobUpload> SqliteBlobStore::startUpload(const std::string& sha256, const std::string& accountId,
                                                std::uint64_t size, std::int64_t now)
{
    if (Status s = checkHash(sha256); !s) {
        return s;
    }
    std::lock_guard lock(m_uploadMutex);
    auto existing = upload(sha256, accountId);
    if (!existing) {
        return existing.status();
    }
    if (*existing && ((*existing)->complete || (*existing)->size == size)) {
        return **existing;
    }
    if (Status s = m_files.remove(m_files.partialPath(partialName(sha256, accountId))); !s) {
        return s;
    }
    BlobUpload fresh{sha256, accountId, size, 0, false, now};
    if (Status s = saveUpload(fresh); !s) {
        return s;
    }
    return fresh;
}

Result<BlobUpload> SqliteBlobStore::appendChunk(const std::string& sha256, const std::string& accountId,
                                                std::uint64_t offset, std::string_view data,
                                                const std::optional<std::string>& chunkSha256, std::int64_t now)
{
    if (Status s = checkHash(sha256); !s) {
        return s;
    }
    std::lock_guard lock(m_uploadMutex);
    auto existing = upload(sha256, accountId);
    if (!existing) {
        return existing.status();
    }
    if (!*existing) {
        return Status(ErrorCode::NotFound, "no upload of this file was started (POST /api/v1/sync/blobs first)");
    }
    BlobUpload u = **existing;
    if (u.complete) {
        return u;
    }
    if (chunkSha256) {
        const sync::BlobUploadStatus stored{u.sha256, u.size, u.offset, u.complete};
        if (Status s = sync::checkChunk(stored, sync::BlobChunk{sha256, offset, data.size(), *chunkSha256}); !s) {
            return s;
        }
        if (BlobFiles::sha256Hex(data) != *chunkSha256) {
            return Status(ErrorCode::InvalidArgument, "the chunk's bytes do not match its Upload-Checksum");
        }
    } else {
        if (offset != u.offset) {
            return Status(ErrorCode::Conflict, "Upload-Offset differs from the stored offset");
        }
        if (data.size() > sync::chunkLengthAt(u.size, u.offset)) {
            return Status(ErrorCode::InvalidArgument, "the received part runs past the chunk boundary");
        }
        if (data.empty()) {
            return u;
        }
    }
    const auto partial = m_files.partialPath(partialName(sha256, accountId));
    if (Status s = m_files.writeAt(partial, offset, data); !s) {
        return s;
    }
    u.offset = offset + data.size();
    u.updatedAt = now;
    if (u.offset < u.size) {
        if (Status s = saveUpload(u); !s) {
            return s;
        }
        return u;
    }
    auto whole = m_files.sha256Of(partial, u.size);
    if (!whole) {
        return whole.status();
    }
    if (*whole != sha256) {
        // The bytes are not the announced file: start again from 0 (sync-protocol.md §8.5).
        if (Status s = m_files.remove(partial); !s) {
            return s;
        }
        u.offset = 0;
        if (Status s = saveUpload(u); !s) {
            return s;
        }
        return u;
    }
    if (Status s = m_files.promote(partial, sha256); !s) {
        return s;
    }
    u.complete = true;
    if (Status s = completeUpload(u); !s) {
        return s;
    }
    return u;
}

Result<std::string> SqliteBlobStore::readComplete(const std::string& sha256, std::uint64_t offset,
                                                  std::uint64_t length)
{
    if (Status s = checkHash(sha256); !s) {
        return s;
    }
    auto size = completeSize(sha256);
    if (!size) {
        return size.status();
    }
    if (!*size) {
        return Status(ErrorCode::NotFound, "the file is not stored");
    }
    if (offset >= **size) {
        return std::string();
    }
    const std::uint64_t available = **size - offset;
    return m_files.read(m_files.completePath(sha256), offset, length < available ? length : available);
}

Result<int> SqliteBlobStore::expirePartialUploads(std::int64_t now, std::int64_t maxAgeMillis)
{
    std::lock_guard lock(m_uploadMutex);
    std::vector<BlobUpload> expired;
    std::vector<BlobUpload> kept;
    Status s = m_db.write([&](Db& db) {
        Statement st(db.handle(),
                     "SELECT sha256, account_id, size, durable_offset, complete, updated_at FROM blob_upload "
                     "WHERE complete = 0");
        std::vector<BlobUpload> partials;
        if (Status r = readAll(st, uploadFrom, partials); !r) {
            return r;
        }
        for (BlobUpload& u : partials) {
            (u.updatedAt < now - maxAgeMillis ? expired : kept).push_back(std::move(u));
        }
        for (const BlobUpload& u : expired) {
            Statement del(db.handle(), "DELETE FROM blob_upload WHERE sha256 = ?1 AND account_id = ?2");
            del.bind(1, u.sha256).bind(2, u.accountId);
            if (Status r = del.run(); !r) {
                return r;
            }
        }
        return Status::ok();
    });
    if (!s) {
        return s;
    }
    std::set<std::string> live;
    for (const BlobUpload& u : kept) {
        live.insert(partialName(u.sha256, u.accountId));
    }
    // Files of expired uploads, and leftovers no upload names (a crash between dropping a row and its file).
    for (const std::string& name : m_files.partialNames()) {
        if (!live.contains(name)) {
            if (Status r = m_files.remove(m_files.partialPath(name)); !r) {
                return r;
            }
        }
    }
    return static_cast<int>(expired.size());
}

}  // namespace dantoc::server
