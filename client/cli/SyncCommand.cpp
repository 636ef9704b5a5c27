// `dantoc sync --store DIR [--json] [--retries N]`: one full sync cycle with the enrolled server (bring the reference
// data, push the outbox, upload the attachments it references, pull until done); prints the counts and the bytes on
// the wire. On a transient failure it waits the backoff delay and tries again, up to --retries times (default 0).
// Exit code 0 on success, 1 when the cycle failed.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/sync/Enrollment.h"
#include "core/sync/SyncClient.h"

#include "base/Json.h"
#include "base/Uuid.h"

#include <QTextStream>
#include <QThread>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage = "usage: dantoc sync --store DIR [--json] [--retries N]\n";

Json reportJson(const client::sync::SyncReport& report)
{
    const auto& push = report.push;
    const auto& pull = report.pull;
    const auto& reference = report.reference;
    return Json{{"reference", {{"forms", reference.forms},
                               {"catalogs", reference.catalogs},
                               {"units", reference.units},
                               {"periods", reference.periods}}},
                {"push", {{"requests", push.requests},
                          {"ops_sent", push.opsSent},
                          {"resent_after_upload", push.resent},
                          {"applied", push.applied},
                          {"merged", push.merged},
                          {"conflicts", push.conflicts},
                          {"rejected", push.rejected},
                          {"deferred", push.deferred},
                          {"repushed", push.repushed},
                          {"forks", push.forks},
                          {"epoch_changed", push.epochChanged}}},
                {"upload", {{"blobs_pending", report.upload.blobsPending},
                            {"blobs_completed", report.upload.blobsCompleted},
                            {"blobs_missing", report.upload.blobsMissing},
                            {"chunks", report.upload.chunks},
                            {"bytes", report.upload.bytesUploaded}}},
                {"pull", {{"pages", pull.pages},
                          {"records", pull.records},
                          {"comments", pull.comments},
                          {"purged", pull.purged},
                          {"kept_revoked", pull.keptRevoked},
                          {"confirmed", pull.confirmed}}},
                {"bytes_sent", report.bytesSent},
                {"bytes_received", report.bytesReceived},
                {"journal_pruned", report.journalPruned}};
}

}  // namespace

int runSync(const QStringList& args)
{
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--retries"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc sync: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    bool ok = true;
    const int retries = options->has("--retries") ? options->value("--retries").toInt(&ok) : 0;
    if (!ok || retries < 0 || retries > 100) {
        return failWith("sync", QStringLiteral("--retries takes 0..100"));
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("sync", error);
    }
    auto transport = client::sync::Enrollment::transportFor(store->connection());
    if (!transport) {
        return failWith("sync", QString::fromStdString(transport.status().message()));
    }
    client::sync::SyncClient client(*store, **transport, SystemRandom::instance());
    for (int attempt = 0;; ++attempt) {
        auto report = client.runCycle();
        if (report) {
            QTextStream out(stdout);
            if (options->has("--json")) {
                out << QString::fromStdString(reportJson(*report).dump()) << "\n";
            } else {
                const auto& push = report->push;
                const auto& reference = report->reference;
                out << "Danh mục / reference data: " << reference.forms << " form version(s), " << reference.catalogs
                    << " catalog(s), " << reference.units << " unit(s), " << reference.periods << " period(s) changed\n"
                    << "Gửi / pushed: " << push.opsSent << " op(s): " << push.applied << " applied, " << push.merged
                    << " merged, " << push.conflicts << " conflict(s), " << push.rejected << " rejected, "
                    << push.deferred << " deferred"
                    << (push.resent > 0 ? QStringLiteral(" (%1 gửi lại sau khi tải tệp lên / sent again after "
                                                         "their attachment was uploaded)")
                                              .arg(push.resent)
                                        : QString())
                    << "\n"
                    << "Tệp đính kèm / attachments: " << report->upload.blobsCompleted << " of "
                    << report->upload.blobsPending << " uploaded (" << report->upload.bytesUploaded << " bytes)\n"
                    << "Nhận / pulled: " << report->pull.records << " record(s), " << report->pull.comments
                    << " comment(s), " << report->pull.purged << " removed, in " << report->pull.pages
                    << " page(s)\n"
                    << "Bytes: " << report->bytesSent << " sent, " << report->bytesReceived << " received\n";
            }
            return 0;
        }
        if (attempt >= retries) {
            QTextStream(stderr) << "dantoc sync: " << QString::fromStdString(report.status().message()) << "\n";
            return 1;
        }
        QThread::msleep(static_cast<unsigned long>(client.retryDelayMillis()));
    }
}

}  // namespace dantoc::cli
