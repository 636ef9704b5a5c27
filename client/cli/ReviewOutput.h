// Shared by the review commands of `dantoc` (review, comments, entry edit/submit): repeated options, the
// review services on an open store, JSON shapes of records, queue items and comments, and how a refusal is
// reported (exit 1, the rule's code and its vi / en text) versus a usage or store error (exit 2). Not
// thread-safe.
#pragma once

#include "base/Json.h"
#include "cli/CliStore.h"
#include "core/EntryService.h"
#include "core/ReviewCommentRepository.h"
#include "core/Store.h"
#include "core/review/ReviewQueue.h"
#include "core/review/ReviewService.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>

namespace dantoc::cli {

// Removes every "NAME VALUE" pair from `args` and returns the values in order (options that may repeat, like
// --comment and --set, which parseOptions would keep only once). A NAME without a value is left for
// parseOptions to report.
QStringList takeRepeated(QStringList& args, const QString& name);

// An open store with its entry and review services, acting as the enrolled account.
struct ReviewSession
{
    std::unique_ptr<client::Store> store;
    std::unique_ptr<client::EntryService> entries;
    std::unique_ptr<client::review::ReviewService> review;
};
std::optional<ReviewSession> openReviewSession(const ParsedOptions& options, QString& error);

nlohmann::ordered_json recordJson(const client::SubmissionSummary& record);
nlohmann::ordered_json itemJson(const client::review::ReviewItem& item);
nlohmann::ordered_json commentJson(const client::ReviewComment& comment);
nlohmann::ordered_json resultJson(const client::EntryResult& result);

// Reports a failed intent: stderr "dantoc <command>: message"; with `json`, also {"error": {"code",
// "message"}} on stdout, the code being the rule's name for a refusal ("stale_review"). Returns 1 for a
// refusal (FailedPrecondition: the rules or the data said no), 2 for anything else.
int reportFailure(const char* command, const Status& status, bool json);

// "--record ID": required; prints the usage problem and returns false when missing.
bool requireValue(const ParsedOptions& options, const char* name, const char* command, const char* usage);

} // namespace dantoc::cli
