// ValidationSession: after any sequence of edits, the incrementally maintained issues equal a validation
// from scratch of the edited submission (property test with a fixed seed), and a change re-evaluates only
// what depends on it.
#include "validation/Validate.h"

#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>

using dantoc::Json;
using dantoc::expr::dateFromCivil;
using dantoc::forms::FormTemplate;
using dantoc::forms::Submission;
using dantoc::validation::Issue;
using dantoc::validation::validate;
using dantoc::validation::ValidationOptions;
using dantoc::validation::ValidationSession;

namespace {

// Chains on purpose: computed reading computed, relevance reading computed, rows reading top-level fields,
// top-level fields and checks reading roster columns, a roster whose relevance depends on a field.
const FormTemplate& form()
{
    static const FormTemplate parsed = [] {
        auto result = FormTemplate::parse(R"J({
          "id": "chain", "version": 1, "title": {"vi": "Chuỗi phụ thuộc"}, "unit_level": "commune",
          "period_type": "yearly",
          "sections": [{"id": "a", "title": {"vi": "A"}, "fields": [
            {"name": "total", "label": {"vi": "Tổng"}, "type": "integer", "min": 0, "max": 1000, "required": true},
            {"name": "male", "label": {"vi": "Nam"}, "type": "integer", "min": 0},
            {"name": "female", "label": {"vi": "Nữ"}, "type": "integer", "min": 0},
            {"name": "sum_mf", "label": {"vi": "Nam + nữ"}, "type": "computed", "result_type": "integer",
             "calculate": "male + female"},
            {"name": "gap", "label": {"vi": "Chênh lệch"}, "type": "computed", "result_type": "integer",
             "calculate": "total - sum_mf", "min": 0},
            {"name": "gap_reason", "label": {"vi": "Lý do"}, "type": "text", "relevant": "gap > 0",
             "required": true, "min_length": 3},
            {"name": "has_rows", "label": {"vi": "Có danh sách"}, "type": "boolean"},
            {"name": "limit", "label": {"vi": "Giới hạn"}, "type": "integer", "required": "has_rows = true"},
            {"name": "people", "label": {"vi": "Người"}, "type": "roster", "relevant": "has_rows = true",
             "max_rows": 6, "fields": [
               {"name": "age", "label": {"vi": "Tuổi"}, "type": "integer", "min": 0, "max": 120, "required": true},
               {"name": "adult", "label": {"vi": "Người lớn"}, "type": "computed", "result_type": "boolean",
                "calculate": ".age >= 18"},
               {"name": "job", "label": {"vi": "Nghề"}, "type": "choice", "relevant": ".adult = true",
                "required": true, "choices": [{"code": "farm", "label": {"vi": "Nông"}},
                                              {"code": "other", "label": {"vi": "Khác"}}]},
               {"name": "over", "label": {"vi": "Vượt"}, "type": "boolean", "constraint": ".age <= limit or .over = true",
                "message": {"vi": "Vượt giới hạn"}, "severity": "warning"}
             ]},
            {"name": "oldest", "label": {"vi": "Lớn tuổi nhất"}, "type": "computed", "result_type": "integer",
             "calculate": "max(people.age)"},
            {"name": "note", "label": {"vi": "Ghi chú"}, "type": "text", "relevant": "oldest > 60"}
          ]}],
          "checks": [
            {"id": "mf_total", "expression": "sum_mf = total", "message": {"vi": "Nam + nữ khác tổng"},
             "fields": ["male", "female", "total"]},
            {"id": "rows_le_total", "expression": "count(people) <= total", "message": {"vi": "Nhiều dòng hơn tổng"},
             "severity": "warning", "fields": ["people"]}
          ]})J");
        REQUIRE_MESSAGE(result.isOk(), result.status().message());
        return std::move(result).value();
    }();
    return parsed;
}

ValidationOptions options()
{
    ValidationOptions o;
    o.today = dateFromCivil(2025, 11, 23);
    return o;
}

Submission emptySubmission()
{
    Submission s;
    s.formId = "chain";
    s.formVersion = 1;
    s.unit = "08001";
    s.period = "2025";
    return s;
}

std::string rowId(std::mt19937& random)
{
    static const char* hex = "0123456789abcdef";
    std::string id = "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx";
    for (char& c : id) {
        if (c == 'x') {
            c = hex[random() % 16];
        }
    }
    return id;
}

std::string describe(const std::vector<Issue>& issues)
{
    std::string out;
    for (const Issue& i : issues) {
        out += i.field + (i.row ? "[" + std::to_string(*i.row) + "]" : "") + " " + i.code + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("incremental revalidation equals full validation after random edits")
{
    std::mt19937 random(20251123);
    const Json numbers[] = {nullptr, 0, 1, 5, 17, 18, 30, 61, 80, 200, 2000, -3, 2.5, "7", true};
    const Json texts[] = {nullptr, "", "ab", "abc def", 3};
    const Json booleans[] = {nullptr, true, false, "true"};
    const Json jobs[] = {nullptr, "farm", "other", "fishing", 1};
    const char* topInts[] = {"total", "male", "female", "limit", "sum_mf", "gap"};
    const char* topTexts[] = {"gap_reason", "note"};

    std::set<std::string> codesSeen;
    std::size_t maxRows = 0;
    for (int run = 0; run < 20; ++run) {
        ValidationSession session(form(), emptySubmission(), options());
        for (int step = 0; step < 150; ++step) {
            const auto pick = random() % 100;
            auto rows = session.submission().values.contains("people") ? session.submission().values["people"].size()
                                                                        : 0;
            if (pick < 30) {
                const Json& v = numbers[random() % std::size(numbers)];
                REQUIRE(session.setValue(topInts[random() % std::size(topInts)], v).isOk());
            } else if (pick < 38) {
                REQUIRE(session.setValue(topTexts[random() % std::size(topTexts)], texts[random() % std::size(texts)]).isOk());
            } else if (pick < 46) {
                REQUIRE(session.setValue("has_rows", booleans[random() % std::size(booleans)]).isOk());
            } else if (pick < 54 || rows == 0) {
                if (rows < 8) {
                    REQUIRE(session.addRow("people", rowId(random)).isOk());
                }
            } else if (pick < 58) {
                REQUIRE(session.removeRow("people", random() % rows).isOk());
            } else if (pick < 75) {
                REQUIRE(session.setCell("people", random() % rows, "age", numbers[random() % std::size(numbers)]).isOk());
            } else if (pick < 85) {
                REQUIRE(session.setCell("people", random() % rows, "job", jobs[random() % std::size(jobs)]).isOk());
            } else if (pick < 95) {
                REQUIRE(session.setCell("people", random() % rows, "over", booleans[random() % std::size(booleans)]).isOk());
            } else {
                session.setNote("check:rows_le_total", random() % 2 == 0 ? "" : "đã kiểm tra");
            }
            const auto full = validate(form(), session.submission(), options());
            const auto& incremental = session.issues();
            for (const Issue& issue : full) {
                codesSeen.insert(issue.code);
            }
            maxRows = std::max<std::size_t>(maxRows, rows);
            if (incremental != full) {
                FAIL("run " << run << " step " << step << "\nincremental:\n"
                            << describe(incremental) << "full:\n"
                            << describe(full) << "submission: " << session.submission().toJson().dump());
            }
        }
    }
    // the walk reached the interesting states
    CHECK(maxRows >= 5);
    for (const char* code : {"required", "type", "min", "max", "min_length", "not_in_choices", "constraint", "check",
                             "warning_unexplained", "not_relevant_value", "computed_mismatch", "roster_max_rows"}) {
        CHECK_MESSAGE(codesSeen.count(code) == 1, code);
    }
}

TEST_CASE("a change re-evaluates only what depends on it")
{
    Submission s = emptySubmission();
    s.values = Json::parse(R"J({"total": 10, "male": 5, "female": 5, "has_rows": true, "limit": 50, "people": []})J");
    for (int i = 0; i < 20; ++i) {
        s.values["people"].push_back(
            {{"_id", "00000000-0000-4000-8000-0000000000" + std::to_string(10 + i)}, {"age", 20 + i}, {"job", "farm"}});
    }
    ValidationSession session(form(), s, options());
    const std::size_t everything = session.lastEvaluationCount();
    CHECK(everything > 80);

    // one cell's age: that row's age, adult, job and over, the oldest and note fields, the count check is not read
    REQUIRE(session.setCell("people", 3, "age", Json(40)).isOk());
    CHECK(session.lastEvaluationCount() <= 8);
    CHECK(session.lastEvaluationCount() >= 4);

    // limit is read by every row's constraint
    REQUIRE(session.setValue("limit", Json(30)).isOk());
    CHECK(session.lastEvaluationCount() >= 21);
    CHECK(session.lastEvaluationCount() < everything);

    // a note field nobody reads
    REQUIRE(session.setValue("gap_reason", Json("abc")).isOk());
    CHECK(session.lastEvaluationCount() == 1);

    // the API refuses what it cannot apply
    CHECK(session.setValue("nope", Json(1)).code() == dantoc::ErrorCode::NotFound);
    CHECK(session.setValue("people", Json(1)).code() == dantoc::ErrorCode::InvalidArgument);
    CHECK(session.setValue("people.age", Json(1)).code() == dantoc::ErrorCode::InvalidArgument);
    CHECK(session.setCell("people", 99, "age", Json(1)).code() == dantoc::ErrorCode::NotFound);
    CHECK(session.setCell("people", 0, "height", Json(1)).code() == dantoc::ErrorCode::NotFound);
    CHECK(session.addRow("people", "not-a-uuid").status().code() == dantoc::ErrorCode::InvalidArgument);
    CHECK(session.addRow("people", "00000000-0000-4000-8000-000000000010").status().code() ==
          dantoc::ErrorCode::AlreadyExists);
    CHECK(session.removeRow("people", 20).code() == dantoc::ErrorCode::NotFound);
}

TEST_CASE("edits are reflected in the submission the session holds")
{
    ValidationSession session(form(), emptySubmission(), options());
    REQUIRE(session.setValue("total", Json(4)).isOk());
    REQUIRE(session.setValue("has_rows", Json(true)).isOk());
    const auto row = session.addRow("people", "00000000-0000-4000-8000-000000000001");
    REQUIRE(row.isOk());
    REQUIRE(session.setCell("people", *row, "age", Json(70)).isOk());
    const Json& values = session.submission().values;
    CHECK(values["total"] == 4);
    CHECK(values["people"][0]["_id"] == "00000000-0000-4000-8000-000000000001");
    CHECK(values["people"][0]["age"] == 70);
    CHECK(session.value("oldest") == dantoc::expr::Value::number(70));
    CHECK(session.cellValue("people", 0, "adult") == dantoc::expr::Value::boolean(true));
    CHECK(session.isRelevant("note"));
    REQUIRE(session.setValue("total", Json(nullptr)).isOk());
    CHECK_FALSE(session.submission().values.contains("total"));
    REQUIRE(session.removeRow("people", 0).isOk());
    CHECK(session.submission().values["people"].empty());
    CHECK(session.value("oldest").isNull());
}

TEST_CASE("a roster that does not apply reports its rows once, at the roster, and counts as empty")
{
    Submission s = emptySubmission();
    s.values = Json::parse(R"J({"total": 3, "male": 1, "female": 2, "has_rows": false, "people": [
        {"_id": "00000000-0000-4000-8000-000000000001", "age": 70, "job": "farm"},
        {"_id": "00000000-0000-4000-8000-000000000002", "age": 10}]})J");
    const auto issues = validate(form(), s, options());
    int notRelevant = 0;
    for (const Issue& issue : issues) {
        if (issue.code == "not_relevant_value") {
            ++notRelevant;
            CHECK(issue.field == "people");
            CHECK_FALSE(issue.row.has_value());
        }
    }
    CHECK_MESSAGE(notRelevant == 1, describe(issues));
    ValidationSession session(form(), s, options());
    CHECK(session.value("oldest").isNull());  // max() of a roster that does not apply
    CHECK(session.value("people").isNull());
    CHECK_FALSE(session.isRelevant("people.age"));
    REQUIRE(session.setValue("has_rows", Json(true)).isOk());
    CHECK(session.value("oldest") == dantoc::expr::Value::number(70));
    CHECK(session.isRelevant("people.age"));
}
