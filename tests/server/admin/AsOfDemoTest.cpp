// The province as it was before the 1 July 2025 reform (issue 15: both chain shapes from the README):
// `dantoc-server init --demo --as-of 2025-06-30` makes a server that lives on that date (base/Clock.h
// PinnedDateClock, config "as_of"): old Lào Cai with its districts, a district reviewer and the province's, and the
// old communes' officers. Runs the real binary over TLS; a bad date changes nothing.
#include "base/Clock.h"
#include "support/FlowAccounts.h"
#include "support/Files.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <map>
#include <string>

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;

TEST_CASE("PinnedDateClock: the pinned day with the base clock's time of day; dayOf takes only real dates")
{
    constexpr std::int64_t kDay = 86'400'000;
    ManualClock base(1'796'083'200'000 + 3 * 3'600'000 + 25);  // 2026-12-01T03:00:00.025Z
    const auto day = PinnedDateClock::dayOf("2025-06-30");
    REQUIRE(day.has_value());
    CHECK(*day == 20'269);
    PinnedDateClock pinned(base, *day);
    CHECK(pinned.nowUnixMillis() == *day * kDay + 3 * 3'600'000 + 25);
    base.advance(1000);
    CHECK(pinned.nowUnixMillis() == *day * kDay + 3 * 3'600'000 + 1025);
    base.advance(kDay);  // the next real day: still the pinned date
    CHECK(pinned.nowUnixMillis() / kDay == *day);
    CHECK(PinnedDateClock::dayOf("1970-01-01") == 0);
    CHECK(PinnedDateClock::dayOf("2024-02-29").has_value());
    for (const char* bad : {"2025-02-29", "2025-13-01", "2025-6-30", "30/06/2025", "2025-06-3x", "", "2025-06-30T00"}) {
        CHECK_FALSE_MESSAGE(PinnedDateClock::dayOf(bad).has_value(), bad);
    }
}

TEST_CASE("init --demo --as-of 2025-06-30: old Lào Cai with its districts, a reviewer per level, the old communes")
{
    TestServer::Options options;
    options.initArgs = {"--demo", "--as-of", "2025-06-30"};
    TestServer server(options);
    REQUIRE(server.started());
    std::map<std::string, json> accounts;
    for (const json& line : server.initOutput()) {
        if (line.value("event", "") == "account") {
            accounts[line["username"].get<std::string>()] = line;
        }
    }
    REQUIRE(accounts.count("huyen082") == 1);
    CHECK(accounts["huyen082"]["role"] == "district_reviewer");
    CHECK(accounts["huyen082"]["unit_code"] == "082");
    CHECK(accounts["duyet10"]["role"] == "provincial_reviewer");
    CHECK(accounts["admin"]["unit_code"] == "10");
    CHECK(accounts["xa02683"]["unit_code"] == "02683");
    CHECK(accounts.count("duyet15") == 0);
    const json config = json::parse(readFile(server.dataDir() / "config.json"));
    CHECK(config["as_of"] == "2025-06-30");

    // On the server's date the district is there, with Thị trấn Bát Xát (today's code 02683 is Xã Bát Xát).
    FlowAccounts flow(server);
    auto client = server.client();
    FlowSession district = flow.ready(client, "huyen082");
    REQUIRE_MESSAGE(district.ok(), district.error);
    auto units = client.get("/api/v1/units", district.accessToken);
    REQUIRE(units.status == 200);
    std::map<std::string, std::string> names;
    const json list = json::parse(units.body);  // kept: the loop refers into it
    for (const json& unit : list["units"]) {
        names[unit["code"].get<std::string>()] = unit["name"].get<std::string>();
    }
    CHECK(names["082"] == "Huyện Bát Xát");
    CHECK(names["02683"] == "Thị trấn Bát Xát");
    CHECK(names.count("02680") == 0);  // a commune of another district
    CHECK(names.count("15") == 0);     // old Yên Bái is another province
}

TEST_CASE("init --as-of with a date that is not one is refused and creates nothing")
{
    TempDir dir("dantoc-as-of");
    const auto data = dir.path() / "data";
    const std::string command = std::string(DANTOC_SERVER_EXE) + " init --data '" + data.string() +
                                "' --demo --as-of 2025-02-30 >/dev/null 2>" + (dir.path() / "err").string();
    const int status = std::system(command.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK_FALSE(std::filesystem::exists(data));
    const std::string message = readFile(dir.path() / "err");
    CHECK(message.find("not a date YYYY-MM-DD") != std::string::npos);
    CHECK(message.find("ngày không hợp lệ") != std::string::npos);
}
