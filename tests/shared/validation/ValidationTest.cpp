// validate(): every rule, rosters with row indices, relevant/required, warnings needing notes, computed
// mismatches, prev(), language selection, hostile submissions.
#include "validation/Validate.h"

#include "forms/StaticChoiceLists.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using dantoc::Json;
using dantoc::expr::dateFromCivil;
using dantoc::forms::FormTemplate;
using dantoc::forms::Language;
using dantoc::forms::Severity;
using dantoc::forms::StaticChoiceLists;
using dantoc::forms::Submission;
using dantoc::validation::Issue;
using dantoc::validation::validate;
using dantoc::validation::ValidationOptions;

namespace {

const char* const kRowA = "1b0c7f3e-2a4d-4e5f-8a9b-0c1d2e3f4a5b";
const char* const kRowB = "2c1d8a4f-3b5e-4f60-9bac-1d2e3f4a5b6c";

const FormTemplate& form()
{
    static const FormTemplate parsed = [] {
        auto result = FormTemplate::parse(R"J({
          "id": "village_test", "version": 1, "title": {"vi": "Phiếu thôn", "en": "Village form"},
          "unit_level": "village", "period_type": "half_yearly",
          "sections": [{"id": "s", "title": {"vi": "Chung"}, "fields": [
            {"name": "households_total", "label": {"vi": "Tổng số hộ"}, "type": "integer", "min": 0, "max": 5000,
             "required": true},
            {"name": "households_poor", "label": {"vi": "Hộ nghèo"}, "type": "integer", "min": 0,
             "constraints": [
               {"expression": "households_poor <= households_total",
                "message": {"vi": "Số hộ nghèo vượt tổng số hộ", "en": "Poor households exceed the total"}},
               {"expression": "prev(households_poor) = null or households_poor <= prev(households_poor) * 2",
                "message": {"vi": "Số hộ nghèo tăng hơn gấp đôi so với kỳ trước"}, "severity": "warning"}]},
            {"name": "poor_rate", "label": {"vi": "Tỷ lệ nghèo"}, "type": "computed", "result_type": "decimal",
             "calculate": "households_poor * 100 / households_total", "max": 100},
            {"name": "head_name", "label": {"vi": "Trưởng thôn"}, "type": "text", "min_length": 2, "max_length": 10,
             "regex": "[^0-9]+"},
            {"name": "survey_date", "label": {"vi": "Ngày điều tra"}, "type": "date", "min": "2024-01-01",
             "max": "2026-12-31", "constraint": "survey_date <= today()", "message": {"vi": "Ngày trong tương lai"}},
            {"name": "road", "label": {"vi": "Loại đường"}, "type": "choice",
             "choices": [{"code": "paved", "label": {"vi": "Nhựa"}}, {"code": "dirt", "label": {"vi": "Đất"}}]},
            {"name": "services", "label": {"vi": "Dịch vụ"}, "type": "choices",
             "choices": [{"code": "power", "label": {"vi": "Điện"}}, {"code": "water", "label": {"vi": "Nước"}}]},
            {"name": "has_school", "label": {"vi": "Có trường"}, "type": "boolean", "required": true},
            {"name": "school_km", "label": {"vi": "Khoảng cách đến trường"}, "type": "decimal",
             "relevant": "has_school = false", "required": true, "min": 0},
            {"name": "centre", "label": {"vi": "Tọa độ"}, "type": "gps"},
            {"name": "scan", "label": {"vi": "Bản quét"}, "type": "attachment", "required": "households_total > 100"},
            {"name": "religion", "label": {"vi": "Tôn giáo chính"}, "type": "choice", "choices_from": "religions"},
            {"name": "members", "label": {"vi": "Hộ"}, "type": "roster", "min_rows": 1, "max_rows": 3,
             "fields": [
               {"name": "head", "label": {"vi": "Chủ hộ"}, "type": "text", "required": true},
               {"name": "size", "label": {"vi": "Số nhân khẩu"}, "type": "integer", "min": 1,
                "constraint": "prev(.size) = null or .size <= prev(.size) + 5",
                "message": {"vi": "Nhân khẩu tăng bất thường"}, "severity": "warning"},
               {"name": "is_poor", "label": {"vi": "Hộ nghèo"}, "type": "boolean"},
               {"name": "poor_since", "label": {"vi": "Nghèo từ năm"}, "type": "integer", "relevant": ".is_poor = true",
                "required": true}
             ]}
          ]}],
          "checks": [
            {"id": "poor_households_match", "expression": "count(members) = 0 or households_poor >= 0",
             "message": {"vi": "x"}},
            {"id": "roster_poor_le_total", "expression": "sum(members.size) <= households_total * 20",
             "message": {"vi": "Tổng nhân khẩu quá lớn so với số hộ", "en": "Too many people for the households"},
             "severity": "warning", "fields": ["households_total", "members"]}
          ]
        })J");
        REQUIRE_MESSAGE(result.isOk(), result.status().message());
        return std::move(result).value();
    }();
    return parsed;
}

Json goodValues()
{
    Json v = Json::parse(R"J({
      "households_total": 80, "households_poor": 10, "head_name": "Lò Văn A", "survey_date": "2025-07-01",
      "road": "paved", "services": ["power"], "has_school": true,
      "centre": {"lat": 22.33, "lon": 103.84, "accuracy": 12}, "religion": "01",
      "members": [{"head": "Lò Văn A", "size": 4, "is_poor": false},
                  {"head": "Giàng Thị B", "size": 6, "is_poor": true, "poor_since": 2020}]
    })J");
    v["members"][0]["_id"] = kRowA;
    v["members"][1]["_id"] = kRowB;
    return v;
}

Submission submissionWith(const Json& values)
{
    Submission s;
    s.formId = "village_test";
    s.formVersion = 1;
    s.unit = "0164500001";
    s.period = "2025-H2";
    s.values = values;
    return s;
}

ValidationOptions options(Language language = Language::Vi)
{
    static const StaticChoiceLists catalogs = [] {
        StaticChoiceLists lists;
        lists.add("religions", {"00", "01", "02"});
        return lists;
    }();
    ValidationOptions o;
    o.language = language;
    o.today = dateFromCivil(2025, 11, 23);
    o.catalogs = &catalogs;
    return o;
}

std::vector<Issue> run(const Json& values, const ValidationOptions& o = options())
{
    return validate(form(), submissionWith(values), o);
}

// The issues with this code (and field, if given).
std::vector<Issue> with(const std::vector<Issue>& issues, const std::string& code, const std::string& field = "")
{
    std::vector<Issue> out;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(out),
                 [&](const Issue& i) { return i.code == code && (field.empty() || i.field == field); });
    return out;
}

std::string describe(const std::vector<Issue>& issues)
{
    std::string out;
    for (const Issue& i : issues) {
        out += i.field + (i.row ? "[" + std::to_string(*i.row) + "]" : "") + " " + i.code + ": " + i.message + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a correct submission has no issues")
{
    const auto issues = run(goodValues());
    CHECK_MESSAGE(issues.empty(), describe(issues));
}

TEST_CASE("required applies only when relevant")
{
    Json v = goodValues();
    v.erase("households_total");
    auto issues = run(v);
    REQUIRE(with(issues, "required", "households_total").size() == 1);
    CHECK(with(issues, "required", "households_total")[0].message == "Bắt buộc nhập");
    CHECK(with(issues, "required", "households_total")[0].severity == Severity::Error);
    CHECK_FALSE(with(issues, "required", "households_total")[0].row.has_value());

    v = goodValues();
    v["households_total"] = nullptr;  // null counts as unanswered
    CHECK(with(run(v), "required", "households_total").size() == 1);

    // school_km is required but only relevant without a school
    v = goodValues();
    CHECK(with(run(v), "required", "school_km").empty());
    v["has_school"] = false;
    CHECK(with(run(v), "required", "school_km").size() == 1);
    v["school_km"] = 3.5;
    CHECK(run(v).empty());

    // required as an expression
    v = goodValues();
    v["households_total"] = 150;
    CHECK(with(run(v), "required", "scan").size() == 1);
    v["scan"] = {{"sha256", std::string(64, 'a')}, {"name", "phieu.pdf"}, {"size", 1024}, {"mime", "application/pdf"}};
    CHECK(with(run(v), "required", "scan").empty());
}

TEST_CASE("a value in a field that is not relevant is reported as a warning, and expressions see null")
{
    Json v = goodValues();
    v["school_km"] = 2;  // has_school is true, so school_km does not apply
    const auto issues = run(v);
    REQUIRE(with(issues, "not_relevant_value", "school_km").size() == 1);
    CHECK(with(issues, "not_relevant_value", "school_km")[0].severity == Severity::Warning);
    CHECK(with(issues, "warning_unexplained").empty());  // built-in warnings need no note
}

TEST_CASE("wrong types are reported, never dropped")
{
    Json v = goodValues();
    v["households_total"] = "80";
    v["households_poor"] = 2.5;
    v["head_name"] = 7;
    v["survey_date"] = "01/07/2025";
    v["road"] = Json::array({"paved"});
    v["services"] = "power";
    v["has_school"] = "yes";
    v["centre"] = {{"lat", 95}, {"lon", 100}};
    v["scan"] = {{"sha256", "abc"}, {"name", "x"}, {"size", 1}, {"mime", "a/b"}};
    const auto issues = run(v);
    for (const char* field : {"households_total", "households_poor", "head_name", "survey_date", "road", "services",
                              "has_school", "centre", "scan"}) {
        CHECK_MESSAGE(with(issues, "type", field).size() == 1, field);
    }
    CHECK(with(issues, "type", "households_total")[0].message == "Sai kiểu dữ liệu: cần số nguyên");
    // a mistyped required field is reported as mistyped, not as missing
    CHECK(with(issues, "required", "households_total").empty());

    v = goodValues();
    v["services"] = Json::array({"power", "power"});
    CHECK(with(run(v), "type", "services").size() == 1);
    v["centre"] = {{"lat", 1}, {"lon", 2}, {"alt", 3}};
    CHECK(with(run(v), "type", "centre").size() == 1);
    v = goodValues();
    v["households_total"] = 1e300;  // not a whole number that fits
    CHECK(with(run(v), "type", "households_total").size() == 1);
    v["households_total"] = 80.0;  // written as a float but whole
    CHECK(with(run(v), "type", "households_total").empty());
    v["members"] = "many";
    CHECK(with(run(v), "type", "members").size() == 1);
}

TEST_CASE("unknown fields are reported, at top level and in roster rows")
{
    Json v = goodValues();
    v["households_rich"] = 3;
    v["members"][1]["pets"] = 2;
    const auto issues = run(v);
    REQUIRE(with(issues, "unknown_field", "households_rich").size() == 1);
    REQUIRE(with(issues, "unknown_field", "members.pets").size() == 1);
    CHECK(with(issues, "unknown_field", "members.pets")[0].row == 1u);
    CHECK(with(issues, "unknown_field", "members.pets")[0].rowId == kRowB);
    // a roster column named without its roster is unknown at top level
    v = goodValues();
    v["head"] = "x";
    CHECK(with(run(v), "unknown_field", "head").size() == 1);
}

TEST_CASE("min, max, lengths, regex and choices")
{
    Json v = goodValues();
    v["households_total"] = 6000;
    v["head_name"] = "A";
    v["road"] = "gravel";
    v["services"] = Json::array({"power", "internet"});
    v["survey_date"] = "2023-12-31";
    v["religion"] = "99";
    auto issues = run(v);
    REQUIRE(with(issues, "max", "households_total").size() == 1);
    CHECK(with(issues, "max", "households_total")[0].message == "Giá trị phải ≤ 5000");
    CHECK(with(issues, "min_length", "head_name").size() == 1);
    CHECK(with(issues, "not_in_choices", "road").size() == 1);
    CHECK(with(issues, "not_in_choices", "services").size() == 1);
    CHECK(with(issues, "not_in_choices", "services")[0].message.find("internet") != std::string::npos);
    REQUIRE(with(issues, "min", "survey_date").size() == 1);
    CHECK(with(issues, "min", "survey_date")[0].message == "Giá trị phải ≥ 2024-01-01");
    CHECK(with(issues, "not_in_choices", "religion").size() == 1);

    v = goodValues();
    v["head_name"] = "Lò Văn Ánh Sáng";  // 15 code points
    v["households_poor"] = -1;
    issues = run(v);
    CHECK(with(issues, "max_length", "head_name").size() == 1);
    CHECK(with(issues, "min", "households_poor").size() == 1);
    v["head_name"] = "Lò Văn Ánh";  // 10 code points, more bytes: fits
    CHECK(with(run(v), "max_length", "head_name").empty());
    v["head_name"] = "Thôn 3";
    CHECK(with(run(v), "regex", "head_name").size() == 1);

    // without a catalog for the list, catalog codes are not checked
    ValidationOptions o = options();
    o.catalogs = nullptr;
    v = goodValues();
    v["religion"] = "99";
    CHECK(with(run(v, o), "not_in_choices").empty());
}

TEST_CASE("constraints are checked once their field is answered, with custom messages and severity")
{
    Json v = goodValues();
    v["households_poor"] = 90;
    auto issues = run(v);
    REQUIRE(with(issues, "constraint", "households_poor").size() == 1);
    CHECK(with(issues, "constraint", "households_poor")[0].message == "Số hộ nghèo vượt tổng số hộ");
    CHECK(run(v, options(Language::En))[0].message == "Poor households exceed the total");

    v = goodValues();
    v.erase("households_poor");
    CHECK(with(run(v), "constraint").empty());

    v = goodValues();
    v["survey_date"] = "2025-12-01";  // after today()
    CHECK(with(run(v), "constraint", "survey_date").size() == 1);
}

TEST_CASE("computed fields are recomputed; a submitted value that differs is reported")
{
    Json v = goodValues();
    v["poor_rate"] = 12.5;  // 10 * 100 / 80
    CHECK(run(v).empty());
    v["poor_rate"] = 13;
    auto issues = run(v);
    REQUIRE(with(issues, "computed_mismatch", "poor_rate").size() == 1);
    CHECK(with(issues, "computed_mismatch", "poor_rate")[0].message.find("12.5") != std::string::npos);
    v["poor_rate"] = "12.5";
    CHECK(with(run(v), "computed_mismatch", "poor_rate").size() == 1);
    // rules apply to the computed value too
    v = goodValues();
    v["households_total"] = 5;
    v["households_poor"] = 10;
    issues = run(v);
    CHECK(with(issues, "max", "poor_rate").size() == 1);
    CHECK(with(issues, "constraint", "households_poor").size() == 1);

    dantoc::validation::ValidationSession session(form(), submissionWith(goodValues()), options());
    CHECK(session.value("poor_rate") == dantoc::expr::Value::number(12.5));
}

TEST_CASE("roster rows: row indices and ids, min/max rows, row ids, relevance inside rows")
{
    Json v = goodValues();
    v["members"][1].erase("poor_since");  // is_poor true: poor_since required
    v["members"][0]["size"] = 0;
    auto issues = run(v);
    REQUIRE(with(issues, "required", "members.poor_since").size() == 1);
    CHECK(with(issues, "required", "members.poor_since")[0].row == 1u);
    CHECK(with(issues, "required", "members.poor_since")[0].rowId == kRowB);
    REQUIRE(with(issues, "min", "members.size").size() == 1);
    CHECK(with(issues, "min", "members.size")[0].row == 0u);

    v = goodValues();
    v["members"][0]["poor_since"] = 2019;  // is_poor false in row 0
    issues = run(v);
    REQUIRE(with(issues, "not_relevant_value", "members.poor_since").size() == 1);
    CHECK(with(issues, "not_relevant_value", "members.poor_since")[0].row == 0u);

    v = goodValues();
    v["members"] = Json::array();
    CHECK(with(run(v), "roster_min_rows", "members").size() == 1);
    CHECK(with(run(v), "required", "members").empty());  // not required, only min_rows
    v["members"] = Json::array();
    for (int i = 0; i < 4; ++i) {
        v["members"].push_back({{"_id", "0000000" + std::to_string(i) + "-0000-4000-8000-000000000000"},
                                {"head", "X"}, {"size", 1}});
    }
    issues = run(v);
    REQUIRE(with(issues, "roster_max_rows", "members").size() == 1);
    CHECK(with(issues, "roster_max_rows", "members")[0].message == "Không được quá 3 dòng");

    v = goodValues();
    v["members"][1]["_id"] = kRowA;
    CHECK(with(run(v), "duplicate_row_id", "members").size() == 1);
    v["members"][1].erase("_id");
    issues = run(v);
    REQUIRE(with(issues, "row_id", "members").size() == 1);
    CHECK(with(issues, "row_id", "members")[0].row == 1u);
    v["members"][1] = 5;
    CHECK(with(run(v), "type", "members").size() == 1);
}

TEST_CASE("warnings need an explanation note; a note silences only the unexplained error")
{
    Json v = goodValues();
    v["households_total"] = 1;  // 10 people > 1 * 20? no: 10 <= 20
    v["households_poor"] = 1;
    v["members"][0]["size"] = 30;  // 36 people > 20
    Submission s = submissionWith(v);
    auto issues = validate(form(), s, options());
    REQUIRE(with(issues, "check").size() == 1);
    const Issue check = with(issues, "check")[0];
    CHECK(check.severity == Severity::Warning);
    CHECK(check.field == "households_total");
    CHECK(check.check == "roster_poor_le_total");
    CHECK_FALSE(check.row.has_value());
    REQUIRE(with(issues, "warning_unexplained").size() == 1);
    CHECK(with(issues, "warning_unexplained")[0].severity == Severity::Error);
    CHECK(with(issues, "warning_unexplained")[0].check == "roster_poor_le_total");

    s.notes["check:roster_poor_le_total"] = "   ";  // blank does not count
    CHECK(with(validate(form(), s, options()), "warning_unexplained").size() == 1);
    s.notes["check:roster_poor_le_total"] = "Có hộ đông con, đã xác minh";
    issues = validate(form(), s, options());
    CHECK(with(issues, "check").size() == 1);
    CHECK(with(issues, "warning_unexplained").empty());
    CHECK_FALSE(dantoc::validation::hasErrors(issues));
}

TEST_CASE("prev() compares with the previous period, by row id inside rosters")
{
    Submission previous = submissionWith(goodValues());
    previous.period = "2025-H1";
    previous.values["households_poor"] = 4;
    previous.values["members"][1]["size"] = 2;  // row B had 2 people
    ValidationOptions o = options();
    o.previous = &previous;

    Submission current = submissionWith(goodValues());  // 10 poor (> 2 * 4), row B 6 people (≤ 2 + 5)
    auto issues = validate(form(), current, o);
    REQUIRE(with(issues, "constraint", "households_poor").size() == 1);
    CHECK(with(issues, "constraint", "households_poor")[0].severity == Severity::Warning);
    CHECK(with(issues, "warning_unexplained", "households_poor").size() == 1);
    CHECK(with(issues, "constraint", "members.size").empty());

    current.values["members"][1]["size"] = 9;
    issues = validate(form(), current, o);
    REQUIRE(with(issues, "constraint", "members.size").size() == 1);
    CHECK(with(issues, "constraint", "members.size")[0].row == 1u);
    current.notes["members[" + std::string(kRowB) + "].size"] = "Con dâu và cháu chuyển về";
    current.notes["households_poor"] = "Lũ quét tháng 9";
    issues = validate(form(), current, o);
    CHECK(with(issues, "warning_unexplained").empty());
    CHECK(with(issues, "constraint").size() == 2);

    // without a previous period the prev() rules do not fire
    CHECK(with(validate(form(), current, options()), "constraint").empty());
}

TEST_CASE("messages follow the requested language, falling back to Vietnamese")
{
    Json v = goodValues();
    v.erase("households_total");
    v["households_poor"] = 90;
    v["households_rich"] = 1;
    auto en = run(v, options(Language::En));
    CHECK(with(en, "required", "households_total")[0].message == "Required");
    CHECK(with(en, "unknown_field")[0].message == "Field \"households_rich\" is not part of the form");

    v = goodValues();
    v["members"][0]["size"] = 300;  // the roster warning check has an English message
    v["households_total"] = 2;
    v["households_poor"] = 1;
    en = run(v, options(Language::En));
    CHECK(with(en, "check")[0].message == "Too many people for the households");
    CHECK(with(en, "warning_unexplained")[0].message ==
          "This warning needs an explanation: Too many people for the households");
    // a constraint with only a Vietnamese message falls back to it
    Submission previous = submissionWith(goodValues());
    previous.values["households_poor"] = 0;
    ValidationOptions o = options(Language::En);
    o.previous = &previous;
    v = goodValues();
    const auto issues = validate(form(), submissionWith(v), o);
    REQUIRE(with(issues, "constraint", "households_poor").size() == 1);
    CHECK(with(issues, "constraint", "households_poor")[0].message == "Số hộ nghèo tăng hơn gấp đôi so với kỳ trước");
}

TEST_CASE("submission-level problems: other form, bad period, no unit")
{
    Submission s = submissionWith(goodValues());
    s.formVersion = 2;
    s.period = "2025";
    s.unit.clear();
    const auto issues = validate(form(), s, options());
    CHECK(with(issues, "form_mismatch").size() == 1);
    CHECK(with(issues, "period").size() == 1);
    CHECK(with(issues, "period")[0].message.find("YYYY-H1|H2") != std::string::npos);
    CHECK(with(issues, "unit").size() == 1);
    CHECK(issues[0].field.empty());
}

TEST_CASE("the report JSON has valid, issues with field, row and code")
{
    Json v = goodValues();
    v["members"][0]["size"] = 0;
    const auto report = dantoc::validation::validationReport(run(v));
    CHECK(report["valid"] == false);
    REQUIRE(report["issues"].size() == 1);
    CHECK(report["issues"][0]["field"] == "members.size");
    CHECK(report["issues"][0]["row"] == 0);
    CHECK(report["issues"][0]["row_id"] == kRowA);
    CHECK(report["issues"][0]["code"] == "min");
    CHECK(report["issues"][0]["severity"] == "error");
    CHECK(dantoc::validation::validationReport({})["valid"] == true);
    CHECK(dantoc::validation::validationReport({})["issues"].is_array());
}

TEST_CASE("hostile submissions: every field gets every kind of value without a crash")
{
    const Json hostile[] = {nullptr, true, false, 0, -1, 1e308, -1e308, 18446744073709551615ULL, 0.5, "",
                            std::string(10000, 'x'), "\xF0\x9F\x98\x80", Json::array(), Json::object(),
                            Json::array({nullptr}), Json::array({Json::array({Json::array()})}),
                            Json{{"lat", 1}}, Json{{"_id", 1}}};
    std::size_t totalIssues = 0;
    const Json good = goodValues();
    for (const auto& [key, unused] : good.items()) {
        for (const Json& value : hostile) {
            Json v = goodValues();
            v[key] = value;
            totalIssues += run(v).size();
            Json rows = goodValues();
            rows["members"][0]["size"] = value;
            rows["members"][1]["_id"] = value;
            totalIssues += run(rows).size();
        }
    }
    CHECK(totalIssues > 100);
}
