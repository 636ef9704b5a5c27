// Rolls observations up the administrative tree of a chosen date, per period, indicator and ethnic group, with
// each indicator's rule, and reports coverage. Observations recorded against units of another date (pre-2025
// communes) are placed on the smallest unit of the chosen date that wholly contains them (through the lineage).
// The caller passes only accepted/approved data. A pure function; safe from any thread if the hierarchy is.
#pragma once

#include "aggregation/AggregationTypes.h"
#include "base/Result.h"

namespace dantoc::aggregation {

// Definitions of the figures:
//  - an observation for a unit of another date goes to the lowest common ancestor (at the chosen date) of its
//    counterparts: a merged commune to its new commune; a new commune, read under old boundaries, to the old
//    district (or province) that wholly contains it; no counterpart -> issue unmapped_unit, ignored.
//  - per source unit and group, weighted means need the weight and ratios both parts (else the unit does not
//    contribute); a source unit's total is its explicit total (empty group) if it has one, else the sum of its
//    groups, so per-group and total figures never double count.
//  - `contributing` counts source units; `expected`/`reported` count reporting-level units under the unit
//    (data placed above the reporting level contributes to values but not to `reported`).
//  - rows: every unit of the output levels with data or with expected reporters, for each (period, indicator)
//    that has any data; group rows only where the group has data. Rule `none` gives rows only where data landed,
//    with a value only when exactly one source unit landed there.
// Errors: invalid rules (duplicate codes, missing weight/numerator/denominator, zero or non-finite scale), an
// empty date, or inputs beyond the internal limits (4096 periods or groups, 65536 indicators, 16M units).
Result<AggregationResult> aggregate(const UnitHierarchy& hierarchy, const std::vector<IndicatorRule>& rules,
                                    const std::vector<Observation>& observations, const AggregationRequest& request);

}  // namespace dantoc::aggregation
