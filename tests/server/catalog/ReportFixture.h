// ReportFixture: the real catalog/aggregate/export handlers on a router of their own over the demo province
// (AdminFixture: every date, with lineage), a commune test form with ethnic rosters, period 2026 and records
// written straight into the real SQLite record store in whatever state a test needs (the reports must filter
// state, unit and period themselves). For tests; not thread-safe.
#pragma once

#include "admin/AdminFixture.h"
#include "api/ApiContext.h"
#include "base/Uuid.h"
#include "catalog/CatalogAdmin.h"
#include "http/Router.h"
#include "scope/AdminScopePolicy.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dantoc::test {

// A commune form: explicit totals, a market flag, and households per ethnic group in a roster.
inline const char* kForm = R"({
  "format_version": 1, "id": "agg_test", "version": 1,
  "title": {"vi": "Phiếu thử tổng hợp", "en": "Aggregation test"},
  "unit_level": "commune", "period_type": "yearly",
  "sections": [{"id": "s1", "title": {"vi": "Chung", "en": "General"}, "fields": [
    {"name": "households_total", "label": {"vi": "Tổng số hộ", "en": "Households"}, "type": "integer",
     "indicator": "households_total"},
    {"name": "households_poor", "label": {"vi": "Số hộ nghèo", "en": "Poor"}, "type": "integer",
     "indicator": "households_poor"},
    {"name": "has_market", "label": {"vi": "Có chợ", "en": "Market"}, "type": "boolean", "indicator": "has_market"},
    {"name": "note", "label": {"vi": "Ghi chú, nhận xét", "en": "Note"}, "type": "text"},
    {"name": "groups", "label": {"vi": "Theo dân tộc", "en": "By group"}, "type": "roster",
     "disaggregate_by": "ethnic_code", "fields": [
       {"name": "ethnic_code", "label": {"vi": "Dân tộc", "en": "Group"}, "type": "choice",
        "choices_from": "ethnic_groups"},
       {"name": "households", "label": {"vi": "Số hộ", "en": "Households"}, "type": "integer",
        "indicator": "households_total"},
       {"name": "poor", "label": {"vi": "Hộ nghèo", "en": "Poor"}, "type": "boolean", "indicator": "households_poor"}
     ]}
  ]}]
})";

inline server::StoredRecord record(const std::string& id, const std::string& unit, const std::string& state,
                                   const nlohmann::json& values, const std::string& period = "2026")
{
    server::StoredRecord r;
    r.recordId = id;
    r.formId = "agg_test";
    r.formVersion = 1;
    r.unitCode = unit;
    r.period = period;
    r.state = state;
    r.level = "province";
    r.version = 1;
    r.bodyJson = values.dump();
    r.updatedAt = kJan2026;
    return r;
}

inline nlohmann::json row(const std::string& code, int households, bool poor)
{
    return {{"_id", "00000000-0000-4000-8000-00000000000" + std::to_string(households % 10)},
            {"ethnic_code", code},
            {"households", households},
            {"poor", poor}};
}

// Writes `records` as current versions into the real record store (created by the first account).
inline void storeRecords(AdminFixture& f, std::vector<server::StoredRecord> records)
{
    auto accounts = f.store().listAccounts();
    REQUIRE(accounts.isOk());
    REQUIRE(!accounts->empty());
    for (server::StoredRecord& r : records) {
        r.createdBy = accounts->front().id;
        r.createdAt = r.updatedAt;
        r.contentVersion = r.version;
        const auto status = f.app().records().inTransaction([&](server::RecordTxn& txn) {
            return txn.writeVersion(r, dantoc::newUuid(), r.createdBy, {});
        });
        REQUIRE_MESSAGE(status.isOk(), status.message());
    }
}

struct AuthRef final : server::Authenticator {
    explicit AuthRef(const server::AuthService& auth) : m_auth(auth) {}
    Result<server::Principal> authenticate(const std::string& token) const override
    {
        return m_auth.authenticate(token);
    }
    const server::AuthService& m_auth;
};

// The demo province with the test form, period 2026 and four records (one not yet approved, one of another
// period), served by the real catalog/aggregate/export handlers.
struct RecordsFixture {
    RecordsFixture() : scope(f.store(), f.clock, f.dataDir())
    {
        REQUIRE(server::publishFormDocument(f.app().catalogs(), kForm, "test", kJan2026).isOk());
        REQUIRE(server::savePeriod(f.app().catalogs(), {"2026", "Năm 2026", "2026-01-01", "2026-12-31", true}, "test",
                                   kJan2026)
                    .isOk());
        using nlohmann::json;
        storeRecords(f, {
            record("r1", "02647", "accepted",
                   {{"households_total", 100}, {"households_poor", 20}, {"has_market", true},
                    {"note", "=HYPERLINK(\"x\")"},
                    {"groups", json::array({row("01", 60, false), row("08", 40, true)})}}),
            record("r2", "02671", "approved",
                   {{"households_total", 50}, {"households_poor", 10}, {"has_market", false}, {"note", "a, \"b\""},
                    {"groups", json::array({row("08", 50, true)})}}),
            record("r3", "02680", "submitted", {{"households_total", 999}, {"households_poor", 999}}),
            record("r4", "02683", "accepted", {{"households_total", 7}}, "2025"),
        });
        router = std::make_shared<server::Router>(std::make_shared<AuthRef>(f.app().auth()));
        server::registerCatalogRoutes(*router, server::ApiContext{f.store(), f.app().auth(), scope, f.clock, f.app().records(),
                                                                  f.app().blobs(), f.app().catalogs(),
                                                                  DANTOC_RESOURCES_DIR, f.dataDir()});
    }

    server::ApiResponse get(const std::string& path, const std::string& token,
                            std::map<std::string, std::string> query)
    {
        server::ApiRequest request;
        request.method = "GET";
        request.path = path;
        request.bearerToken = token;
        request.query = std::move(query);
        request.remoteAddress = "127.0.0.1";
        return router->dispatch(request);
    }

    AdminFixture f;
    server::AdminScopePolicy scope;
    std::shared_ptr<server::Router> router;
};

inline const nlohmann::json* findRow(const nlohmann::json& rows, const std::string& unit,
                                     const std::string& indicator, const std::string& group = {})
{
    for (const nlohmann::json& r : rows) {
        if (r["unit"] == unit && r["indicator"] == indicator && r["ethnic_group"] == group) {
            return &r;
        }
    }
    return nullptr;
}

}  // namespace dantoc::test
