// Runs the real `dantoc` binary for the store commands: init, entry import/list, export and passwd, with the
// passphrase from the environment or from a file, and refused on the command line.
#include "support/Files.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using Json = nlohmann::json;
using dantoc::test::readFile;
using dantoc::test::writeFile;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string shellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

// Runs `dantoc <args>` with a clean passphrase environment plus `env` ("VAR=value ...", values quoted).
CliRun runDantoc(const fs::path& dir, const std::string& args, const std::string& env = "")
{
    const fs::path errFile = dir / "stderr.txt";
    const std::string command = "env -u DANTOC_PASSPHRASE -u DANTOC_NEW_PASSPHRASE DANTOC_RESOURCES=" +
                                shellQuote(DANTOC_RESOURCES_DIR) + " " + env + " " + shellQuote(DANTOC_CLI) + " " +
                                args + " 2>" + shellQuote(errFile.string());
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        run.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = readFile(errFile);
    return run;
}

const std::string kPass = "DANTOC_PASSPHRASE=" + shellQuote("mật khẩu cũ 2025");

}  // namespace

TEST_CASE("dantoc init, entry import/list and export over a real store")
{
    dantoc::test::TempDir dir{"dantoc-cli-store"};
    const std::string store = shellQuote((dir.path() / "store").string());

    CliRun run = runDantoc(dir.path(), "init --store " + store);
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("DANTOC_PASSPHRASE") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "store"));
    // A weak passphrase is refused with the reason, and no store is made.
    run = runDantoc(dir.path(), "init --store " + store, "DANTOC_PASSPHRASE=" + shellQuote("abc123"));
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("quá ngắn") != std::string::npos);
    CHECK(run.err.find("too short") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "store"));
    run = runDantoc(dir.path(), "init --store " + store, "DANTOC_PASSPHRASE=" + shellQuote("matkhau123"));
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("thief") != std::string::npos);

    run = runDantoc(dir.path(), "init --store " + store, kPass);
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    CHECK(run.out.find("forms 3") != std::string::npos);
    CHECK(runDantoc(dir.path(), "init --store " + store, kPass).exitCode == 2);  // already there

    const std::string sample = shellQuote((fs::path(DANTOC_RESOURCES_DIR) / "demo" / "village_survey.sample.json").string());
    run = runDantoc(dir.path(), "entry import --store " + store + " --json " + sample + " --save --json-output", kPass);
    REQUIRE_MESSAGE(run.exitCode == 0, (run.out + run.err));
    Json report = Json::parse(run.out);
    CHECK(report["imported"] == true);
    CHECK(report["records"].size() == 1);

    // A CSV with one bad row: nothing imported, the row and field named.
    const fs::path csv = dir.path() / "bad.csv";
    writeFile(csv, "unit,period,households_total,households_poor\n0164500001,2025-H2,10,3\n0164500002,2025-H2,mười,3\n");
    run = runDantoc(dir.path(), "entry import --store " + store + " --csv " + shellQuote(csv.string()) +
                                 " --form village_survey",
                 kPass);
    CHECK(run.exitCode == 1);
    CliRun asJson = runDantoc(dir.path(), "entry import --store " + store + " --csv " + shellQuote(csv.string()) +
                                           " --form village_survey --json", kPass);
    CHECK(asJson.exitCode == 1);
    CHECK(Json::parse(asJson.out)["errors"][0]["line"] == 3);
    CHECK(run.out.find("line 3: households_total") != std::string::npos);
    CHECK(run.out.find("nothing imported") != std::string::npos);

    run = runDantoc(dir.path(), "entry list --store " + store + " --json", kPass);
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    Json list = Json::parse(run.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["state"] == "draft");
    CHECK(list[0]["unit"] == "02683-01");
    run = runDantoc(dir.path(), "entry list --store " + store + " --state submitted --json", kPass);
    CHECK(Json::parse(run.out).empty());

    const fs::path outCsv = dir.path() / "out.csv";
    run = runDantoc(dir.path(), "export --store " + store + " --csv --out " + shellQuote(outCsv.string()), kPass);
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    const std::string exported = readFile(outCsv);
    CHECK(exported.rfind("\xEF\xBB\xBFMã phiếu,", 0) == 0);
    CHECK(exported.find("Tổng số hộ") != std::string::npos);
    CHECK(exported.find("Nháp") != std::string::npos);

    const fs::path outJson = dir.path() / "out.json";
    run = runDantoc(dir.path(), "export --store " + store + " --json --period 2026-H2 --out " + shellQuote(outJson.string()), kPass);
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    CHECK(Json::parse(readFile(outJson))["records"][0]["values"]["households_total"] == 376);

    CHECK(runDantoc(dir.path(), "export --store " + store + " --csv --json --out x", kPass).exitCode == 2);
    CHECK(runDantoc(dir.path(), "entry import --store " + store + " --json " + sample,
                 "DANTOC_PASSPHRASE=" + shellQuote("sai")).exitCode == 2);  // wrong passphrase
}

TEST_CASE("dantoc passwd: from the environment and from files; never on the command line")
{
    dantoc::test::TempDir dir{"dantoc-cli-passwd"};
    const std::string store = shellQuote((dir.path() / "store").string());
    REQUIRE(runDantoc(dir.path(), "init --store " + store, kPass).exitCode == 0);

    CliRun run = runDantoc(dir.path(), "passwd --store " + store + " --new-passphrase mới", kPass);
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("not accepted on the command line") != std::string::npos);
    CHECK(runDantoc(dir.path(), "passwd --store " + store + " --passphrase=x", kPass).exitCode == 2);
    CHECK(runDantoc(dir.path(), "passwd --store " + store, kPass).exitCode == 2);  // no new passphrase
    run = runDantoc(dir.path(), "passwd --store " + store, kPass + " DANTOC_NEW_PASSPHRASE=" + shellQuote("ngắn"));
    CHECK(run.exitCode == 2);  // too weak: refused, the old passphrase still opens the store
    CHECK(run.err.find("too short") != std::string::npos);
    CHECK(runDantoc(dir.path(), "entry list --store " + store, kPass).exitCode == 0);

    run = runDantoc(dir.path(), "passwd --store " + store, kPass + " DANTOC_NEW_PASSPHRASE=" + shellQuote("mật khẩu mới"));
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    CHECK(runDantoc(dir.path(), "entry list --store " + store, kPass).exitCode == 2);  // the old one no longer opens
    CHECK(runDantoc(dir.path(), "entry list --store " + store, "DANTOC_PASSPHRASE=" + shellQuote("mật khẩu mới")).exitCode == 0);

    const fs::path oldFile = dir.path() / "old.txt";
    const fs::path newFile = dir.path() / "new.txt";
    writeFile(oldFile, "mật khẩu mới\n");
    writeFile(newFile, "mật khẩu thứ ba\r\n");
    fs::permissions(oldFile, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    fs::permissions(newFile, fs::perms::owner_read | fs::perms::owner_write);
    run = runDantoc(dir.path(), "passwd --store " + store + " --passphrase-file " + shellQuote(oldFile.string()) +
                                 " --new-passphrase-file " + shellQuote(newFile.string()));
    REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    CHECK(run.err.find("old.txt can be read by other users") != std::string::npos);
    CHECK(run.err.find("new.txt can be read") == std::string::npos);
    CHECK(runDantoc(dir.path(), "entry list --store " + store + " --passphrase-file " + shellQuote(newFile.string())).exitCode == 0);
    CHECK(runDantoc(dir.path(), "entry list --store " + store + " --passphrase-file " + shellQuote(oldFile.string())).exitCode == 2);
    CHECK(runDantoc(dir.path(), "entry list --store " + store + " --passphrase-file " +
                                 shellQuote((dir.path() / "missing").string())).exitCode == 2);
}
