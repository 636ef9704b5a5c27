#include "core/sync/BlobPrefetch.h"

#include "core/BlobRefs.h"
#include "core/sync/BlobDownloader.h"

#include <set>
#include <string>
#include <vector>

namespace dantoc::client::sync {

Result<PrefetchStats> BlobPrefetch::run(std::uint64_t budgetBytes)
{
    // A read across `record`: the bodies name the files; the attachment store says which ones are here.
    auto stmt = m_connection.prepare(
        "SELECT body FROM record ORDER BY CASE WHEN state IN ('submitted', 'approved') THEN 0 ELSE 1 END, "
        "updated_at DESC");
    if (!stmt) {
        return stmt.status();
    }
    auto bodies = stmt->readAll<std::string>([](const Statement& row) { return row.columnText(0); });
    if (!bodies) {
        return bodies.status();
    }
    std::vector<BlobRef> wanted;
    std::set<std::string> seen;
    for (const std::string& text : *bodies) {
        const Json body = Json::parse(text, nullptr, false);
        if (body.is_discarded()) {
            continue;
        }
        for (BlobRef& ref : blobRefsIn(body)) {
            if (!seen.insert(ref.sha256).second) {
                continue;
            }
            auto held = m_attachments.info(ref.sha256);
            if (held) {
                continue;
            }
            if (held.status().code() != ErrorCode::NotFound) {
                return held.status();
            }
            wanted.push_back(std::move(ref));
        }
    }

    PrefetchStats stats;
    std::uint64_t spent = 0;
    BlobDownloader downloader(m_transport, m_attachments);
    for (const BlobRef& ref : wanted) {
        // The size the record states is what the budget counts; a record that states none counts the maximum.
        const std::uint64_t size = ref.size >= 0 ? static_cast<std::uint64_t>(ref.size) : dantoc::sync::tuning::kBlobMaxBytes;
        if (stats.interrupted || spent + size > budgetBytes) {
            ++stats.deferred;
            continue;
        }
        auto fetched = downloader.fetch(ref.sha256);
        if (fetched) {
            ++stats.fetched;
            stats.bytes += fetched->size;
            spent += static_cast<std::uint64_t>(fetched->size);
            continue;
        }
        switch (fetched.status().code()) {
        case ErrorCode::NotFound:
        case ErrorCode::PermissionDenied:
        case ErrorCode::Corruption:  // the server's bytes do not match the hash: nothing stored, try later
            ++stats.unavailable;
            break;
        case ErrorCode::Unavailable:
        case ErrorCode::IoError:
        case ErrorCode::Unauthenticated:
            stats.interrupted = true;
            ++stats.deferred;
            break;
        default:  // too large, refused: this file, not the cycle
            ++stats.unavailable;
            break;
        }
    }
    return stats;
}

}  // namespace dantoc::client::sync
