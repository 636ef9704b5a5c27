// `dantoc status --store DIR [--json]`: the sync state from the store alone (no network): pending, deferred,
// rejected and conflicting operations, records needing attention, last sync, epoch and cursor; then each record
// the server refused, flagged as a conflict or parked, with its reason in Vietnamese and English.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/sync/SyncProblems.h"
#include "core/sync/SyncStatus.h"

#include <QDateTime>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage = "usage: dantoc status --store DIR [--json]\n";

}  // namespace

int runStatus(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc status: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("status", error);
    }
    auto status = client::sync::readSyncStatus(store->connection());
    if (!status) {
        return failWith("status", QString::fromStdString(status.status().message()));
    }
    auto problems = client::sync::readSyncProblems(store->connection());
    if (!problems) {
        return failWith("status", QString::fromStdString(problems.status().message()));
    }
    const auto kindName = [](client::sync::SyncProblem::Kind kind) {
        switch (kind) {
        case client::sync::SyncProblem::Kind::Rejected: return "rejected";
        case client::sync::SyncProblem::Kind::Conflict: return "conflict";
        case client::sync::SyncProblem::Kind::Deferred: return "deferred";
        }
        return "rejected";
    };
    QTextStream out(stdout);
    if (options->has("--json")) {
        Json doc = status->toJson();
        doc["problems"] = Json::array();
        for (const auto& problem : *problems) {
            const auto text = client::sync::describeProblem(problem);
            doc["problems"].push_back({{"kind", kindName(problem.kind)},
                                       {"record", problem.recordId},
                                       {"form", problem.formId},
                                       {"unit", problem.unit},
                                       {"period", problem.period},
                                       {"code", problem.code},
                                       {"message", {{"vi", text.vi}, {"en", text.en}}},
                                       {"at", problem.at}});
        }
        out << QString::fromStdString(doc.dump()) << "\n";
        return 0;
    }
    const QString lastSync =
        status->lastSyncAt == 0
            ? QStringLiteral("chưa bao giờ / never")
            : QDateTime::fromMSecsSinceEpoch(status->lastSyncAt, Qt::UTC).toString(Qt::ISODateWithMs);
    out << "Máy chủ / server:            "
        << (status->enrolled ? QString::fromStdString(status->server + " (" + status->account + ")")
                             : QStringLiteral("chưa đăng ký / not enrolled"))
        << "\n"
        << "Thiết bị / device:           " << QString::fromStdString(status->deviceId)
        << (status->deviceRegistered ? "" : " (chưa đăng ký / not registered)") << "\n"
        << "Chờ gửi / pending ops:       " << status->pendingOps << " (deferred " << status->deferredOps << ")\n"
        << "Bị từ chối / rejected:       " << status->rejectedOps << "\n"
        << "Xung đột / conflicts:        " << status->conflictOps << "\n"
        << "Cần xem lại / attention:     " << status->recordsNeedingAttention << " record(s)\n"
        << "Đồng bộ lần cuối / last sync: " << lastSync << "\n"
        << "Epoch / cursor:              " << QString::fromStdString(status->epoch) << " / " << status->cursorSeq
        << "\n";
    if (!status->lastError.empty()) {
        out << "Lỗi lần trước / last error:  " << QString::fromStdString(status->lastError) << "\n";
    }
    for (const auto& problem : *problems) {
        const auto text = client::sync::describeProblem(problem);
        out << kindName(problem.kind) << "  " << QString::fromStdString(problem.recordId) << "  "
            << QString::fromStdString(problem.formId) << "  " << QString::fromStdString(problem.unit) << "  "
            << QString::fromStdString(problem.period) << "  " << QString::fromStdString(problem.code) << ": "
            << QString::fromStdString(text.vi) << " / " << QString::fromStdString(text.en) << "\n";
    }
    return 0;
}

}  // namespace dantoc::cli
