#include "catalog/CatalogAdmin.h"

#include "audit/AuditChain.h"
#include "expr/Value.h"
#include "forms/FormTemplate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dantoc::server {

namespace {

bool isPeriodId(const std::string& id)
{
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
    });
}

// The demo province's periods: the years and half-years around the demo data; the past half-year is closed.
const std::vector<Period>& demoPeriods()
{
    static const std::vector<Period> periods = {
        {"2024", "Năm 2024", "2024-01-01", "2024-12-31", true},  // before the reform: the district chain's demo
        {"2024-H2", "6 tháng cuối năm 2024", "2024-07-01", "2024-12-31", true},
        {"2025", "Năm 2025", "2025-01-01", "2025-12-31", true},
        {"2025-H2", "6 tháng cuối năm 2025", "2025-07-01", "2025-12-31", false},
        {"2026", "Năm 2026", "2026-01-01", "2026-12-31", true},
        {"2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", true},
    };
    return periods;
}

}  // namespace

Result<StoredForm> publishFormDocument(CatalogStore& store, std::string_view json, const std::string& actor,
                                       std::int64_t now)
{
    auto parsed = forms::FormTemplate::parse(json);
    if (!parsed) {
        return Status(ErrorCode::InvalidArgument, "form template: " + parsed.status().message());
    }
    StoredForm form;
    form.formId = parsed->id();
    form.version = parsed->version();
    form.json = std::string(json);
    form.etag = "\"" + sha256Hex(form.json) + "\"";
    form.publishedAt = now;
    const nlohmann::json detail = {{"form", form.formId}, {"version", form.version}, {"etag", form.etag}};
    AuditEvent audit{now, actor, "form.publish", form.formId + "@" + std::to_string(form.version), detail.dump()};
    if (Status s = store.publishForm(form, audit); !s) {
        return s;
    }
    return form;
}

Status checkPeriod(const Period& period)
{
    if (!isPeriodId(period.id)) {
        return Status(ErrorCode::InvalidArgument, "period id must be 1-64 characters of [A-Za-z0-9_.-]");
    }
    if (period.label.empty()) {
        return Status(ErrorCode::InvalidArgument, "period label must not be empty");
    }
    expr::Date start{};
    expr::Date end{};
    if (!expr::parseIsoDate(period.startsOn, start) || !expr::parseIsoDate(period.endsOn, end)) {
        return Status(ErrorCode::InvalidArgument, "period dates must be YYYY-MM-DD");
    }
    if (period.endsOn < period.startsOn) {
        return Status(ErrorCode::InvalidArgument, "period ends before it starts");
    }
    return Status::ok();
}

Status savePeriod(CatalogStore& store, const Period& period, const std::string& actor, std::int64_t now)
{
    if (Status s = checkPeriod(period); !s) {
        return s;
    }
    const nlohmann::json detail = {{"label", period.label}, {"starts_on", period.startsOn},
                                   {"ends_on", period.endsOn}, {"open", period.open}};
    return store.savePeriod(period,
                            AuditEvent{now, actor, period.open ? "period.open" : "period.close", period.id, detail.dump()});
}

Result<std::vector<std::string>> publishDefaultForms(CatalogStore& store, const std::filesystem::path& resourcesDir,
                                             std::int64_t now)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(resourcesDir / "forms", error)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    if (error) {
        return Status(ErrorCode::NotFound, (resourcesDir / "forms").string() + ": " + error.message());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> published;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto form = publishFormDocument(store, text.str(), "cli", now);
        if (!form) {
            return Status(form.status().code(), file.string() + ": " + form.status().message());
        }
        published.push_back(form->formId);
    }
    return published;
}

Status seedDemoPeriods(CatalogStore& store, std::int64_t now)
{
    for (const Period& period : demoPeriods()) {
        if (Status s = savePeriod(store, period, "cli", now); !s) {
            return s;
        }
    }
    return Status::ok();
}

}  // namespace dantoc::server
