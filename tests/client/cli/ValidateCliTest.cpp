// Runs the real `dantoc validate` binary: exit 0 without errors, 1 with errors and the issue list on stdout,
// 2 with a reason on stderr when an input cannot be read.
#include "support/Files.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using Json = nlohmann::json;
using dantoc::test::readFile;
using dantoc::test::writeFile;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string quote(const std::string& s)
{
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

// Runs `dantoc validate <args>` with an optional environment prefix ("VAR=value").
Run validate(const std::string& args, const fs::path& errFile, const std::string& env = "")
{
    const std::string command = (env.empty() ? "" : env + " ") + quote(DANTOC_CLI) + " validate " + args + " 2>" +
                                quote(errFile.string());
    Run run;
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

const fs::path kForms = dantoc::test::resourcesDir() / "forms";
const fs::path kDemo = dantoc::test::resourcesDir() / "demo";

// A catalogs folder with the codes the demo data uses, in the two formats the tool reads.
fs::path writeCatalogs(const fs::path& root)
{
    const fs::path dir = root / "catalogs";
    fs::create_directories(dir);
    std::string ethnic = "code,name_vi\n";
    for (int i = 1; i <= 54; ++i) {
        ethnic += (i < 10 ? "0" : "") + std::to_string(i) + ",\"Dân tộc " + std::to_string(i) + "\"\n";
    }
    writeFile(dir / "ethnic_groups.csv", ethnic);
    writeFile(dir / "religions.json",
              R"J({"religions": [{"code": "00"}, {"code": "01"}, {"code": "02"}, {"code": "08"}]})J");
    return dir;
}

}  // namespace

TEST_CASE("dantoc validate: the demo commune submission has no errors (exit 0)")
{
    dantoc::test::TempDir temp;
    const fs::path catalogs = writeCatalogs(temp.path());
    const Run run = validate("--form " + quote((kForms / "commune_survey.json").string()) + " --data " +
                                 quote((kDemo / "commune_survey.sample.json").string()) + " --lang vi --catalogs " +
                                 quote(catalogs.string()),
                             temp.path() / "err.txt");
    INFO(run.out << run.err);
    CHECK(run.exitCode == 0);
    const Json report = Json::parse(run.out);
    CHECK(report["valid"] == true);
    REQUIRE(report["issues"].is_array());
    for (const Json& issue : report["issues"]) {
        CHECK(issue["severity"] == "warning");
    }
}

TEST_CASE("dantoc validate: errors give exit 1 and the issue list, in the chosen language")
{
    dantoc::test::TempDir temp;
    const fs::path catalogs = writeCatalogs(temp.path());
    Json data = Json::parse(readFile(kDemo / "commune_survey.sample.json"));
    data["values"].erase("households_total");
    data["values"]["households_poor"] = -4;
    data["values"]["ethnic_groups"][1]["ethnic_code"] = "99";  // not in the catalog
    data["values"]["colour"] = "red";
    writeFile(temp.path() / "data.json", data.dump());
    const std::string args = "--form " + quote((kForms / "commune_survey.json").string()) + " --data " +
                             quote((temp.path() / "data.json").string()) + " --catalogs " + quote(catalogs.string());

    Run run = validate(args, temp.path() / "err.txt");
    INFO(run.out << run.err);
    CHECK(run.exitCode == 1);
    Json report = Json::parse(run.out);
    CHECK(report["valid"] == false);
    const auto find = [&](const std::string& field, const std::string& code) -> Json {
        for (const Json& issue : report["issues"]) {
            if (issue["field"] == field && issue["code"] == code) {
                return issue;
            }
        }
        return nullptr;
    };
    REQUIRE(find("households_total", "required").is_object());
    CHECK(find("households_total", "required")["message"] == "Bắt buộc nhập");
    CHECK(find("households_total", "required")["row"].is_null());
    CHECK(find("households_total", "required")["severity"] == "error");
    CHECK(find("households_poor", "min").is_object());
    CHECK(find("colour", "unknown_field").is_object());
    REQUIRE(find("ethnic_groups.ethnic_code", "not_in_choices").is_object());
    CHECK(find("ethnic_groups.ethnic_code", "not_in_choices")["row"] == 1);

    run = validate(args + " --lang en", temp.path() / "err.txt");
    CHECK(run.exitCode == 1);
    report = Json::parse(run.out);
    CHECK(find("households_total", "required")["message"] == "Required");
}

TEST_CASE("dantoc validate: catalogs found through DANTOC_RESOURCES")
{
    dantoc::test::TempDir temp;
    writeCatalogs(temp.path());
    Json data = Json::parse(readFile(kDemo / "commune_survey.sample.json"));
    data["values"]["religions_present"] = Json::array({"01", "77"});
    writeFile(temp.path() / "data.json", data.dump());
    const Run run = validate("--form " + quote((kForms / "commune_survey.json").string()) + " --data " +
                                 quote((temp.path() / "data.json").string()),
                             temp.path() / "err.txt", "DANTOC_RESOURCES=" + quote(temp.path().string()));
    INFO(run.out << run.err);
    CHECK(run.exitCode == 1);
    CHECK(run.out.find("\"not_in_choices\"") != std::string::npos);
    CHECK(run.out.find("77") != std::string::npos);
}

TEST_CASE("dantoc validate: unreadable or malformed inputs give exit 2 and a reason on stderr")
{
    dantoc::test::TempDir temp;
    const fs::path catalogs = writeCatalogs(temp.path());
    const std::string demo = quote((kDemo / "commune_survey.sample.json").string());
    const std::string form = quote((kForms / "commune_survey.json").string());
    const std::string cat = " --catalogs " + quote(catalogs.string());

    Run run = validate("--form " + quote((temp.path() / "missing.json").string()) + " --data " + demo + cat,
                       temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("cannot read") != std::string::npos);

    writeFile(temp.path() / "broken.json", R"J({"id": "x", "version": 1, "title": {"vi": "X"}, "unit_level": "village",
        "period_type": "yearly", "sections": [{"id": "s", "title": {"vi": "S"}, "fields": [
        {"name": "a", "label": {"vi": "A"}, "type": "integer", "constraint": "a <= (b"}]}]})J");
    run = validate("--form " + quote((temp.path() / "broken.json").string()) + " --data " + demo + cat,
                   temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("sections[0].fields[0].constraint: 1:") != std::string::npos);

    writeFile(temp.path() / "notjson.json", "{\"form\": ");
    run = validate("--form " + form + " --data " + quote((temp.path() / "notjson.json").string()) + cat,
                   temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("invalid data") != std::string::npos);

    run = validate("--form " + form + cat, temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("--data") != std::string::npos);

    run = validate("--form " + form + " --data " + demo + " --lang fr" + cat, temp.path() / "err.txt");
    CHECK(run.exitCode == 2);

    run = validate("--form " + form + " --data " + demo + " --bogus" + cat, temp.path() / "err.txt");
    CHECK(run.exitCode == 2);

    run = validate("--form " + form + " --data " + demo + " --catalogs " + quote((temp.path() / "nope").string()),
                   temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("catalogs") != std::string::npos);
}

TEST_CASE("dantoc validate: --previous feeds prev() and --today fixes today()")
{
    dantoc::test::TempDir temp;
    const fs::path catalogs = writeCatalogs(temp.path());
    Json previous = Json::parse(readFile(kDemo / "commune_survey.sample.json"));
    previous["period"] = "2024";
    previous["values"]["households_poor"] = 300;  // 612 now: more than 30% up
    writeFile(temp.path() / "previous.json", previous.dump());
    const std::string args = "--form " + quote((kForms / "commune_survey.json").string()) + " --data " +
                             quote((kDemo / "commune_survey.sample.json").string()) + " --catalogs " +
                             quote(catalogs.string());
    Run run = validate(args + " --previous " + quote((temp.path() / "previous.json").string()), temp.path() / "err.txt");
    INFO(run.out << run.err);
    CHECK(run.exitCode == 1);  // the change warning has no note
    CHECK(run.out.find("\"warning_unexplained\"") != std::string::npos);

    run = validate(args + " --today 2025-07-01", temp.path() / "err.txt");  // survey_date 2025-07-15 is after
    CHECK(run.exitCode == 1);
    run = validate(args + " --today 2025-07-15", temp.path() / "err.txt");
    CHECK(run.exitCode == 0);
    run = validate(args + " --today 2025-13-01", temp.path() / "err.txt");
    CHECK(run.exitCode == 2);
}
