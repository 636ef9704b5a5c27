// Aggregates of approved data for one unit's subtree and one period: stored records -> observations (through
// their form templates) -> shared/aggregation over the admin tree of a chosen date (default the period's last
// day), through the lineage -> the rows under the asked unit, filtered by indicator and ethnic group, with unit,
// indicator and group names for display and exports. Stateless functions over the stores; thread-safe as the
// stores are.
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
    std::string at;           // the boundaries reported under ("YYYY-MM-DD"); empty: the period's last day
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
    std::string unitValidFrom;  // the asked unit's version on `date` (codes are reused across reforms)
    std::string date;           // the boundaries used: the query's `at`, else the period's last day
    std::vector<AggregateLine> lines;
    std::vector<aggregation::AggregationIssue> issues;
    std::size_t records = 0;  // records that entered the computation
};

// Each record stands for the version of its unit code of the period (report/ReportBoundaries.h: recordVersion);
// its figures go, through the lineage, to the units of `date`: a merged unit's into the unit it became part of, a
// later-formed unit's (read under older boundaries) onto the older unit containing it.
// Errors: a malformed `at` InvalidArgument; unknown period, or no unit with the code on `date`, NotFound; a record
// of a unit split before `date` FailedPrecondition naming the unit (checkNotSplit). Catalogs come from
// <resourcesDir>/catalogs (indicators.csv, ethnic_groups.csv). The caller checks scope; records are read for
// `recordUnitCodes` (the codes under the unit on `date` that the caller may see).
Result<AggregateReport> computeAggregateReport(Store& store, CatalogStore& catalogs, RecordStore& records,
                                               const std::filesystem::path& resourcesDir,
                                               const std::vector<std::string>& recordUnitCodes,
                                               const AggregateQuery& query);

}  // namespace dantoc::server
