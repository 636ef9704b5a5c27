// dantoc-server: the provincial sync server and its administration commands (see usage()).
#include "AdminCommands.h"
#include "Config.h"
#include "Log.h"
#include "ServerApp.h"
#include "ServerSetup.h"
#include "admin/BlobBackup.h"
#include "admin/DataDirLock.h"
#include "admin/Restore.h"
#include "admin/UnitImport.h"
#include "catalog/CatalogAdmin.h"
#include "http/HttpServer.h"
#include "store/SqliteCatalogStore.h"
#include "tls/SelfSignedCertificate.h"

#include <nlohmann/json.hpp>

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace dantoc;
using namespace dantoc::server;

namespace {

struct Args {
    std::vector<std::string> items;
    std::optional<std::string> value(const std::string& name) const
    {
        for (std::size_t i = 0; i + 1 < items.size(); ++i) {
            if (items[i] == name) {
                return items[i + 1];
            }
        }
        return std::nullopt;
    }
    std::vector<std::string> values(const std::string& name) const
    {
        std::vector<std::string> out;
        for (std::size_t i = 0; i + 1 < items.size(); ++i) {
            if (items[i] == name) {
                out.push_back(items[i + 1]);
            }
        }
        return out;
    }
    bool flag(const std::string& name) const
    {
        for (const auto& item : items) {
            if (item == name) {
                return true;
            }
        }
        return false;
    }
};

int usage()
{
    std::cerr << "usage:\n"
                 "  dantoc-server init --data DIR [--demo [--resources DIR]] [--as-of YYYY-MM-DD] [--host NAME]... [--force]\n"
                 "  dantoc-server run  --data DIR [--port N] [--bind ADDR]\n"
                 "  dantoc-server user add --data DIR --username U --role ROLE --unit CODE [--name NAME]\n"
                 "  dantoc-server user edit --data DIR --username U [--role ROLE] [--unit CODE] [--name NAME]\n"
                 "  dantoc-server user close --data DIR --username U\n"
                 "  dantoc-server user reset-password --data DIR --username U\n"
                 "  dantoc-server audit verify --data DIR [--checkpoint FILE]\n"
                 "  dantoc-server audit checkpoint --data DIR --out FILE\n"
                 "  dantoc-server backup --data DIR --out FILE\n"
                 "  dantoc-server restore --data DIR --from BACKUP.db   (the server must be stopped)\n"
                 "  dantoc-server unit import --data DIR --file units.csv|units.json [--lineage lineage.csv|.json]\n"
                 "  dantoc-server form publish --data DIR --file FORM.json\n"
                 "  dantoc-server period open|close --data DIR --id ID [--label L --from YYYY-MM-DD --to YYYY-MM-DD]\n"
                 "roles: commune_officer, district_reviewer, provincial_reviewer, provincial_admin, provincial_viewer\n";
    return 2;
}

int fail(const std::string& command, const Status& status)
{
    std::cerr << "dantoc-server " << command << ": " << status.message() << "\n";
    return 1;
}

void printLine(const nlohmann::json& value)
{
    std::cout << value.dump() << std::endl;
}

std::string todayIso(const Clock& clock)
{
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(clock.nowUnixMillis())));
    const std::chrono::year_month_day ymd{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

int runInit(const Args& args)
{
    const auto data = args.value("--data");
    if (!data) {
        return usage();
    }
    InitOptions options;
    options.dataDir = *data;
    options.hostNames = args.values("--host");
    options.force = args.flag("--force");
    const std::string asOf = args.value("--as-of").value_or("");
    if (!asOf.empty() && !PinnedDateClock::dayOf(asOf)) {
        return fail("init", Status(ErrorCode::InvalidArgument,
                                   "--as-of: ngày không hợp lệ / not a date YYYY-MM-DD: \"" + asOf + "\""));
    }
    Config config;
    auto fingerprint = initDataDirectory(options, config);
    if (!fingerprint) {
        return fail("init", fingerprint.status());
    }
    if (auto ops = args.value("--password-hash-ops")) {
        config.passwordHashOpsLimit = static_cast<unsigned>(std::stoul(*ops));
    }
    if (auto mem = args.value("--password-hash-mem")) {
        config.passwordHashMemLimit = std::stoull(*mem);
    }
    // A server that lives on one date (the province as it was before a reform, for a demo or training).
    config.asOf = asOf;
    if (Status s = config.save(); !s) {
        return fail("init", s);
    }
    const auto clock = config.clock();
    auto store = SqliteStore::open(config.dataDir);
    if (!store) {
        return fail("init", store.status());
    }
    const bool demo = args.flag("--demo");
    const std::filesystem::path resources = args.value("--resources").value_or(DANTOC_DEFAULT_RESOURCES_DIR);
    auto units = seedUnits(**store, demo, resources, todayIso(*clock));
    if (!units) {
        return fail("init", units.status());
    }
    SqliteCatalogStore catalogs(**store);
    const std::int64_t now = clock->nowUnixMillis();
    auto forms = publishDefaultForms(catalogs, resources, now);
    if (!forms) {
        return fail("init", forms.status());
    }
    if (demo) {
        if (Status s = seedDemoPeriods(catalogs, now); !s) {
            return fail("init", s);
        }
    }
    printLine({{"event", "initialised"},
               {"data", options.dataDir.string()},
               {"fingerprint", *fingerprint},
               {"forms", *forms}});
    if (!asOf.empty()) {
        printLine({{"event", "as_of"},
                   {"date", asOf},
                   {"note", "máy chủ sống ở ngày này (demo, tập huấn) / the server lives on this date (demo, training)"}});
    }
    auto existing = (*store)->accountByUsername("admin");
    if (existing && existing->has_value()) {
        return 0;  // re-init (--force): accounts are never recreated
    }
    const PasswordHasher hasher(config.passwordHashOpsLimit, config.passwordHashMemLimit);
    auto accounts = seedAccounts(**store, hasher, demo, clock->nowUnixMillis());
    if (!accounts) {
        return fail("init", accounts.status());
    }
    // Printed once; each must be changed at first login.
    for (const CreatedAccount& a : *accounts) {
        printLine({{"event", "account"},
                   {"username", a.username},
                   {"role", a.role},
                   {"unit_code", a.unitCode},
                   {"initial_password", a.password}});
    }
    return 0;
}

int runForm(const std::string& sub, const Args& args)
{
    const auto data = args.value("--data");
    const auto file = args.value("--file");
    if (sub != "publish" || !data || !file) {
        return usage();
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
        return fail("form publish", Status(ErrorCode::NotFound, "cannot read " + *file));
    }
    std::stringstream text;
    text << in.rdbuf();
    auto store = SqliteStore::open(*data);
    if (!store) {
        return fail("form publish", store.status());
    }
    SqliteCatalogStore catalogs(**store);
    auto form = publishFormDocument(catalogs, text.str(), "cli", SystemClock::instance().nowUnixMillis());
    if (!form) {
        return fail("form publish", form.status());
    }
    printLine({{"event", "form_published"}, {"form", form->formId}, {"version", form->version}, {"etag", form->etag}});
    return 0;
}

int runPeriod(const std::string& sub, const Args& args)
{
    const auto data = args.value("--data");
    const auto id = args.value("--id");
    if ((sub != "open" && sub != "close") || !data || !id) {
        return usage();
    }
    auto store = SqliteStore::open(*data);
    if (!store) {
        return fail("period", store.status());
    }
    SqliteCatalogStore catalogs(**store);
    auto existing = catalogs.period(*id);
    if (!existing) {
        return fail("period", existing.status());
    }
    Period period = existing->value_or(Period{*id, "", "", "", false});
    period.label = args.value("--label").value_or(period.label);
    period.startsOn = args.value("--from").value_or(period.startsOn);
    period.endsOn = args.value("--to").value_or(period.endsOn);
    period.open = sub == "open";
    if (Status s = savePeriod(catalogs, period, "cli", SystemClock::instance().nowUnixMillis()); !s) {
        return fail("period", s);
    }
    printLine({{"event", period.open ? "period_opened" : "period_closed"}, {"id", period.id}});
    return 0;
}

int runServer(const Args& args)
{
    const auto data = args.value("--data");
    if (!data) {
        return usage();
    }
    auto config = Config::load(*data);
    if (!config) {
        return fail("run", config.status());
    }
    // Held until the process ends: `restore` (and a second `run`) refuse a data directory in use.
    auto dataDirLock = DataDirLock::acquire(config->dataDir);
    if (!dataDirLock) {
        return fail("run", dataDirLock.status());
    }
    if (auto port = args.value("--port")) {
        config->port = static_cast<std::uint16_t>(std::stoi(*port));
    }
    if (auto bind = args.value("--bind")) {
        config->bindAddress = *bind;
    }
    std::ifstream certFile(config->resolve(config->certificateFile));
    std::stringstream certPem;
    certPem << certFile.rdbuf();
    const auto fingerprint = certificateFingerprint(certPem.str());

    // SIGINT/SIGTERM are blocked in every thread and taken by one waiter thread, so a signal that arrives right
    // after the "listening" line (before the io threads run) still means a graceful stop, never a kill.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGUSR1);  // internal: ends the waiter after a stop from elsewhere
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    if (!config->asOf.empty()) {
        log::warn("the server lives on a pinned date (\"as_of\" in config.json): a demo or training server",
                  {{"as_of", config->asOf}});
    }
    AuthPolicy policy;
    policy.throttle.baseDelayMs = config->loginBackoffBaseMillis;
    auto app = ServerApp::open(*config, nullptr, policy);
    if (!app) {
        return fail("run", app.status());
    }
    HttpServer server(*config, (*app)->router(), (*app)->metrics());
    if (Status s = server.start(); !s) {
        return fail("run", s);
    }
    printLine({{"event", "listening"},
               {"port", server.port()},
               {"bind", config->bindAddress},
               {"fingerprint", fingerprint ? *fingerprint : std::string()}});
    log::info("listening", {{"port", server.port()}, {"threads", config->threads}});
    std::thread waiter([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        if (received != SIGUSR1) {
            log::info("stopping", {{"signal", received}});
            server.stop();
        }
    });
    server.run(/*handleSignals=*/false);
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    log::info("stopped");
    return 0;
}

int runUser(const std::string& sub, const Args& args)
{
    const auto data = args.value("--data");
    const auto username = args.value("--username");
    if (!data || !username) {
        return usage();
    }
    auto config = Config::load(*data);
    if (!config) {
        return fail("user", config.status());
    }
    auto store = SqliteStore::open(config->dataDir);
    if (!store) {
        return fail("user", store.status());
    }
    const PasswordHasher hasher(config->passwordHashOpsLimit, config->passwordHashMemLimit);
    const std::int64_t now = config->clock()->nowUnixMillis();  // the units valid on the server's date
    if (sub == "add") {
        const auto role = args.value("--role");
        const auto unit = args.value("--unit");
        if (!role || !unit) {
            return usage();
        }
        auto created = addAccount(**store, hasher, *username, *role, *unit, args.value("--name").value_or(""), now);
        if (!created) {
            return fail("user add", created.status());
        }
        printLine({{"event", "account"}, {"username", created->username}, {"initial_password", created->password}});
        return 0;
    }
    if (sub == "edit") {
        Status s = editAccount(**store, *username, args.value("--role").value_or(""), args.value("--unit").value_or(""),
                               args.value("--name").value_or(""), now);
        return s ? 0 : fail("user edit", s);
    }
    if (sub == "close") {
        Status s = closeAccount(**store, *username, now);
        return s ? 0 : fail("user close", s);
    }
    if (sub == "reset-password") {
        auto password = resetAccountPassword(**store, hasher, *username, now);
        if (!password) {
            return fail("user reset-password", password.status());
        }
        printLine({{"event", "password_reset"}, {"username", *username}, {"initial_password", *password}});
        return 0;
    }
    return usage();
}

int runAudit(const std::string& sub, const Args& args)
{
    const auto data = args.value("--data");
    if (!data || (sub != "verify" && sub != "checkpoint")) {
        return usage();
    }
    if (sub == "checkpoint") {
        const auto out = args.value("--out");
        if (!out) {
            return usage();
        }
        if (std::filesystem::exists(*out)) {
            return fail("audit checkpoint", Status(ErrorCode::AlreadyExists, *out + " already exists"));
        }
        auto store = SqliteStore::open(*data);
        if (!store) {
            return fail("audit checkpoint", store.status());
        }
        auto checkpoint = makeCheckpoint(**store, SystemClock::instance().nowUnixMillis());
        if (!checkpoint) {
            return fail("audit checkpoint", checkpoint.status());
        }
        const std::string temp = *out + ".tmp";
        {
            std::ofstream file(temp, std::ios::trunc);
            file << *checkpoint << "\n";
            file.flush();
            if (!file) {
                std::filesystem::remove(temp);
                return fail("audit checkpoint", Status(ErrorCode::IoError, "cannot write " + temp));
            }
        }
        std::error_code ec;
        std::filesystem::rename(temp, *out, ec);
        if (ec) {
            return fail("audit checkpoint", Status(ErrorCode::IoError, "cannot write " + *out + ": " + ec.message()));
        }
        const auto parsed = nlohmann::json::parse(*checkpoint);
        printLine({{"event", "audit_checkpoint"}, {"file", *out}, {"seq", parsed["seq"]}, {"hash", parsed["hash"]}});
        return 0;
    }
    std::optional<std::string> checkpointText;
    if (const auto file = args.value("--checkpoint")) {
        std::ifstream in(*file);
        if (!in) {
            return fail("audit verify", Status(ErrorCode::NotFound, "cannot read the checkpoint " + *file));
        }
        std::ostringstream text;
        text << in.rdbuf();
        checkpointText = text.str();
    }
    auto store = SqliteStore::open(*data);
    if (!store) {
        return fail("audit verify", store.status());
    }
    auto count = verifyAudit(**store, checkpointText);
    if (!count) {
        printLine({{"event", "audit_verify"}, {"ok", false}, {"error", count.status().message()}});
        return 1;
    }
    printLine({{"event", "audit_verify"}, {"ok", true}, {"entries", *count}, {"checkpoint", checkpointText.has_value()}});
    return 0;
}

int runBackup(const Args& args)
{
    const auto data = args.value("--data");
    const auto out = args.value("--out");
    if (!data || !out) {
        return usage();
    }
    auto store = SqliteStore::open(*data);
    if (!store) {
        return fail("backup", store.status());
    }
    if (Status s = (*store)->backupTo(*out); !s) {
        return fail("backup", s);
    }
    // The attachments the snapshot references were complete before it; files are never rewritten.
    auto attachments = copyCompleteBlobs(std::filesystem::path(*data) / "blobs", blobBackupDir(*out));
    if (!attachments) {
        return fail("backup", attachments.status());
    }
    (void)(*store)->appendAudit({SystemClock::instance().nowUnixMillis(), "cli", "store.backup", *out,
                                 nlohmann::json{{"attachments", *attachments}}.dump()});
    // The audit key is deliberately not in the backup: it is backed up apart (docs/admin), so that a stolen
    // backup cannot be rewritten with a recomputed chain.
    printLine({{"event", "backup"}, {"file", *out}, {"attachments", *attachments},
               {"attachments_dir", blobBackupDir(*out).string()},
               {"audit_key_not_included", (std::filesystem::path(*data) / kAuditKeyFile).string()}});
    return 0;
}

int runRestore(const Args& args)
{
    const auto data = args.value("--data");
    const auto from = args.value("--from");
    if (!data || !from) {
        return usage();
    }
    auto restored = restoreStore(*data, *from, SystemClock::instance().nowUnixMillis());
    if (!restored) {
        return fail("restore", restored.status());
    }
    printLine({{"event", "restored"},
               {"from", *from},
               {"kept_aside", restored->keptAside.string()},
               {"audit_entries", restored->auditEntries},
               {"attachments_restored", restored->attachmentsRestored},
               {"epoch_regenerated", restored->epochRegenerated}});
    return 0;
}

int runUnit(const std::string& sub, const Args& args)
{
    const auto data = args.value("--data");
    const auto file = args.value("--file");
    if (sub != "import" || !data || !file) {
        return usage();
    }
    auto store = SqliteStore::open(*data);
    if (!store) {
        return fail("unit import", store.status());
    }
    auto counts = importUnitFiles(**store, *file, args.value("--lineage").value_or(""), "cli",
                                  SystemClock::instance().nowUnixMillis());
    if (!counts) {
        return fail("unit import", counts.status());
    }
    printLine({{"event", "unit_import"},
               {"changed", counts->changedAnything()},
               {"versions_added", counts->versionsAdded},
               {"versions_changed", counts->versionsChanged},
               {"versions_unchanged", counts->versionsUnchanged},
               {"lineage_added", counts->lineageAdded},
               {"lineage_changed", counts->lineageChanged},
               {"lineage_unchanged", counts->lineageUnchanged}});
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    // Everything the server writes (database, WAL, blobs, config, keys, backups) is for its own user only; the
    // data directory is also tightened explicitly (admin/DataDirPermissions.h) for what the umask cannot cover.
    ::umask(077);
    const std::string command = argc > 1 ? argv[1] : "";
    const bool hasSub =
        command == "user" || command == "audit" || command == "unit" || command == "form" || command == "period";
    const std::string sub = hasSub && argc > 2 ? argv[2] : "";
    Args args;
    for (int i = hasSub ? 3 : 2; i < argc; ++i) {
        args.items.emplace_back(argv[i]);
    }
    try {
        if (command == "init") {
            return runInit(args);
        }
        if (command == "run") {
            return runServer(args);
        }
        if (command == "user") {
            return runUser(sub, args);
        }
        if (command == "backup") {
            return runBackup(args);
        }
        if (command == "audit") {
            return runAudit(sub, args);
        }
        if (command == "restore") {
            return runRestore(args);
        }
        if (command == "unit") {
            return runUnit(sub, args);
        }
        if (command == "form") {
            return runForm(sub, args);
        }
        if (command == "period") {
            return runPeriod(sub, args);
        }
    } catch (const std::exception& e) {
        std::cerr << "dantoc-server: " << e.what() << "\n";  // bad numbers in arguments (std::stoi)
        return 2;
    }
    return usage();
}
