// Aggregates of approved data for one unit's subtree and one period: stored records -> observations (through
// their form templates) -> shared/aggregation over the admin tree of the period's end date -> the rows under the
// asked unit, filtered by indicator and ethnic group, with unit, indicator and group names for display and
// exports. Stateless functions over the stores; thread-safe as the stores are.
#pragma once

#include "aggregation/AggregationTypes.h"
#include "base/Result.h"
#include "store/CatalogStore.h"
#include "store/RecordStore.h"
#include "store/Store.h"

#include <filesystem>
#include <string>
#include <vector>

namespace dantoc::server {

// Records in these workflow states are counted: approved at a review level (approved, forwarded) or accepted by
// the province (final). Drafts, submitted and returned data never enter a figure.
const std::vector<std::string>& aggregatedStates();

struct AggregateQuery {
    std::string period;       // required: a period id the catalog store knows
    std::string unitCode;     // the unit reported on (its subtree)
    std::string indicator;    // empty: every indicator
    std::string ethnicGroup;  // empty: totals and every group; "total": totals only; else a GSO 2008 code
    std::string formId;       // empty: every form; else only this form's records
};

struct AggregateLine {
    aggregation::AggregateRow row;
    std::string unitName;
    std::string indicatorName;  // Vietnamese
    std::string indicatorUnit;  // "hộ", "%", ...
    std::string ethnicName;     // Vietnamese; empty for totals
};

struct AggregateReport {
    std::string period;
    std::string unitCode;
    std::string unitName;
    std::string date;  // the boundaries used (the period's last day)
    std::vector<AggregateLine> lines;
    std::vector<aggregation::AggregationIssue> issues;
    std::size_t records = 0;  // records that entered the computation
};

// Unknown period or unit: NotFound. Catalogs come from <resourcesDir>/catalogs (indicators.csv,
// ethnic_groups.csv). The caller checks scope; records are read for the unit's codesInScope (`recordUnitCodes`).
Result<AggregateReport> computeAggregateReport(Store& store, CatalogStore& catalogs, RecordStore& records,
                                               const std::filesystem::path& resourcesDir,
                                               const std::vector<std::string>& recordUnitCodes,
                                               const AggregateQuery& query);

}  // namespace dantoc::server
