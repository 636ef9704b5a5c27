#include "core/UnitRepository.h"

#include "core/Transaction.h"

#include "text/VietnameseText.h"

#include <algorithm>
#include <map>
#include <set>

namespace dantoc::client {

namespace {

constexpr const char* kSelect = "SELECT code, name, IFNULL(level, ''), IFNULL(parent, ''), IFNULL(valid_from, ''), "
                                "IFNULL(valid_to, '') FROM units";

UnitRow readUnit(const Statement& stmt)
{
    return {stmt.columnText(0), stmt.columnText(1), stmt.columnText(2),
            stmt.columnText(3), stmt.columnText(4), stmt.columnText(5)};
}

Status bindOptional(Statement& stmt, int index, const std::string& value)
{
    return value.empty() ? stmt.bindNull(index) : stmt.bindText(index, value);
}

void sortByName(std::vector<UnitRow>& units)
{
    std::stable_sort(units.begin(), units.end(), [](const UnitRow& a, const UnitRow& b) {
        const int order = text::compareVietnamese(a.name, b.name);
        return order != 0 ? order < 0 : a.code < b.code;
    });
}

}  // namespace

Result<std::vector<UnitRow>> UnitRepository::all()
{
    auto stmt = m_connection.prepare(kSelect);
    if (!stmt) {
        return stmt.status();
    }
    auto units = stmt->readAll<UnitRow>(readUnit);
    if (units) {
        sortByName(*units);
    }
    return units;
}

Result<UnitRow> UnitRepository::get(const std::string& code)
{
    auto stmt = m_connection.prepare(std::string(kSelect) + " WHERE code = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, code); !status) {
        return status;
    }
    return stmt->readOne<UnitRow>(readUnit, "no unit " + code);
}

Result<std::vector<UnitRow>> UnitRepository::children(const std::string& parent)
{
    auto units = all();
    if (!units) {
        return units.status();
    }
    std::set<std::string> codes;
    for (const UnitRow& unit : *units) {
        codes.insert(unit.code);
    }
    std::vector<UnitRow> out;
    for (UnitRow& unit : *units) {
        const bool root = unit.parent.empty() || !codes.contains(unit.parent);
        if (parent.empty() ? root : unit.parent == parent) {
            out.push_back(std::move(unit));
        }
    }
    return out;
}

Result<std::vector<UnitNode>> UnitRepository::tree()
{
    auto units = all();
    if (!units) {
        return units.status();
    }
    std::set<std::string> codes;
    for (const UnitRow& unit : *units) {
        codes.insert(unit.code);
    }
    std::map<std::string, std::vector<const UnitRow*>> byParent;  // already sorted by name
    for (const UnitRow& unit : *units) {
        byParent[unit.parent.empty() || !codes.contains(unit.parent) ? std::string() : unit.parent].push_back(&unit);
    }
    // Depth-capped: a parent cycle has no root, so its units are unreachable and never shown; the cap guards
    // against anything else a server might send.
    const auto build = [&](const std::string& parent, auto&& self, int depth) -> std::vector<UnitNode> {
        std::vector<UnitNode> nodes;
        if (depth > 16) {
            return nodes;
        }
        for (const UnitRow* unit : byParent[parent]) {
            UnitNode node{*unit, self(unit->code, self, depth + 1)};
            nodes.push_back(std::move(node));
        }
        return nodes;
    };
    return build(std::string(), build, 0);
}

Status UnitRepository::replaceAll(const std::vector<UnitRow>& units)
{
    std::set<std::string> seen;
    for (const UnitRow& unit : units) {
        if (unit.code.empty() || unit.name.empty()) {
            return {ErrorCode::InvalidArgument, "a unit needs a code and a name"};
        }
        if (unit.parent == unit.code) {
            return {ErrorCode::InvalidArgument, "unit " + unit.code + " is its own parent"};
        }
        if (!seen.insert(unit.code).second) {
            return {ErrorCode::InvalidArgument, "unit " + unit.code + " appears twice"};
        }
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    if (Status status = m_connection.exec("DELETE FROM units"); !status) {
        return status;
    }
    auto stmt = m_connection.prepare(
        "INSERT INTO units(code, name, level, parent, valid_from, valid_to) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!stmt) {
        return stmt.status();
    }
    for (const UnitRow& unit : units) {
        Status status = stmt->reset();
        if (status) status = stmt->bindText(1, unit.code);
        if (status) status = stmt->bindText(2, unit.name);
        if (status) status = stmt->bindText(3, unit.level);
        if (status) status = bindOptional(*stmt, 4, unit.parent);
        if (status) status = bindOptional(*stmt, 5, unit.validFrom);
        if (status) status = bindOptional(*stmt, 6, unit.validTo);
        if (status) status = stmt->execute();
        if (!status) {
            return status;
        }
    }
    return transaction.commit();
}

}  // namespace dantoc::client
