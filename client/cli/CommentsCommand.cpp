// `dantoc comments list|reply`: a record's reviewer comments and the officer's replies, from the store alone;
// a reply is stored and queued as a comment on the same field (`dantoc sync` sends it). A returned record can
// be resubmitted (`dantoc entry submit`) once every field comment has a reply. Exit 0 done, 1 refused, 2
// usage, input or store errors.
#include "cli/Command.h"
#include "cli/ReviewOutput.h"

#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage = "usage: dantoc comments list --store DIR --record ID [--json]\n"
                               "       dantoc comments reply --store DIR --comment ID --text TEXT [--json]\n"
                               "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

int runList(const QStringList& args)
{
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--record"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc comments list: " << error << "\n" << kUsage;
        return 2;
    }
    if (!requireValue(*options, "--record", "comments list", kUsage)) {
        return 2;
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("comments list", error);
    }
    auto history = session->review->history(options->value("--record").toStdString());
    if (!history) {
        return reportFailure("comments list", history.status(), json);
    }
    QTextStream out(stdout);
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& comment : history->comments) {
            list.push_back(commentJson(comment));
        }
        nlohmann::ordered_json open = nlohmann::ordered_json::array();
        for (const auto& comment : history->needingReply) {
            open.push_back(comment.id);
        }
        out << QString::fromStdString(nlohmann::ordered_json{
                   {"record", recordJson(history->record)}, {"comments", list}, {"needing_reply", open}}
                                          .dump(2))
            << "\n";
        return 0;
    }
    for (const auto& comment : history->comments) {
        out << QString::fromStdString(comment.id) << "  ["
            << (comment.field.empty() ? QStringLiteral("*") : QString::fromStdString(comment.field)) << "]  "
            << QString::fromStdString(comment.author) << ": " << QString::fromStdString(comment.text) << "\n";
        if (comment.reply) {
            out << "    trả lời / reply: " << QString::fromStdString(*comment.reply) << "\n";
        }
    }
    out << history->comments.size() << " ý kiến / comment(s), " << history->needingReply.size()
        << " chưa trả lời / without a reply\n";
    return 0;
}

int runReply(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--comment", "--text"},
                                      {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc comments reply: " << error << "\n" << kUsage;
        return 2;
    }
    if (!requireValue(*options, "--comment", "comments reply", kUsage) ||
        !requireValue(*options, "--text", "comments reply", kUsage)) {
        return 2;
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("comments reply", error);
    }
    auto done = session->review->reply(options->value("--comment").toStdString(),
                                       options->value("--text").toStdString());
    if (!done) {
        return reportFailure("comments reply", done.status(), json);
    }
    QTextStream out(stdout);
    if (json) {
        out << QString::fromStdString(resultJson(*done).dump(2)) << "\n";
    } else {
        out << "đã lưu câu trả lời, chờ gửi / reply stored, queued for `dantoc sync`\n";
    }
    return 0;
}

} // namespace

int runComments(const QStringList& args)
{
    return dispatchSubcommand("comments", args, kUsage,
                              {{QStringLiteral("list"), [](const QString&, const QStringList& rest) { return runList(rest); }},
                               {QStringLiteral("reply"), [](const QString&, const QStringList& rest) { return runReply(rest); }}});
}

} // namespace dantoc::cli
