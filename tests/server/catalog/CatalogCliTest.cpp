// `dantoc-server init` publishes the default forms (and with --demo opens the demo periods); `form publish` and
// `period open|close` work on a data directory and refuse bad input without changing it. Runs the real binary.
#include "store/SqliteCatalogStore.h"
#include "store/SqliteStore.h"
#include "support/Files.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

using namespace dantoc;
using namespace dantoc::test;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
};

CliRun runServerCli(const std::string& arguments)
{
    const std::string command = std::string(DANTOC_SERVER_EXE) + " " + arguments + " 2>/dev/null";
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) {
        run.out += buffer.data();
    }
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string quoted(const std::filesystem::path& path)
{
    return "'" + path.string() + "'";
}

}  // namespace

TEST_CASE("init publishes the default forms; --demo opens the demo periods; form publish and period commands")
{
    TempDir dir("dantoc-catalog-cli");
    const auto data = dir.path() / "data";
    auto init = runServerCli("init --data " + quoted(data) + " --demo --password-hash-ops 1 --password-hash-mem 8192");
    REQUIRE(init.exitCode == 0);
    const auto first = nlohmann::json::parse(init.out.substr(0, init.out.find('\n')));
    CHECK(first["forms"].size() == 3);

    {
        auto store = server::SqliteStore::open(data);
        REQUIRE(store.isOk());
        server::SqliteCatalogStore catalogs(**store);
        auto form = catalogs.formVersion("household_survey", 1);
        REQUIRE(form.isOk());
        CHECK(form->has_value());
        auto period = catalogs.period("2025-H2");
        REQUIRE(period.isOk());
        REQUIRE(period->has_value());
        CHECK_FALSE((*period)->open);
    }

    // A form file that does not parse: exit 1, nothing published.
    writeFile(dir.path() / "bad.json", R"({"format_version":1,"id":"bad_form"})");
    CHECK(runServerCli("form publish --data " + quoted(data) + " --file " + quoted(dir.path() / "bad.json"))
              .exitCode == 1);
    // The village form as version 2.
    std::string village = readFile(resourcesDir() / "forms" / "village_survey.json");
    const auto at = village.find("\"version\": 1");
    REQUIRE(at != std::string::npos);
    village.replace(at, 12, "\"version\": 2");
    writeFile(dir.path() / "village2.json", village);
    auto published = runServerCli("form publish --data " + quoted(data) + " --file " + quoted(dir.path() / "village2.json"));
    REQUIRE(published.exitCode == 0);
    CHECK(nlohmann::json::parse(published.out)["version"] == 2);

    CHECK(runServerCli("period open --data " + quoted(data) + " --id 2025-H2").exitCode == 0);
    CHECK(runServerCli("period open --data " + quoted(data) + " --id 2027 --label 'Năm 2027' --from 2027-12-31 --to 2027-01-01")
              .exitCode == 1);
    CHECK(runServerCli("period close --data " + quoted(data) + " --id 2027").exitCode == 1);  // no label, no dates

    auto store = server::SqliteStore::open(data);
    REQUIRE(store.isOk());
    server::SqliteCatalogStore catalogs(**store);
    CHECK(catalogs.formVersion("bad_form", 1)->has_value() == false);
    CHECK(catalogs.formVersion("village_survey", 2)->has_value());
    CHECK((*catalogs.period("2025-H2"))->open);
    CHECK_FALSE(catalogs.period("2027")->has_value());
}
