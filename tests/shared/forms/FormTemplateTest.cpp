// FormTemplate::parse: a good template builds the model and dependency graph; each class of mistake is
// refused with a Status naming the JSON path.
#include "forms/FormTemplate.h"

#include <doctest/doctest.h>

#include <string>

using dantoc::ErrorCode;
using dantoc::Json;
using dantoc::forms::FieldType;
using dantoc::forms::FormTemplate;
using dantoc::forms::Language;

namespace {

// A small valid template; tests patch one part of it to make it wrong.
Json baseTemplate()
{
    return Json::parse(R"J({
      "id": "test_form", "version": 2,
      "title": {"vi": "Phiếu thử", "en": "Test form"},
      "unit_level": "village", "period_type": "half_yearly",
      "sections": [{"id": "main", "title": {"vi": "Chung"}, "fields": [
        {"name": "households_total", "label": {"vi": "Tổng số hộ"}, "type": "integer", "min": 0, "required": true,
         "indicator": "HH_TOTAL"},
        {"name": "households_poor", "label": {"vi": "Số hộ nghèo"}, "type": "integer", "min": 0,
         "constraint": "households_poor <= households_total",
         "message": {"vi": "Số hộ nghèo không được lớn hơn tổng số hộ", "en": "Poor households exceed total"}},
        {"name": "poor_rate", "label": {"vi": "Tỷ lệ hộ nghèo"}, "type": "computed", "result_type": "decimal",
         "calculate": "households_poor * 100 / households_total"},
        {"name": "has_school", "label": {"vi": "Có trường"}, "type": "boolean"},
        {"name": "school_km", "label": {"vi": "Khoảng cách"}, "type": "decimal", "relevant": "has_school = false"},
        {"name": "members", "label": {"vi": "Thành viên"}, "type": "roster", "min_rows": 1, "max_rows": 30,
         "disaggregate_by": "ethnic", "fields": [
           {"name": "age", "label": {"vi": "Tuổi"}, "type": "integer", "min": 0, "max": 120},
           {"name": "ethnic", "label": {"vi": "Dân tộc"}, "type": "choice", "choices_from": "ethnic_groups"},
           {"name": "school", "label": {"vi": "Đi học"}, "type": "boolean", "relevant": ".age >= 3"}
        ]}
      ]}],
      "checks": [{"id": "members_vs_total", "expression": "count(members) <= households_total * 20",
                  "message": {"vi": "Quá nhiều thành viên"}, "severity": "warning", "fields": ["members"]}]
    })J");
}

std::string errorOf(const Json& document)
{
    const auto parsed = FormTemplate::fromJson(document);
    REQUIRE_FALSE(parsed.isOk());
    return parsed.status().message();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a valid template builds the model")
{
    const auto parsed = FormTemplate::fromJson(baseTemplate());
    REQUIRE_MESSAGE(parsed.isOk(), parsed.status().message());
    const FormTemplate& form = *parsed;
    CHECK(form.id() == "test_form");
    CHECK(form.version() == 2);
    CHECK(form.title().in(Language::En) == "Test form");
    CHECK(form.unitLevel() == "village");
    REQUIRE(form.sections().size() == 1);
    CHECK(form.fields().size() == 9);
    CHECK(form.topLevelFields().size() == 6);

    const auto* age = form.field("members.age");
    REQUIRE(age != nullptr);
    CHECK(age->column == "age");
    CHECK(age->roster == form.fieldIndex("members"));
    CHECK(age->min == 0);
    CHECK(age->max == 120);
    CHECK(form.field("age") == nullptr);
    CHECK(form.field("members")->disaggregateBy == "ethnic");
    CHECK(form.field("members")->columns.size() == 3);
    CHECK(form.field("households_total")->indicator == "HH_TOTAL");
    CHECK(form.field("poor_rate")->valueType == FieldType::Decimal);
    CHECK(form.field("members.ethnic")->choicesFrom == "ethnic_groups");
    CHECK(form.checks().size() == 1);
    CHECK(form.checks()[0].fields == std::vector<std::string>{"members"});
}

TEST_CASE("the dependency graph records readers, rows and value edges")
{
    const auto parsed = FormTemplate::fromJson(baseTemplate());
    REQUIRE(parsed.isOk());
    const FormTemplate& form = *parsed;
    const int total = form.fieldIndex("households_total");
    const int poor = form.fieldIndex("households_poor");
    const int rate = form.fieldIndex("poor_rate");
    const auto& readers = form.dependents(total);
    const auto find = [&](int from, int node) -> const dantoc::forms::Dependent* {
        for (const auto& d : form.dependents(from)) {
            if (d.node == node) {
                return &d;
            }
        }
        return nullptr;
    };
    CHECK(readers.size() >= 3);  // poor's constraint, poor_rate, the check
    REQUIRE(find(total, poor) != nullptr);
    CHECK_FALSE(find(total, poor)->affectsValue);
    REQUIRE(find(total, rate) != nullptr);
    CHECK(find(total, rate)->affectsValue);
    const int check = static_cast<int>(form.fields().size());
    REQUIRE(find(total, check) != nullptr);
    // `.age` in school's relevant: same row, affects school's value
    const auto* sameRow = find(form.fieldIndex("members.age"), form.fieldIndex("members.school"));
    REQUIRE(sameRow != nullptr);
    CHECK(sameRow->sameRow);
    CHECK(sameRow->affectsValue);
    // a roster's relevance reaches its columns
    CHECK(find(form.fieldIndex("members"), form.fieldIndex("members.age")) != nullptr);
    // computed fields come after what they read
    CHECK(form.evaluationRank(rate) > form.evaluationRank(poor));
    CHECK(form.evaluationRank(rate) > form.evaluationRank(total));
    CHECK(form.evaluationOrder().size() == form.fields().size());
}

TEST_CASE("bad JSON and non-objects are refused")
{
    CHECK(FormTemplate::parse("{").status().code() == ErrorCode::ParseError);
    CHECK(contains(FormTemplate::parse("{").status().message(), "line 1"));
    CHECK(FormTemplate::parse(R"J({"a":1,"a":2})J").status().code() == ErrorCode::ParseError);
    CHECK(contains(FormTemplate::parse("[]").status().message(), "expected an object"));
    CHECK(contains(FormTemplate::parse("null").status().message(), "expected an object"));
    std::string deep(200, '[');
    CHECK(FormTemplate::parse(deep).status().code() == ErrorCode::ResourceExhausted);
}

TEST_CASE("unknown keys are refused at every level")
{
    Json doc = baseTemplate();
    doc["colour"] = "red";
    CHECK(errorOf(doc) == "colour: unknown key");

    doc = baseTemplate();
    doc["sections"][0]["extra"] = 1;
    CHECK(errorOf(doc) == "sections[0].extra: unknown key");

    doc = baseTemplate();
    doc["sections"][0]["fields"][1]["maximum"] = 3;
    CHECK(errorOf(doc) == "sections[0].fields[1].maximum: unknown key");

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][0]["colour"] = 3;
    CHECK(errorOf(doc) == "sections[0].fields[5].fields[0].colour: unknown key");

    doc = baseTemplate();
    doc["title"]["fr"] = "x";
    CHECK(errorOf(doc) == "title.fr: unknown key");

    doc = baseTemplate();
    doc["checks"][0]["when"] = "x";
    CHECK(errorOf(doc) == "checks[0].when: unknown key");
}

TEST_CASE("wrong types are refused with the path")
{
    Json doc = baseTemplate();
    doc["version"] = "2";
    CHECK(contains(errorOf(doc), "version: expected a positive integer"));
    doc["version"] = 0;
    CHECK(contains(errorOf(doc), "version:"));
    doc["version"] = 1.5;
    CHECK(contains(errorOf(doc), "version:"));

    doc = baseTemplate();
    doc["sections"] = Json::object();
    CHECK(contains(errorOf(doc), "sections: expected an array"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["type"] = "number";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].type: unknown field type 'number'"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["min"] = "0";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].min: expected a finite number"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["required"] = 1;
    CHECK(contains(errorOf(doc), "sections[0].fields[0].required: expected a boolean or an expression"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["label"] = "Tổng";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].label: expected an object"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["label"] = Json{{"en", "Total"}};
    CHECK(contains(errorOf(doc), "sections[0].fields[0].label: missing \"vi\""));

    doc = baseTemplate();
    doc["period_type"] = "monthly";
    CHECK(contains(errorOf(doc), "period_type: unknown period type 'monthly'"));

    doc = baseTemplate();
    doc["unit_level"] = "galaxy";
    CHECK(contains(errorOf(doc), "unit_level: unknown unit level"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][1]["severity"] = "fatal";
    CHECK(contains(errorOf(doc), "sections[0].fields[1].severity: expected \"error\" or \"warning\""));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["max_rows"] = -1;
    CHECK(contains(errorOf(doc), "sections[0].fields[5].max_rows: expected a non-negative integer"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["name"] = "_id";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].name: '_id' is not an identifier"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["name"] = "current";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].name: 'current' is a reserved word"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["name"] = "số_hộ";
    CHECK(contains(errorOf(doc), "is not an identifier"));
}

TEST_CASE("keys that do not apply to the field's type are refused")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][3]["min"] = 0;  // boolean
    CHECK(errorOf(doc) == "sections[0].fields[3].min: \"min\" does not apply to a boolean field");

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["regex"] = "[0-9]+";  // integer
    CHECK(contains(errorOf(doc), "\"regex\" does not apply to a integer field"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["calculate"] = "1";
    CHECK(contains(errorOf(doc), "sections[0].fields[0].calculate: \"calculate\" does not apply"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["constraint"] = "true";  // roster
    CHECK(contains(errorOf(doc), "sections[0].fields[5].constraint: \"constraint\" does not apply to a roster"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][0]["type"] = "roster";
    doc["sections"][0]["fields"][5]["fields"][0].erase("min");
    doc["sections"][0]["fields"][5]["fields"][0].erase("max");
    CHECK(contains(errorOf(doc), "sections[0].fields[5].fields[0].type: rosters cannot be nested"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["message"] = Json{{"vi", "x"}};
    CHECK(contains(errorOf(doc), "need a \"constraint\""));
}

TEST_CASE("duplicate names are refused; the same column name in a roster and at top level is fine")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][1]["name"] = "households_total";
    CHECK(errorOf(doc) == "sections[0].fields[1].name: duplicate field name 'households_total'");

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1]["name"] = "age";
    doc["sections"][0]["fields"][5]["disaggregate_by"] = "age";
    CHECK(contains(errorOf(doc), "sections[0].fields[5].fields[1].name: duplicate field name 'members.age'"));

    doc = baseTemplate();
    doc["sections"].push_back(Json{{"id", "main"}, {"title", {{"vi", "Khác"}}}, {"fields", Json::array()}});
    CHECK(contains(errorOf(doc), "sections[1].id: duplicate section id 'main'"));

    doc = baseTemplate();
    doc["checks"].push_back(doc["checks"][0]);
    CHECK(contains(errorOf(doc), "checks[1].id: duplicate check id"));

    doc = baseTemplate();
    doc["sections"][0]["fields"].push_back(
        Json{{"name", "age"}, {"label", {{"vi", "Tuổi chủ hộ"}}}, {"type", "integer"}});
    CHECK(FormTemplate::fromJson(doc).isOk());
}

TEST_CASE("expressions that do not parse are reported with the JSON path and position")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][1]["constraint"] = "households_poor <= (households_total";
    const std::string error = errorOf(doc);
    CHECK(contains(error, "sections[0].fields[1].constraint: 1:"));
    CHECK(FormTemplate::fromJson(doc).status().code() == ErrorCode::InvalidArgument);

    doc = baseTemplate();
    doc["sections"][0]["fields"][2]["calculate"] = 42;
    CHECK(contains(errorOf(doc), "sections[0].fields[2].calculate: expected an expression string"));

    doc = baseTemplate();
    doc["checks"][0]["expression"] = "count(members) <=";
    CHECK(contains(errorOf(doc), "checks[0].expression: 1:"));
}

TEST_CASE("expressions must reference known fields, and `.column` only inside its roster")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][1]["constraint"] = "households_poor <= households_totl";
    CHECK(errorOf(doc) == "sections[0].fields[1].constraint: unknown field 'households_totl'");

    doc = baseTemplate();
    doc["sections"][0]["fields"][4]["relevant"] = ".age > 3";
    CHECK(contains(errorOf(doc), "sections[0].fields[4].relevant: '.age' refers to a roster row"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][2]["relevant"] = ".height > 3";
    CHECK(errorOf(doc) == "sections[0].fields[5].fields[2].relevant: roster 'members' has no column 'height'");

    doc = baseTemplate();
    doc["checks"][0]["expression"] = "sum(members.weight) > 0";
    CHECK(contains(errorOf(doc), "unknown field 'members.weight'"));

    doc = baseTemplate();
    doc["checks"][0]["fields"] = Json::array({"nope"});
    CHECK(errorOf(doc) == "checks[0].fields[0]: unknown field 'nope'");

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["relevant"] = ".age > 3";  // the roster's own relevant is outside rows
    CHECK(contains(errorOf(doc), "refers to a roster row"));
}

TEST_CASE("choice lists: inline or a known catalog, never both, codes unique")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1]["choices_from"] = "languages";
    CHECK(contains(errorOf(doc), "sections[0].fields[5].fields[1].choices_from: unknown choice list 'languages'"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1]["choices"] = Json::array({{{"code", "01"}, {"label", {{"vi", "Kinh"}}}}});
    CHECK(contains(errorOf(doc), "needs exactly one of \"choices\" or \"choices_from\""));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1].erase("choices_from");
    CHECK(contains(errorOf(doc), "needs exactly one of"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1].erase("choices_from");
    doc["sections"][0]["fields"][5]["fields"][1]["choices"] =
        Json::array({{{"code", "01"}, {"label", {{"vi", "Kinh"}}}}, {{"code", "01"}, {"label", {{"vi", "Tày"}}}}});
    CHECK(contains(errorOf(doc), "choices[1].code: duplicate choice code '01'"));

    doc["sections"][0]["fields"][5]["fields"][1]["choices"] = Json::array();
    CHECK(contains(errorOf(doc), "expected a non-empty array"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"][1]["choices_from"] = "admin_units:village";
    CHECK(FormTemplate::fromJson(doc).isOk());
}

TEST_CASE("cycles among computed and relevant fields are refused")
{
    Json doc = baseTemplate();
    auto& fields = doc["sections"][0]["fields"];
    fields.push_back(Json::parse(R"J({"name": "a", "label": {"vi": "A"}, "type": "computed", "result_type": "integer",
                                     "calculate": "b + 1"})J"));
    fields.push_back(Json::parse(R"J({"name": "b", "label": {"vi": "B"}, "type": "computed", "result_type": "integer",
                                     "calculate": "a + 1"})J"));
    const std::string error = errorOf(doc);
    CHECK(contains(error, "cycle among computed/relevant fields"));
    CHECK((contains(error, "a -> b -> a") || contains(error, "b -> a -> b")));

    doc = baseTemplate();
    doc["sections"][0]["fields"][2]["calculate"] = "poor_rate + 1";
    CHECK(contains(errorOf(doc), "poor_rate -> poor_rate"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][3]["relevant"] = "school_km > 2";  // has_school <-> school_km
    CHECK(contains(errorOf(doc), "cycle"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["relevant"] = "sum(members.age) > 0";  // roster relevance reads its column
    CHECK(contains(errorOf(doc), "cycle"));

    // a constraint reading the field itself is not a cycle
    doc = baseTemplate();
    doc["sections"][0]["fields"][0]["constraint"] = "households_total < 100000";
    CHECK(FormTemplate::fromJson(doc).isOk());
}

TEST_CASE("bounds: min > max, bad dates, invalid regex, out-of-range numbers")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][0]["max"] = -1;
    CHECK(errorOf(doc) == "sections[0].fields[0].min: min is greater than max");

    doc = baseTemplate();
    doc["sections"][0]["fields"].push_back(Json::parse(
        R"J({"name": "visit", "label": {"vi": "Ngày"}, "type": "date", "min": "2024-02-30"})J"));
    CHECK(contains(errorOf(doc), "sections[0].fields[6].min: expected a date \"YYYY-MM-DD\""));
    doc["sections"][0]["fields"][6]["min"] = "2024-07-01";
    doc["sections"][0]["fields"][6]["max"] = "2024-06-30";
    CHECK(contains(errorOf(doc), "min is greater than max"));
    doc["sections"][0]["fields"][6]["max"] = "2025-06-30";
    CHECK(FormTemplate::fromJson(doc).isOk());

    doc = baseTemplate();
    doc["sections"][0]["fields"].push_back(Json::parse(
        R"J({"name": "code", "label": {"vi": "Mã"}, "type": "text", "regex": "([0-9]+", "min_length": 2})J"));
    CHECK(contains(errorOf(doc), "sections[0].fields[6].regex: invalid regular expression"));
    doc["sections"][0]["fields"][6]["regex"] = "(a+)+\\1";  // backreferences are not RE2
    CHECK(contains(errorOf(doc), "invalid regular expression"));
    doc["sections"][0]["fields"][6]["regex"] = "[0-9]{2,5}";
    doc["sections"][0]["fields"][6]["max_length"] = 1;
    CHECK(contains(errorOf(doc), "min_length is greater than max_length"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["min_rows"] = 40;
    CHECK(contains(errorOf(doc), "min_rows is greater than max_rows"));

    CHECK(FormTemplate::parse(R"J({"id": "x", "version": 1e400})J").isOk() == false);
    doc = baseTemplate();
    doc["version"] = 99999999999999LL;
    CHECK(contains(errorOf(doc), "version:"));
}

TEST_CASE("roster details: disaggregate_by must be a column; computed needs calculate and result_type")
{
    Json doc = baseTemplate();
    doc["sections"][0]["fields"][5]["disaggregate_by"] = "religion";
    CHECK(errorOf(doc) == "sections[0].fields[5].disaggregate_by: roster 'members' has no column 'religion'");

    doc = baseTemplate();
    doc["sections"][0]["fields"][5]["fields"] = Json::array();
    doc["sections"][0]["fields"][5].erase("disaggregate_by");
    CHECK(contains(errorOf(doc), "a roster needs at least one column"));

    doc = baseTemplate();
    doc["sections"][0]["fields"][2].erase("calculate");
    CHECK(contains(errorOf(doc), "sections[0].fields[2]: missing \"calculate\""));

    doc = baseTemplate();
    doc["sections"][0]["fields"][2]["result_type"] = "gps";
    CHECK(contains(errorOf(doc), "sections[0].fields[2].result_type: expected integer, decimal, text, date or boolean"));
}

TEST_CASE("hostile templates: wrong types everywhere never crash")
{
    const Json values[] = {nullptr, true, 1, -1, 1.5, "x", Json::array(), Json::object(), Json::array({1, 2})};
    const Json base = baseTemplate();
    // replace each member of each object in the template by each hostile value; parsing must return normally
    const Json flat = base.flatten();
    int refused = 0;
    for (const auto& [path, leaf] : flat.items()) {
        const Json::json_pointer pointer(path);
        for (const Json& value : values) {
            Json doc = base;
            doc[pointer] = value;
            const auto parsed = FormTemplate::fromJson(doc);
            if (!parsed.isOk()) {
                ++refused;
                CHECK_FALSE(parsed.status().message().empty());
            }
        }
    }
    CHECK(refused > 100);
}
