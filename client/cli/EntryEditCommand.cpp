// `dantoc entry edit|submit` on a record already in the store: edit sets field values (--set FIELD=JSON,
// repeated; a value that is not JSON is taken as text) or replaces them all (--values FILE), validates and
// queues the change; submit sends a draft, or resubmits a returned record once every reviewer comment has a
// reply. Exit 0 done, 1 refused (validation errors, unanswered comments, not editable), 2 usage, input or
// store errors.
#include "cli/Command.h"
#include "cli/ReviewOutput.h"
#include "core/SubmissionRepository.h"
#include "validation/Issue.h"

#include <QFile>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc entry edit --store DIR --record ID (--set FIELD=VALUE... | --values FILE) [--json]\n"
    "       dantoc entry submit --store DIR --record ID [--note KEY=TEXT]... [--json]\n"
    "--note explains a warning, KEY as `dantoc validate` names it: a field, \"roster[row id].column\" or\n"
    "\"check:<id>\" (warnings need an explanation each time the record is submitted).\n"
    "VALUE is JSON (12, \"text\", [..]) or else plain text. A returned record is resubmitted by `entry "
    "submit` once\n"
    "every reviewer comment has a reply (`dantoc comments reply`).\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

void printIssues(QTextStream& out, const std::vector<validation::Issue>& issues)
{
    for (const auto& issue : issues) {
        out << (issue.severity == forms::Severity::Error ? "error: " : "warning: ")
            << QString::fromStdString(issue.field) << ": " << QString::fromStdString(issue.message) << " ("
            << QString::fromStdString(issue.code) << ")\n";
    }
}

int finish(const client::EntryResult& result, bool json, const char* done)
{
    QTextStream out(stdout);
    if (json) {
        out << QString::fromStdString(resultJson(result).dump(2)) << "\n";
    } else {
        printIssues(out, result.issues);
        out << QString::fromStdString(result.record.id) << ": "
            << (result.refused ? QStringLiteral("không gửi được vì có lỗi / not sent: the record has errors")
                               : QString::fromStdString(result.record.state) + QStringLiteral(" — ") +
                                     QString::fromUtf8(done))
            << "\n";
    }
    return result.refused ? 1 : 0;
}

} // namespace

int runEntryEdit(const QStringList& rawArgs)
{
    QStringList args = rawArgs;
    const QStringList sets = takeRepeated(args, QStringLiteral("--set"));
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--record", "--values"},
                                      {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc entry edit: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    if (!requireValue(*options, "--record", "entry edit", kUsage)) {
        return 2;
    }
    if (sets.isEmpty() == !options->has("--values")) {
        QTextStream(stderr) << "dantoc entry edit: give --set FIELD=VALUE (repeatable) or --values FILE\n"
                            << kUsage;
        return 2;
    }
    const bool json = options->has("--json");
    std::optional<Json> replacement;
    if (options->has("--values")) {
        QFile file(options->value("--values"));
        if (!file.open(QIODevice::ReadOnly)) {
            return failWith("entry edit",
                            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        const QByteArray bytes = file.readAll();
        Json parsed = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            return failWith("entry edit",
                            QStringLiteral("%1: not a JSON object of values").arg(file.fileName()));
        }
        replacement = std::move(parsed);
    }
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("entry edit", error);
    }
    const std::string id = options->value("--record").toStdString();
    auto record = client::SubmissionRepository(session->store->connection()).get(id);
    if (!record) {
        return reportFailure("entry edit", record.status(), json);
    }
    Json values = replacement ? *replacement : Json::parse(record->body, nullptr, false);
    if (values.is_discarded() || !values.is_object()) {
        return failWith(
            "entry edit",
            QStringLiteral("the stored body of %1 is not an object").arg(QString::fromStdString(id)));
    }
    for (const QString& set : sets) {
        const qsizetype eq = set.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return failWith("entry edit", QStringLiteral("--set takes FIELD=VALUE, not \"%1\"").arg(set));
        }
        const std::string text = set.mid(eq + 1).toStdString();
        Json value = Json::parse(text, nullptr, false);
        values[set.left(eq).toStdString()] = value.is_discarded() ? Json(text) : value;
    }
    auto saved = session->review->edit(id, values);
    if (!saved) {
        return reportFailure("entry edit", saved.status(), json);
    }
    return finish(*saved, json, "đã lưu, chờ gửi / saved, queued for `dantoc sync`");
}

int runEntrySubmit(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList noteArgs = takeRepeated(args, QStringLiteral("--note"));
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--record"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc entry submit: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    if (!requireValue(*options, "--record", "entry submit", kUsage)) {
        return 2;
    }
    const bool json = options->has("--json");
    auto session = openReviewSession(*options, error);
    if (!session) {
        return failWith("entry submit", error);
    }
    client::EntryNotes notes;
    for (const QString& note : noteArgs) {
        const qsizetype equals = note.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals + 1 >= note.size()) {
            QTextStream(stderr) << "dantoc entry submit: --note takes KEY=TEXT, not \"" << note << "\"\n" << kUsage;
            return 2;
        }
        notes[note.left(equals).toStdString()] = note.mid(equals + 1).toStdString();
    }
    auto sent = session->entries->submit(options->value("--record").toStdString(), notes);
    if (!sent) {
        return reportFailure("entry submit", sent.status(), json);
    }
    return finish(*sent, json, "chờ gửi / queued for `dantoc sync`");
}

} // namespace dantoc::cli
