// Every shipped form template (resources/forms) and the reference example (tests/data/forms/example.json, the
// one shared/docs/form-format.md shows) parses, and every demo submission (resources/demo) validates without
// errors against its form.
#include "validation/Validate.h"

#include "support/Files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

namespace fs = std::filesystem;
using dantoc::Json;
using dantoc::forms::FormTemplate;
using dantoc::forms::Submission;
using dantoc::test::readFile;

namespace {

std::string describe(const std::vector<dantoc::validation::Issue>& issues)
{
    std::string out;
    for (const auto& i : issues) {
        out += i.field + (i.row ? "[" + std::to_string(*i.row) + "]" : "") + " " + i.code + " (" +
               std::string(dantoc::forms::severityName(i.severity)) + "): " + i.message + "\n";
    }
    return out;
}

dantoc::validation::ValidationOptions options()
{
    dantoc::validation::ValidationOptions o;
    o.today = dantoc::expr::dateFromCivil(2025, 11, 23);
    return o;
}

}  // namespace

TEST_CASE("every shipped form parses and is a real questionnaire")
{
    const fs::path dir = dantoc::test::resourcesDir() / "forms";
    std::set<std::string> ids;
    for (const char* name : {"commune_survey.json", "village_survey.json", "household_survey.json"}) {
        INFO(std::string(name));
        const auto form = FormTemplate::parse(readFile(dir / name));
        REQUIRE_MESSAGE(form.isOk(), form.status().message());
        CHECK(ids.insert(form->id()).second);
        CHECK(fs::path(name).stem() == form->id());
        CHECK(form->fields().size() >= 25);
        CHECK_FALSE(form->checks().empty());
        CHECK_FALSE(form->title().vi.empty());
        CHECK_FALSE(form->title().en.empty());
        bool roster = false;
        bool catalogChoice = false;
        for (const auto& field : form->fields()) {
            CHECK_FALSE(field.label.vi.empty());
            CHECK_FALSE(field.label.en.empty());
            roster = roster || field.isRoster();
            catalogChoice = catalogChoice || field.choicesFrom == "ethnic_groups";
        }
        CHECK(roster);
        CHECK(catalogChoice);
    }
    // any further form dropped into resources/forms must parse too
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".json") {
            INFO(entry.path().string());
            const auto form = FormTemplate::parse(readFile(entry.path()));
            CHECK_MESSAGE(form.isOk(), form.status().message());
        }
    }
}

TEST_CASE("the reference example of form-format.md parses and uses every field type")
{
    const auto form = FormTemplate::parse(readFile(dantoc::test::testDataDir() / "forms" / "example.json"));
    REQUIRE_MESSAGE(form.isOk(), form.status().message());
    std::set<std::string> types;
    bool relevant = false;
    bool constraint = false;
    bool catalog = false;
    for (const auto& field : form->fields()) {
        types.insert(std::string(dantoc::forms::fieldTypeName(field.type)));
        relevant = relevant || field.relevant.has_value();
        constraint = constraint || !field.constraints.empty();
        catalog = catalog || !field.choicesFrom.empty();
    }
    CHECK(types.size() == 11);
    CHECK(relevant);
    CHECK(constraint);
    CHECK(catalog);
    CHECK_FALSE(form->checks().empty());

    // the doc embeds this very file between its ```json fences
    const std::string doc = readFile(fs::path(DANTOC_SOURCE_DIR) / "shared" / "docs" / "form-format.md");
    const std::string example = readFile(dantoc::test::testDataDir() / "forms" / "example.json");
    CHECK_MESSAGE(doc.find(example) != std::string::npos,
                  "shared/docs/form-format.md must contain tests/data/forms/example.json verbatim");

    // and its example submission, which has no issue at all
    const std::string submissionText = readFile(dantoc::test::testDataDir() / "forms" / "example.submission.json");
    CHECK(doc.find(submissionText) != std::string::npos);
    const auto submission = Submission::parse(submissionText);
    REQUIRE_MESSAGE(submission.isOk(), submission.status().message());
    const auto issues = dantoc::validation::validate(*form, *submission, options());
    CHECK_MESSAGE(issues.empty(), describe(issues));
}

TEST_CASE("every demo submission validates against its form without errors")
{
    const fs::path demo = dantoc::test::resourcesDir() / "demo";
    int checked = 0;
    for (const char* name : {"commune_survey", "village_survey", "household_survey"}) {
        INFO(std::string(name));
        const auto form = FormTemplate::parse(readFile(dantoc::test::resourcesDir() / "forms" / (std::string(name) + ".json")));
        REQUIRE(form.isOk());
        const auto submission = Submission::parse(readFile(demo / (std::string(name) + ".sample.json")));
        REQUIRE_MESSAGE(submission.isOk(), submission.status().message());
        const auto issues = dantoc::validation::validate(*form, *submission, options());
        CHECK_MESSAGE(!dantoc::validation::hasErrors(issues), describe(issues));
        ++checked;
    }
    CHECK(checked == 3);
}
