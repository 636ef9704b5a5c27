// Which unit version a stored record stands for (records carry a unit code only, and codes are reused across
// reforms: 15 is old Yên Bái until 2025-06-30 and new Lào Cai after), and whether a record's figures can be
// reported under the boundaries of another date. Pure functions over an immutable AdminTree; thread-safe.
#pragma once

#include "admin/AdminTree.h"
#include "base/Result.h"
#include "base/Status.h"

#include <string>
#include <string_view>

namespace dantoc::server {

// The version of `code` a record of the period [startsOn, endsOn] describes: the one valid on the period's last
// day (the boundaries a period is reported under by default); else the latest version valid on some day of the
// period (a unit abolished during it); else the latest version begun before the period ended (a late record of a
// unit abolished earlier). nullptr for an unknown code or one that only began after the period.
const admin::Unit* recordVersion(const admin::AdminTree& tree, std::string_view code, std::string_view startsOn,
                                 std::string_view endsOn);

// Ok when the figures of `version` can be placed whole under the units of `date`; FailedPrecondition naming the
// unit (code, name, valid-from) and the units its territory lies in when it was split before `date`. A figure of
// a split unit would have to be divided between its successors by some guess (population share, area...), which
// is not the software's to make. Reading later-formed units under older boundaries is not refused: such a figure
// lands whole on the older unit that contains the unit's territory (shared/aggregation/Aggregator.h).
Status checkNotSplit(const admin::AdminTree& tree, const admin::Unit& version, std::string_view date);

// A real calendar day written "YYYY-MM-DD".
bool isIsoDate(const std::string& text);

}  // namespace dantoc::server
