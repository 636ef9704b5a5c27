// Submission::parse and period shapes.
#include "forms/Submission.h"

#include <doctest/doctest.h>

using dantoc::forms::isValidPeriod;
using dantoc::forms::PeriodType;
using dantoc::forms::Submission;

TEST_CASE("a submission parses and round-trips")
{
    const auto parsed = Submission::parse(R"J({
      "id": "4f1c2a4e-8b7d-4c1e-9a3b-2d5e6f708192",
      "form": {"id": "village_survey", "version": 1}, "unit": "0164500000", "period": "2025-H2",
      "values": {"households_total": 12, "members": [{"_id": "x", "age": 3}]},
      "notes": {"households_total": "Thôn mới sáp nhập"}})J");
    REQUIRE_MESSAGE(parsed.isOk(), parsed.status().message());
    CHECK(parsed->formId == "village_survey");
    CHECK(parsed->formVersion == 1);
    CHECK(parsed->unit == "0164500000");
    CHECK(parsed->period == "2025-H2");
    CHECK(parsed->values["households_total"] == 12);
    CHECK(parsed->notes.at("households_total") == "Thôn mới sáp nhập");
    const auto again = Submission::fromJson(parsed->toJson());
    REQUIRE(again.isOk());
    CHECK(again->toJson() == parsed->toJson());
}

TEST_CASE("documents that are not submissions are refused")
{
    CHECK_FALSE(Submission::parse("").isOk());
    CHECK_FALSE(Submission::parse("[]").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}})J").isOk());  // no values
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": []})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": "1"}, "values": {}})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 0}, "values": {}})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "", "version": 1}, "values": {}})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1, "x": 1}, "values": {}})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}, "status": "draft"})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}, "notes": {"a": 1}})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}, "unit": 5})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}, "id": "nope"})J").isOk());
    CHECK_FALSE(Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}, "values": {}})J").isOk());
    const auto minimal = Submission::parse(R"J({"form": {"id": "f", "version": 1}, "values": {}})J");
    CHECK(minimal.isOk());
}

TEST_CASE("period shapes follow the period type")
{
    CHECK(isValidPeriod(PeriodType::Yearly, "2025"));
    CHECK_FALSE(isValidPeriod(PeriodType::Yearly, "2025-H1"));
    CHECK_FALSE(isValidPeriod(PeriodType::Yearly, "0999"));
    CHECK(isValidPeriod(PeriodType::HalfYearly, "2025-H2"));
    CHECK_FALSE(isValidPeriod(PeriodType::HalfYearly, "2025-H3"));
    CHECK(isValidPeriod(PeriodType::Quarterly, "2025-Q3"));
    CHECK_FALSE(isValidPeriod(PeriodType::Quarterly, "2025-Q5"));
    CHECK(isValidPeriod(PeriodType::Survey, "2024-survey"));
    CHECK_FALSE(isValidPeriod(PeriodType::Survey, "2024"));
    CHECK(isValidPeriod(PeriodType::AdHoc, "2025-03-15"));
    CHECK_FALSE(isValidPeriod(PeriodType::AdHoc, "2025-02-30"));
    CHECK_FALSE(isValidPeriod(PeriodType::AdHoc, ""));
    CHECK_FALSE(isValidPeriod(PeriodType::Yearly, "20x5"));
}
