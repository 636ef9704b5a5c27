#include "cli/ReviewOutput.h"

#include "core/SyncMetaRepository.h"
#include "validation/Issue.h"

#include <QTextStream>

namespace dantoc::cli {

QStringList takeRepeated(QStringList& args, const QString& name)
{
    QStringList values;
    for (qsizetype i = 0; i + 1 < args.size();) {
        if (args[i] == name) {
            values.push_back(args[i + 1]);
            args.remove(i, 2);
        } else {
            ++i;
        }
    }
    return values;
}

std::optional<ReviewSession> openReviewSession(const ParsedOptions& options, QString& error)
{
    ReviewSession session;
    session.store = openStore(options, error);
    if (!session.store) {
        return std::nullopt;
    }
    client::EntryOptions entryOptions;
    auto account =
        client::SyncMetaRepository(session.store->connection()).get(client::SyncMetaRepository::kAccount);
    if (account && *account) {
        entryOptions.actor = **account; // the local audit names who acted
    }
    entryOptions.notifier = &session.store->notifier();
    session.entries = std::make_unique<client::EntryService>(session.store->connection(), entryOptions);
    session.review =
        std::make_unique<client::review::ReviewService>(session.store->connection(), *session.entries);
    return session;
}

nlohmann::ordered_json recordJson(const client::SubmissionSummary& record)
{
    nlohmann::ordered_json out;
    out["id"] = record.id;
    out["form"] = {{"id", record.formId}, {"version", record.formVersion}};
    out["unit"] = record.unit;
    out["period"] = record.period;
    out["state"] = record.state;
    out["level"] = record.level;
    out["server_ver"] = record.serverVersion;
    out["content_ver"] = record.contentVersion; // what `review approve --seen` takes
    out["flags"] = record.flags;
    out["updated_at"] = record.updatedAt;
    return out;
}

nlohmann::ordered_json itemJson(const client::review::ReviewItem& item)
{
    nlohmann::ordered_json out = recordJson(item.record);
    out["unit_name"] = item.unitName;
    out["period_label"] = item.periodLabel;
    out["deadline"] =
        item.deadline.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(item.deadline);
    out["overdue"] = item.overdue;
    out["final_level"] = item.finalLevel;
    out["actions"] = nlohmann::ordered_json::array();
    for (workflow::Action action : item.actions) {
        out["actions"].push_back(std::string(workflow::toName(action)));
    }
    return out;
}

nlohmann::ordered_json commentJson(const client::ReviewComment& comment)
{
    nlohmann::ordered_json out;
    out["id"] = comment.id;
    out["record"] = comment.recordId;
    out["field"] = comment.field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(comment.field);
    out["author"] = comment.author;
    out["text"] = comment.text;
    out["at"] = comment.createdAt;
    out["reply"] = comment.reply ? nlohmann::ordered_json(*comment.reply) : nlohmann::ordered_json();
    out["replied_at"] =
        comment.repliedAt ? nlohmann::ordered_json(*comment.repliedAt) : nlohmann::ordered_json();
    return out;
}

nlohmann::ordered_json resultJson(const client::EntryResult& result)
{
    nlohmann::ordered_json out;
    out["record"] = recordJson(result.record);
    out["refused"] = result.refused;
    out["queued_ops"] = result.devSeqs.size();
    out["issues"] = nlohmann::ordered_json::array();
    for (const auto& issue : result.issues) {
        out["issues"].push_back(nlohmann::ordered_json::parse(validation::issueToJson(issue).dump()));
    }
    return out;
}

int reportFailure(const char* command, const Status& status, bool json)
{
    const bool refused = status.code() == ErrorCode::FailedPrecondition;
    std::string code = refused ? "refused" : "error";
    const std::string& message = status.message();
    // Refusals from the workflow rules start with the rule's name ("stale_review: ...").
    if (const auto colon = message.find(':');
        refused && colon != std::string::npos &&
        message.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == colon) {
        code = message.substr(0, colon);
    }
    QTextStream(stderr) << "dantoc " << command << ": " << QString::fromStdString(message) << "\n";
    if (json) {
        const nlohmann::ordered_json out = {{"error", {{"code", code}, {"message", message}}}};
        QTextStream(stdout) << QString::fromStdString(out.dump(2)) << "\n";
    }
    return refused ? 1 : 2;
}

bool requireValue(const ParsedOptions& options, const char* name, const char* command, const char* usage)
{
    if (options.has(name) && !options.value(name).isEmpty()) {
        return true;
    }
    QTextStream(stderr) << "dantoc " << command << ": " << name << " is required\n" << usage;
    return false;
}

} // namespace dantoc::cli
