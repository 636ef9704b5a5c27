// Record unit versions and the split check for reports under any date's boundaries (see the header).
#include "report/ReportBoundaries.h"

#include "expr/Value.h"

namespace dantoc::server {

namespace {

bool overlaps(const admin::Unit& unit, std::string_view startsOn, std::string_view endsOn)
{
    return unit.validFrom <= endsOn && (unit.validTo.empty() || startsOn <= unit.validTo);
}

std::string describe(const admin::Unit& unit)
{
    return unit.code + " (" + unit.nameVi + ", " + unit.validFrom + ")";
}

}  // namespace

const admin::Unit* recordVersion(const admin::AdminTree& tree, std::string_view code, std::string_view startsOn,
                                 std::string_view endsOn)
{
    if (const admin::Unit* atEnd = tree.find(code, endsOn)) {
        return atEnd;
    }
    const admin::Unit* during = nullptr;
    const admin::Unit* before = nullptr;
    for (const admin::Unit* version : tree.versionsOf(code)) {  // oldest first: the last match is the latest
        if (overlaps(*version, startsOn, endsOn)) {
            during = version;
        }
        if (version->validFrom <= endsOn) {
            before = version;
        }
    }
    return during != nullptr ? during : before;
}

Status checkNotSplit(const admin::AdminTree& tree, const admin::Unit& version, std::string_view date)
{
    if (version.validTo.empty() || date <= version.validTo) {
        return Status::ok();  // valid then, or read under boundaries older than itself
    }
    const auto successors = tree.successorsAt(version.code, version.validFrom, date);
    if (successors.size() <= 1) {
        return Status::ok();  // merged (or renamed, or dissolved) into one unit: its figures add into it
    }
    std::string into;
    for (const admin::Unit* successor : successors) {
        into += (into.empty() ? "" : ", ") + describe(*successor);
    }
    const std::string day(date);
    return Status(ErrorCode::FailedPrecondition,
                  "Đơn vị " + describe(version) + " đã được chia tách: vào ngày " + day +
                      " địa bàn của nó thuộc " + into +
                      "; không thể chia số liệu của đơn vị này cho các đơn vị đó, hãy chọn ngày địa giới trước khi "
                      "chia tách / unit " +
                      describe(version) + " was split: on " + day + " its territory lies in " + into +
                      "; its figures cannot be divided among them, choose boundaries from before the split");
}

bool isIsoDate(const std::string& text)
{
    expr::Date date{};
    return expr::parseIsoDate(text, date);
}

}  // namespace dantoc::server
