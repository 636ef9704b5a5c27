// Revalidation benchmark: a generated 500-field form (490 top-level fields with bounds, constraints, relevance,
// computed chains and 20 form checks, plus a 10-column roster of 100 rows), filled. Measures the template load,
// a full validation, and incremental revalidation after one changed value (what the desktop app does on each
// keystroke; target < 2 ms). Prints median and p95; asserts nothing. `--smoke` runs a few iterations only.
#include "validation/Validate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using dantoc::Json;
using dantoc::forms::FormTemplate;
using dantoc::forms::Submission;
using dantoc::validation::ValidationOptions;
using dantoc::validation::ValidationSession;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kTopFields = 490;
constexpr int kRows = 100;

std::string fieldName(int i) { return "f" + std::to_string(i); }

Json label(const std::string& vi) { return Json{{"vi", vi}, {"en", vi}}; }

// Every 10th field a computed sum of the two before it; every 7th relevant on an earlier field; every 5th a
// constraint against its neighbour; every 50th read by each roster row.
Json makeTemplate()
{
    Json fields = Json::array();
    for (int i = 0; i < kTopFields; ++i) {
        Json f = {{"name", fieldName(i)}, {"label", label("Chỉ tiêu " + std::to_string(i))}};
        if (i % 10 == 9) {
            f["type"] = "computed";
            f["result_type"] = "integer";
            f["calculate"] = fieldName(i - 1) + " + " + fieldName(i - 2);
            f["max"] = 100000;
        } else if (i % 13 == 12) {
            f["type"] = "choice";
            f["choices"] = Json::array({{{"code", "a"}, {"label", label("A")}}, {{"code", "b"}, {"label", label("B")}}});
            f["required"] = true;
        } else {
            f["type"] = "integer";
            f["min"] = 0;
            f["max"] = 5000;
            f["required"] = i % 3 == 0;
        }
        if (i % 7 == 6 && i > 10) {
            f["relevant"] = fieldName(i - 5) + " >= 0";
        }
        if (i % 5 == 4 && i % 10 != 9 && i % 13 != 12) {
            f["constraint"] = fieldName(i) + " <= " + fieldName(i - 1) + " * 10 + 100";
            f["message"] = label("Quá lớn so với chỉ tiêu trước");
            f["severity"] = i % 2 == 0 ? "error" : "warning";
        }
        fields.push_back(std::move(f));
    }
    Json columns = Json::array({
        {{"name", "name"}, {"label", label("Họ tên")}, {"type", "text"}, {"required", true}, {"max_length", 100}},
        {{"name", "sex"}, {"label", label("Giới tính")}, {"type", "choice"}, {"required", true},
         {"choices", Json::array({{{"code", "1"}, {"label", label("Nam")}}, {{"code", "2"}, {"label", label("Nữ")}}})}},
        {{"name", "birth_year"}, {"label", label("Năm sinh")}, {"type", "integer"}, {"min", 1900}, {"max", 2025}},
        {{"name", "age"}, {"label", label("Tuổi")}, {"type", "computed"}, {"result_type", "integer"},
         {"calculate", "2025 - .birth_year"}},
        {{"name", "school"}, {"label", label("Đi học")}, {"type", "boolean"}, {"relevant", ".age >= 3 and .age <= 25"},
         {"required", true}},
        {{"name", "literate"}, {"label", label("Biết chữ")}, {"type", "boolean"}, {"relevant", ".age >= 15"}},
        {{"name", "insured"}, {"label", label("Có BHYT")}, {"type", "boolean"}},
        {{"name", "income"}, {"label", label("Thu nhập")}, {"type", "decimal"}, {"min", 0},
         {"constraint", ".income <= f0 * 1000"}, {"message", label("Thu nhập bất thường")}},
        {{"name", "ethnic"}, {"label", label("Dân tộc")}, {"type", "choice"}, {"choices_from", "ethnic_groups"}},
        {{"name", "is_poor"}, {"label", label("Nghèo")}, {"type", "boolean"}},
    });
    fields.push_back({{"name", "members"}, {"label", label("Nhân khẩu")}, {"type", "roster"}, {"max_rows", 500},
                      {"fields", columns}});
    Json checks = Json::array();
    for (int k = 0; k < 16; ++k) {
        checks.push_back({{"id", "c" + std::to_string(k)},
                          {"expression", fieldName(k * 30) + " + " + fieldName(k * 30 + 1) + " >= " + fieldName(k * 30 + 2)},
                          {"message", label("Kiểm tra " + std::to_string(k))},
                          {"fields", Json::array({fieldName(k * 30)})}});
    }
    checks.push_back({{"id", "poor"}, {"expression", "sum(members.is_poor) <= f0"}, {"message", label("Nghèo")}});
    checks.push_back({{"id", "rows"}, {"expression", "count(members) <= f1 * 10"}, {"message", label("Dòng")}});
    checks.push_back({{"id", "ages"}, {"expression", "max(members.age) <= 110"}, {"message", label("Tuổi")}});
    checks.push_back({{"id", "income"}, {"expression", "sum(members.income) >= 0"}, {"message", label("Thu nhập")}});
    return {{"id", "bench"}, {"version", 1}, {"title", label("Biểu mẫu 500 trường")}, {"unit_level", "commune"},
            {"period_type", "yearly"},
            {"sections", Json::array({{{"id", "s"}, {"title", label("Chung")}, {"fields", fields}}})},
            {"checks", checks}};
}

Submission makeSubmission(std::mt19937& random)
{
    Submission s;
    s.formId = "bench";
    s.formVersion = 1;
    s.unit = "02683";
    s.period = "2025";
    for (int i = 0; i < kTopFields; ++i) {
        if (i % 10 == 9) {
            continue;
        }
        s.values[fieldName(i)] = i % 13 == 12 ? Json(random() % 2 == 0 ? "a" : "b") : Json(random() % 400);
    }
    Json rows = Json::array();
    for (int r = 0; r < kRows; ++r) {
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", r);
        const int birth = 1940 + static_cast<int>(random() % 85);
        Json row = {{"_id", id}, {"name", "Người " + std::to_string(r)}, {"sex", random() % 2 == 0 ? "1" : "2"},
                    {"birth_year", birth}, {"insured", true}, {"income", random() % 90}, {"ethnic", "08"},
                    {"is_poor", random() % 4 == 0}};
        const int age = 2025 - birth;
        if (age >= 3 && age <= 25) {
            row["school"] = random() % 2 == 0;
        }
        if (age >= 15) {
            row["literate"] = true;
        }
        rows.push_back(std::move(row));
    }
    s.values["members"] = std::move(rows);
    return s;
}

struct Stats {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))]; };
    return {at(0.5), at(0.95), samples.back()};
}

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

void print(const char* what, const Stats& s, double evaluated)
{
    std::printf("%-52s median %8.3f ms   p95 %8.3f ms   max %8.3f ms", what, s.median, s.p95, s.max);
    if (evaluated >= 0) {
        std::printf("   (%.0f cells/checks re-evaluated)", evaluated);
    }
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv)
{
    const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
    const int fullRuns = smoke ? 3 : 50;
    const int edits = smoke ? 20 : 3000;
    std::mt19937 random(42);

    const std::string text = makeTemplate().dump();
    auto start = Clock::now();
    const auto form = FormTemplate::parse(text);
    const double parseMs = msSince(start);
    if (!form) {
        std::fprintf(stderr, "template: %s\n", form.status().message().c_str());
        return 1;
    }
    const Submission submission = makeSubmission(random);
    ValidationOptions options;
    options.today = dantoc::expr::dateFromCivil(2025, 11, 23);
    std::printf("form: %d top-level fields + a roster of 10 columns x %d rows (%zu definitions), %zu checks, %zu bytes;"
                " parsed in %.2f ms\n",
                kTopFields, kRows, form->fields().size(), form->checks().size(), text.size(), parseMs);

    std::vector<double> full;
    std::size_t issues = 0;
    for (int i = 0; i < fullRuns; ++i) {
        start = Clock::now();
        const auto result = dantoc::validation::validate(*form, submission, options);
        full.push_back(msSince(start));
        issues = result.size();
    }
    print("full validation", stats(full), -1);
    std::printf("  (%zu issues in the filled submission)\n", issues);

    ValidationSession session(*form, submission, options);
    const auto measure = [&](const char* what, auto&& edit) {
        std::vector<double> samples;
        double evaluated = 0;
        for (int i = 0; i < edits; ++i) {
            start = Clock::now();
            edit(i);
            (void)session.issues();  // the app shows the issue list after each change
            samples.push_back(msSince(start));
            evaluated += static_cast<double>(session.lastEvaluationCount());
        }
        print(what, stats(samples), evaluated / edits);
    };
    measure("incremental: one top-level field changed", [&](int i) {
        int field = static_cast<int>(random() % kTopFields);
        if (field % 10 == 9 || field % 13 == 12) {
            field = 3;
        }
        (void)session.setValue(fieldName(field), Json(static_cast<int>(random() % 500) + i % 2));
    });
    measure("incremental: one roster cell changed (birth_year)", [&](int) {
        (void)session.setCell("members", random() % kRows, "birth_year", Json(1940 + static_cast<int>(random() % 85)));
    });
    measure("incremental: f0 changed (read by every row and 2 checks)", [&](int i) {
        (void)session.setValue("f0", Json(100 + i % 50));
    });
    return 0;
}
