// The `dantoc` tool's enroll, login, status and sync as real processes against the real dantoc-server over TLS:
// a wrong --fingerprint is refused before anything is sent, the forced password change needs the new password,
// an imported entry reaches the server and status shows the outbox empty and the last sync; a file added with
// `dantoc attach` goes up with its entry.
#include "CliRun.h"
#include "support/DemoValues.h"
#include "support/Files.h"
#include "support/FlowAccounts.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include "core/sync/HttpTransport.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <QProcess>
#include <QProcessEnvironment>


#ifdef DANTOC_CLI

using dantoc::test::FlowAccounts;
using dantoc::test::TestServer;
using nlohmann::json;
using dantoc::test::client_sync::dantocCli;
using dantoc::test::client_sync::Run;


TEST_CASE("dantoc enroll, sync, status and login against the real server")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    dantoc::test::TempDir dir{"dantoc-cli-sync"};
    const QString store = QString::fromStdString((dir.path() / "store").string());
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(server.port());
    const std::string initial = accounts.password("xa02683");
    const std::string fresh = FlowAccounts::newPasswordFor("xa02683");

    Run init = dantocCli({"init", "--store", store}, {});
    REQUIRE_MESSAGE(init.exitCode == 0, init.err);

    // A fingerprint that is not the server's: refused, nothing stored.
    std::string wrong = dantoc::client::sync::HttpTransport::normalizeFingerprint(server.fingerprint());
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    Run refused = dantocCli({"enroll", "--store", store, "--server", url, "--account", "xa02683", "--fingerprint",
                             QString::fromStdString(wrong)},
                            {{"DANTOC_PASSWORD", initial}, {"DANTOC_NEW_PASSWORD", fresh}});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("differs") != std::string::npos);
    Run notEnrolled = dantocCli({"status", "--store", store, "--json"}, {});
    REQUIRE(notEnrolled.exitCode == 0);
    CHECK(json::parse(notEnrolled.out)["enrolled"] == false);

    // Without the interactive confirmation (stdin is empty) nothing is sent either.
    Run unconfirmed = dantocCli({"enroll", "--store", store, "--server", url, "--account", "xa02683"},
                                {{"DANTOC_PASSWORD", initial}, {"DANTOC_NEW_PASSWORD", fresh}});
    CHECK(unconfirmed.exitCode == 2);
    CHECK(unconfirmed.out.find(server.fingerprint().substr(0, 5)) != std::string::npos);

    // The default password must be changed: without a new one the enrollment stops.
    Run noNew = dantocCli({"enroll", "--store", store, "--server", url, "--account", "xa02683", "--fingerprint",
                           QString::fromStdString(server.fingerprint())},
                          {{"DANTOC_PASSWORD", initial}});
    CHECK(noNew.exitCode == 2);
    CHECK(noNew.err.find("DANTOC_NEW_PASSWORD") != std::string::npos);

    Run enrolled = dantocCli({"enroll", "--store", store, "--server", url, "--account", "xa02683", "--fingerprint",
                              QString::fromStdString(server.fingerprint()), "--json"},
                             {{"DANTOC_PASSWORD", initial}, {"DANTOC_NEW_PASSWORD", fresh}});
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.err);
    const json report = json::parse(enrolled.out);
    CHECK(report["password_changed"] == true);
    CHECK(report["device_new"] == true);
    // The shipped forms carry no server ETag: enrollment replaces the three with the server's copies.
    CHECK(report["reference"]["forms"] == 3);

    // An entry for a village of the commune, in an open period, saved and submitted.
    json entry = dantoc::test::demoSample("village_survey");
    entry["unit"] = "02683-01";
    entry["period"] = "2026-H2";
    const std::string entryFile = (dir.path() / "entry.json").string();
    dantoc::test::writeFile(entryFile, entry.dump());
    Run imported = dantocCli({"entry", "import", "--store", store, "--json", QString::fromStdString(entryFile),
                              "--submit"},
                             {});
    REQUIRE_MESSAGE(imported.exitCode == 0, std::string(imported.err + imported.out));
    Run before = dantocCli({"status", "--store", store, "--json"}, {});
    REQUIRE(before.exitCode == 0);
    CHECK(json::parse(before.out)["pending_ops"] == 2);
    CHECK(json::parse(before.out)["last_sync_at"] == 0);

    Run synced = dantocCli({"sync", "--store", store, "--json"}, {});
    REQUIRE_MESSAGE(synced.exitCode == 0, synced.err);
    const json counts = json::parse(synced.out);
    CHECK(counts["reference"]["forms"] == 0);  // nothing published since enrollment
    CHECK(counts["reference"]["periods"] == 0);
    CHECK(counts["push"]["applied"] == 2);
    CHECK(counts["pull"]["records"] >= 1);  // one item per version (create, submit)
    CHECK(counts["bytes_sent"].get<long long>() > 0);
    CHECK(counts["bytes_received"].get<long long>() > 0);
    Run after = dantocCli({"status", "--store", store, "--json"}, {});
    REQUIRE(after.exitCode == 0);
    const json status = json::parse(after.out);
    CHECK(status["pending_ops"] == 0);
    CHECK(status["rejected_ops"] == 0);
    CHECK(status["last_sync_at"].get<long long>() > 0);
    CHECK(status["device_registered"] == true);
    CHECK_FALSE(status["epoch"].get<std::string>().empty());
    Run human = dantocCli({"status", "--store", store}, {});
    CHECK(human.out.find("pending ops:       0") != std::string::npos);

    // The record is on the server.
    auto http = server.client();
    auto officer = accounts.ready(http, "xa02683");
    CHECK_FALSE(officer.ok());  // the password was changed by enroll
    accounts.setPassword("xa02683", fresh);
    officer = accounts.ready(http, "xa02683");
    REQUIRE(officer.ok());
    auto record = http.get("/api/v1/records/" + entry["id"].get<std::string>(), officer.accessToken);
    CHECK(record.status == 200);

    // A signed scan: `dantoc attachment add` encrypts it into the store and prints the field value; an entry carrying it
    // goes up with `dantoc sync`, the file after the entry's operation, and the server then holds the same bytes.
    const std::string scanFile = (dir.path() / "phiếu xã.pdf").string();
    std::string scan(40'000, '\0');
    for (std::size_t i = 0; i < scan.size(); ++i) {
        scan[i] = static_cast<char>((i * 7919) % 251);
    }
    dantoc::test::writeFile(scanFile, scan);
    Run attached = dantocCli({"attachment", "add", "--store", store, QString::fromStdString(scanFile)}, {});
    REQUIRE_MESSAGE(attached.exitCode == 0, attached.err);
    const json scanValue = json::parse(attached.out);
    CHECK(scanValue["name"] == "phiếu xã.pdf");
    CHECK(scanValue["size"] == scan.size());
    CHECK(scanValue["mime"] == "application/pdf");
    CHECK(dantocCli({"attachment", "add", "--store", store, QString::fromStdString(scanFile)}, {}).out == attached.out);
    CHECK(dantocCli({"attachment", "add", "--store", store, "/nonexistent/file.pdf"}, {}).exitCode == 2);
    json commune = dantoc::test::demoSample("commune_survey");
    commune["unit"] = "02683";
    commune["period"] = "2026";  // the commune survey is yearly
    commune["values"]["signed_scan"] = scanValue;
    const std::string communeFile = (dir.path() / "commune.json").string();
    dantoc::test::writeFile(communeFile, commune.dump());
    Run communeImported = dantocCli(
        {"entry", "import", "--store", store, "--json", QString::fromStdString(communeFile), "--save"}, {});
    REQUIRE_MESSAGE(communeImported.exitCode == 0, std::string(communeImported.err + communeImported.out));
    Run withScan = dantocCli({"sync", "--store", store, "--json"}, {});
    REQUIRE_MESSAGE(withScan.exitCode == 0, withScan.err);
    const json uploadCounts = json::parse(withScan.out);
    CHECK(uploadCounts["upload"]["blobs_completed"] == 1);
    CHECK(uploadCounts["upload"]["bytes"] == scan.size());
    CHECK(uploadCounts["push"]["applied"] == 1);
    CHECK(json::parse(dantocCli({"status", "--store", store, "--json"}, {}).out)["pending_ops"] == 0);
    auto onServer = http.get("/api/v1/sync/blobs/" + scanValue["sha256"].get<std::string>(), officer.accessToken);
    CHECK(onServer.status == 200);
    CHECK(onServer.body == scan);
    const std::string outFile = (dir.path() / "ra.pdf").string();
    Run got = dantocCli({"attachment", "get", "--store", store, QString::fromStdString(scanValue["sha256"].get<std::string>()),
                         "--out", QString::fromStdString(outFile)},
                        {});
    REQUIRE_MESSAGE(got.exitCode == 0, got.err);
    CHECK(dantoc::test::readFile(outFile) == scan);
    CHECK(dantocCli({"attachment", "get", "--store", store, QString(64, QLatin1Char('0')), "--out",
                     QString::fromStdString(outFile + ".2")},
                    {})
              .exitCode == 2);

    // login: refresh, then with the password; a wrong password fails with exit 2.
    CHECK(dantocCli({"login", "--store", store}, {}).exitCode == 0);
    CHECK(dantocCli({"login", "--store", store}, {{"DANTOC_PASSWORD", fresh}}).exitCode == 0);
    CHECK(dantocCli({"login", "--store", store}, {{"DANTOC_PASSWORD", "sai"}}).exitCode == 2);
    CHECK(dantocCli({"sync", "--store", store}, {}).exitCode == 0);
}

#endif
