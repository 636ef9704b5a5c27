// `dantoc review list|show|approve|return|forward|accept|reopen`: the reviewer's queue and actions on the store
// alone (offline); `dantoc sync` sends the actions. Each action is a compare-and-set on the content version
// the reviewer saw (--seen, as `review list/show` print it): refused here when the store already holds newer
// content, and by the server (stale_review, then listed by `dantoc status`) when it changed there meanwhile.
// Exit 0 done, 1 refused by the rules, 2 usage, input or store errors.
#include "cli/Command.h"
#include "cli/ReviewOutput.h"
#include "forms/Submission.h"

#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc review list --store DIR [--unit U] [--period P] [--form F] [--json]\n"
    "       dantoc review show --store DIR --record ID [--json]\n"
    "       dantoc review approve|forward|accept|reopen --store DIR --record ID --seen CONTENT_VER [--json]\n"
    "       (reopen takes back this level's approval while it has not been forwarded)\n"
    "       dantoc review return --store DIR --record ID --seen CONTENT_VER --reason TEXT\n"
    "                            [--comment FIELD=TEXT]... [--json]\n"
    "list: records awaiting this account's action (units below --unit included), earliest deadline first.\n"
    "--seen: the content version you reviewed (content_ver in list/show); newer content refuses the action.\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

QString actionsText(const std::vector<workflow::Action>& actions)
{
    QStringList names;
    for (workflow::Action action : actions) {
        names << QString::fromUtf8(workflow::toName(action).data(),
                                   static_cast<qsizetype>(workflow::toName(action).size()));
    }
    return names.isEmpty() ? QStringLiteral("-") : names.join(QLatin1Char(','));
}

int runList(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--unit", "--period", "--form"},
                                      {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc review list: " << error << "\n" << kUsage;
        return 2;
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("review list", error);
    }
    client::review::ReviewFilter filter;
    const auto optional = [&](const char* name) -> std::optional<std::string> {
        return options->has(name) ? std::optional(options->value(name).toStdString()) : std::nullopt;
    };
    filter.unit = optional("--unit");
    filter.period = optional("--period");
    filter.form = optional("--form");
    auto items = client::review::ReviewQueue(session->store->connection()).awaiting(filter);
    if (!items) {
        return reportFailure("review list", items.status(), json);
    }
    QTextStream out(stdout);
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& item : *items) {
            list.push_back(itemJson(item));
        }
        out << QString::fromStdString(nlohmann::ordered_json{{"awaiting", list}}.dump(2)) << "\n";
        return 0;
    }
    for (const auto& item : *items) {
        out << QString::fromStdString(item.record.id) << "  " << QString::fromStdString(item.record.formId)
            << "  " << QString::fromStdString(item.record.unit) << " "
            << QString::fromStdString(item.unitName) << "  " << QString::fromStdString(item.record.period)
            << "  " << QString::fromStdString(item.record.state) << "  content_ver "
            << item.record.contentVersion << "  hạn / due "
            << (item.deadline.empty() ? QStringLiteral("-") : QString::fromStdString(item.deadline))
            << (item.overdue ? QStringLiteral(" (quá hạn / overdue)") : QString()) << "  ["
            << actionsText(item.actions) << "]\n";
    }
    out << items->size() << " phiếu chờ xử lý / record(s) awaiting your action\n";
    return 0;
}

int runShow(const QStringList& args)
{
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--record"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc review show: " << error << "\n" << kUsage;
        return 2;
    }
    if (!requireValue(*options, "--record", "review show", kUsage)) {
        return 2;
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("review show", error);
    }
    const std::string id = options->value("--record").toStdString();
    auto item = client::review::ReviewQueue(session->store->connection()).describe(id);
    if (!item) {
        return reportFailure("review show", item.status(), json);
    }
    auto history = session->review->history(id);
    if (!history) {
        return reportFailure("review show", history.status(), json);
    }
    QTextStream out(stdout);
    if (json) {
        nlohmann::ordered_json doc = itemJson(*item);
        Json body = Json::parse(history->record.body, nullptr, false);
        forms::Notes notes;
        forms::takeBodyNotes(body, notes);
        doc["values"] = nlohmann::ordered_json::parse(body.dump());
        doc["notes"] = notes;  // the commune's explanations of its warnings
        doc["comments"] = nlohmann::ordered_json::array();
        for (const auto& comment : history->comments) {
            doc["comments"].push_back(commentJson(comment));
        }
        doc["needing_reply"] = history->needingReply.size();
        doc["local_events"] = nlohmann::ordered_json::array();
        for (const auto& event : history->localEvents) {
            doc["local_events"].push_back({{"at", event.at},
                                           {"actor", event.actor},
                                           {"action", event.action},
                                           {"detail", event.detail}});
        }
        out << QString::fromStdString(doc.dump(2)) << "\n";
        return 0;
    }
    const auto& r = item->record;
    out << "Phiếu / record:      " << QString::fromStdString(r.id) << "\n"
        << "Biểu mẫu / form:     " << QString::fromStdString(r.formId) << " v" << r.formVersion << "\n"
        << "Đơn vị / unit:       " << QString::fromStdString(r.unit) << " "
        << QString::fromStdString(item->unitName) << "\n"
        << "Kỳ / period:         " << QString::fromStdString(r.period) << " "
        << QString::fromStdString(item->periodLabel) << " (hạn / due "
        << (item->deadline.empty() ? QStringLiteral("-") : QString::fromStdString(item->deadline)) << ")\n"
        << "Trạng thái / state:  " << QString::fromStdString(r.state) << " @ "
        << QString::fromStdString(r.level) << "  content_ver " << r.contentVersion << "\n"
        << "Thao tác / actions:  " << actionsText(item->actions) << "\n"
        << "Số liệu / values:    " << QString::fromStdString(history->record.body) << "\n";
    for (const auto& comment : history->comments) {
        out << "Ý kiến / comment " << QString::fromStdString(comment.id) << " ["
            << (comment.field.empty() ? QStringLiteral("*") : QString::fromStdString(comment.field)) << "] "
            << QString::fromStdString(comment.author) << ": " << QString::fromStdString(comment.text) << "\n";
        if (comment.reply) {
            out << "    trả lời / reply: " << QString::fromStdString(*comment.reply) << "\n";
        }
    }
    return 0;
}

int runAction(const QString& name, QStringList args)
{
    const std::string command = "review " + name.toStdString();
    const QStringList notes = takeRepeated(args, QStringLiteral("--comment"));
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--record", "--seen", "--reason"},
                     {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc " << QString::fromStdString(command) << ": " << error << "\n"
                            << kUsage;
        return 2;
    }
    if (!requireValue(*options, "--record", command.c_str(), kUsage) ||
        !requireValue(*options, "--seen", command.c_str(), kUsage)) {
        return 2;
    }
    bool numeric = false;
    const qlonglong seen = options->value("--seen").toLongLong(&numeric);
    if (!numeric || seen < 0) {
        return failWith(command.c_str(), QStringLiteral("--seen takes the content version (a number)"));
    }
    auto action = workflow::parseAction(name.toStdString());
    if (!action) {
        return failWith(command.c_str(), QString::fromStdString(action.status().message()));
    }
    client::review::ReviewRequest request;
    request.recordId = options->value("--record").toStdString();
    request.action = *action;
    request.seenContentVersion = seen;
    request.reason = options->value("--reason").toStdString();
    for (const QString& note : notes) {
        const qsizetype eq = note.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return failWith(command.c_str(),
                            QStringLiteral("--comment takes FIELD=TEXT, not \"%1\"").arg(note));
        }
        request.fieldNotes.push_back({note.left(eq).toStdString(), note.mid(eq + 1).toStdString()});
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith(command.c_str(), error);
    }
    auto done = session->review->act(request);
    if (!done) {
        return reportFailure(command.c_str(), done.status(), json);
    }
    QTextStream out(stdout);
    if (json) {
        out << QString::fromStdString(resultJson(*done).dump(2)) << "\n";
    } else {
        out << QString::fromStdString(done->record.id) << ": " << QString::fromStdString(done->record.state)
            << " — chờ gửi, chạy `dantoc sync` / queued, run `dantoc sync`\n";
    }
    return 0;
}

} // namespace

int runReview(const QStringList& args)
{
    const SubcommandHandler action = [](const QString& sub, const QStringList& rest) { return runAction(sub, rest); };
    return dispatchSubcommand("review", args, kUsage,
                              {{QStringLiteral("list"), [](const QString&, const QStringList& rest) { return runList(rest); }},
                               {QStringLiteral("show"), [](const QString&, const QStringList& rest) { return runShow(rest); }},
                               {QStringLiteral("approve"), action},
                               {QStringLiteral("return"), action},
                               {QStringLiteral("forward"), action},
                               {QStringLiteral("accept"), action},
                               {QStringLiteral("reopen"), action}});
}

} // namespace dantoc::cli
