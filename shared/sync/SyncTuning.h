// Every sync limit and timeout in one place (LiteCore ReplicatorTuning.hh style), shared by the desktop client
// and the server so both sides agree. Compile-time constants only; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dantoc::sync::tuning {

// ---- Protocol ----------------------------------------------------------------------------------------------
// Version carried in every push and pull request. The server answers 426 (protocol_version) for anything else;
// adding a JSON key is a version bump because parsers reject unknown keys.
inline constexpr int kProtocolVersion = 1;

// ---- Adaptive request size (client BatchSizer, sync-design §8) ---------------------------------------------
// First push batch, in compressed bytes on the wire: about 1.3 s at 100 kbit/s, well inside a 64 KB cut.
inline constexpr std::size_t kBatchStartBytes = 16 * 1024;
// Never shrink below this: one 3 KB submission compressed fits, so a batch always makes progress.
inline constexpr std::size_t kBatchMinBytes = 2 * 1024;
// Upper bound: large batches amortise the envelope, but must stay below the ~64 KB a bad link carries per cut.
inline constexpr std::size_t kBatchMaxBytes = 48 * 1024;
// Growth after a success is x3/2 (integer arithmetic); shrink after a failure is /2.
inline constexpr std::size_t kBatchGrowNumerator = 3;
inline constexpr std::size_t kBatchGrowDenominator = 2;

// ---- Push ----------------------------------------------------------------------------------------------------
// Operations in one push request; bounds server work per request and per transaction loop.
inline constexpr std::size_t kMaxOpsPerPush = 200;
// Field changes in one operation's `set` (a 500-field form edited everywhere, plus roster rows).
inline constexpr std::size_t kMaxSetEntriesPerOp = 2000;
// Blob references in one operation (signed PDFs attached to one submission).
inline constexpr std::size_t kMaxBlobsPerOp = 32;
// A field path such as "members[<uuid>].age", in bytes.
inline constexpr std::size_t kMaxFieldPathBytes = 256;
// Identifiers: form id, unit code, period, action, codes. Generous; they are short in practice.
inline constexpr std::size_t kMaxIdentifierBytes = 64;
// Comment, transition reason and rejection message text, in bytes (UTF-8).
inline constexpr std::size_t kMaxTextBytes = 8 * 1024;

// ---- Reference data (client ReferenceSync: forms, catalogs, units, periods over GET) -----------------------
// One reference answer (a list, a form template or a catalog CSV): the whole province's units are ~150 KB and a
// large form ~100 KB, so 8 MB only stops a runaway answer; the server caps a published form at 1 MB.
inline constexpr std::size_t kReferenceAnswerMaxBytes = 8 * 1024 * 1024;

// ---- Pull ----------------------------------------------------------------------------------------------------
// Default byte cap of one pull page, compressed (sync-design §4): one page survives a 64 KB cut comfortably.
inline constexpr std::size_t kPullPageDefaultBytes = 16 * 1024;
// The client may ask for smaller or larger pages within these bounds; the server clamps to them.
inline constexpr std::size_t kPullPageMinBytes = 1024;
inline constexpr std::size_t kPullPageMaxBytes = 64 * 1024;
// Items in one pull page, whatever their size (tiny revoke items cannot make a page unbounded).
inline constexpr std::size_t kMaxItemsPerPull = 500;
// Long-poll: the longest the server holds a pull with no changes before answering `more=false`.
inline constexpr std::int64_t kLongPollMaxMillis = 25'000;

// ---- Request and response body limits per route (bytes) ------------------------------------------------------
// POST /api/v1/sync/push: compressed body on the wire (the batch cap plus envelope slack).
inline constexpr std::size_t kPushBodyMaxBytes = 64 * 1024;
// ... and after decompression; a zstd frame that claims or produces more is rejected (zip-bomb cap).
inline constexpr std::size_t kPushDecodedMaxBytes = 2 * 1024 * 1024;
// POST /api/v1/sync/pull: the request is tiny JSON.
inline constexpr std::size_t kPullRequestMaxBytes = 4 * 1024;
// Pull response as received by the client: compressed and decoded caps.
inline constexpr std::size_t kPullResponseMaxBytes = 128 * 1024;
inline constexpr std::size_t kPullDecodedMaxBytes = 4 * 1024 * 1024;
// Push response (results are small; 200 results with bilingual messages fit easily).
inline constexpr std::size_t kPushResponseMaxBytes = 512 * 1024;
// POST /api/v1/sync/blobs (start an upload): tiny JSON.
inline constexpr std::size_t kBlobStartMaxBytes = 1024;
// PATCH /api/v1/sync/blobs/{sha256}: at most one chunk.
inline constexpr std::size_t kBlobChunkMaxBytes = 32 * 1024;

// ---- JSON ------------------------------------------------------------------------------------------------------
// Nesting depth of any sync message: envelope (3) + operation (3) + set value with nested rosters.
inline constexpr int kMaxJsonDepth = 32;

// ---- Blobs (sync-design §9) ----------------------------------------------------------------------------------
// Upload chunk size: fixed offsets (multiples of this), identical on every attempt. Half of a 64 KB cut window,
// so at least one chunk per connection becomes durable.
inline constexpr std::size_t kBlobChunkBytes = 32 * 1024;
// Largest attachment accepted (signed PDFs are 1-5 MB).
inline constexpr std::uint64_t kBlobMaxBytes = 50ull * 1024 * 1024;
// Downloads (GET with Range) ask for this much per request, so a dropped connection costs one range, not the file.
inline constexpr std::uint64_t kBlobDownloadRangeBytes = 1024 * 1024;
// Attempts per range before a download gives up (the next try starts over: no plaintext is kept on disk).
inline constexpr int kBlobDownloadAttemptsPerRange = 3;
// Bytes of attachments a sync cycle fetches ahead for records pulled into the store (a reviewer's scans, so they
// are there offline), records awaiting review first. What does not fit waits for the next cycle.
inline constexpr std::uint64_t kBlobPrefetchBytesPerCycle = 256ull * 1024 * 1024;
// A partial upload is kept this long after its last chunk before the server may delete it (weeks, not hours).
inline constexpr std::int64_t kPartialUploadExpiryMillis = 28ll * 24 * 3600 * 1000;

// ---- Timeouts and retry --------------------------------------------------------------------------------------
// Abort a request when no byte has moved for this long (never a timeout on total duration, sync-design §8).
inline constexpr std::int64_t kNoProgressTimeoutMillis = 20'000;
// Back-off after a transient failure: randomized exponential from the base, capped.
inline constexpr std::int64_t kBackoffBaseMillis = 1'000;
inline constexpr std::int64_t kBackoffCapMillis = 60'000;
// Pushed-but-deferred operations (awaiting an attachment) are retried at least this often.
inline constexpr std::int64_t kDeferredRetryMillis = 30'000;
// The desktop client's background sync (SyncController) runs a cycle this long after the last one succeeded: a
// minute keeps a commune office's view of district reviews fresh while an idle cycle costs two small requests.
// Failures retry sooner or later by the backoff above, never by this.
inline constexpr std::int64_t kBackgroundSyncIntervalMillis = 60'000;

// ---- Authentication (used by the server's auth API; here so all limits live in one header) -------------------
// Access token lifetime: short, so a stolen laptop's token dies quickly; a 401 refresh never resets cursors.
inline constexpr std::int64_t kAccessTokenLifetimeMillis = 15ll * 60 * 1000;
// Refresh token lifetime: a month, so a commune officer offline for weeks can still sync without a password.
inline constexpr std::int64_t kRefreshTokenLifetimeMillis = 30ll * 24 * 3600 * 1000;
// Lockout: this many failed logins for one account within the window lock it for kLockoutDurationMillis.
inline constexpr int kLockoutMaxFailures = 5;
inline constexpr std::int64_t kLockoutWindowMillis = 15ll * 60 * 1000;
inline constexpr std::int64_t kLockoutDurationMillis = 15ll * 60 * 1000;

// ---- Retention -----------------------------------------------------------------------------------------------
// The client keeps acknowledged operations in op_journal this long, to re-push after a server restore.
inline constexpr std::int64_t kOpJournalRetentionMillis = 90ll * 24 * 3600 * 1000;

// ---- Numbers -------------------------------------------------------------------------------------------------
// Largest integer carried in sync JSON (dev_seq, seq, ver, sizes): 2^53 - 1, exact in every JSON parser.
inline constexpr std::uint64_t kMaxJsonInteger = (1ull << 53) - 1;

}  // namespace dantoc::sync::tuning
