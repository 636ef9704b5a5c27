// Turns a stored record's values body into aggregation observations through its form template's `indicator`
// fields (shared/docs/form-format.md). Pure functions; thread-safe.
#pragma once

#include "aggregation/AggregationTypes.h"
#include "base/Json.h"
#include "forms/FormTemplate.h"
#include "store/RecordStore.h"

#include <vector>

namespace dantoc::server {

// What each field with an `indicator` contributes:
//  - a top-level integer/decimal/computed number: its value; a boolean: true/false (count rules); other types and
//    unanswered fields: nothing. Group: empty (all groups).
//  - a roster column: summed over the rows per value of the roster's `disaggregate_by` column (booleans count
//    the rows where they are true), one observation per group; rows without a group value are left out. A roster
//    without `disaggregate_by` gives one total (empty group), unless a top-level field feeds the same indicator.
// The record's unit (code only: the unit valid at the chosen date) and period are the observation's.
std::vector<aggregation::Observation> observationsFromRecord(const forms::FormTemplate& form,
                                                             const StoredRecord& record, const Json& values);

}  // namespace dantoc::server
