// Record values -> observations (see the header for what each field kind contributes).
#include "report/RecordObservations.h"

#include <cmath>
#include <map>
#include <set>

namespace dantoc::server {

namespace {

bool isNumericField(const forms::FieldDef& field)
{
    const forms::FieldType type = field.isComputed() ? field.valueType : field.type;
    return type == forms::FieldType::Integer || type == forms::FieldType::Decimal;
}

bool isBooleanField(const forms::FieldDef& field)
{
    const forms::FieldType type = field.isComputed() ? field.valueType : field.type;
    return type == forms::FieldType::Boolean;
}

}  // namespace

std::vector<aggregation::Observation> observationsFromRecord(const forms::FormTemplate& form,
                                                             const StoredRecord& record, const Json& values)
{
    std::vector<aggregation::Observation> out;
    if (!values.is_object()) {
        return out;
    }
    const auto& fields = form.fields();
    std::set<std::string> topLevelIndicators;
    for (int index : form.topLevelFields()) {
        const forms::FieldDef& field = fields[static_cast<std::size_t>(index)];
        if (field.indicator.empty() || field.isRoster()) {
            continue;
        }
        topLevelIndicators.insert(field.indicator);
        auto it = values.find(field.column);
        if (it == values.end()) {
            continue;
        }
        aggregation::Observation obs{{record.unitCode, {}}, record.period, field.indicator, {}, 0.0};
        if (isNumericField(field) && it->is_number()) {
            obs.value = it->get<double>();
        } else if (isBooleanField(field) && it->is_boolean()) {
            obs.value = it->get<bool>();
        } else {
            continue;
        }
        out.push_back(std::move(obs));
    }

    for (int index : form.topLevelFields()) {
        const forms::FieldDef& roster = fields[static_cast<std::size_t>(index)];
        if (!roster.isRoster()) {
            continue;
        }
        auto rows = values.find(roster.column);
        const bool haveRows = rows != values.end() && rows->is_array();
        for (int columnIndex : roster.columns) {
            const forms::FieldDef& column = fields[static_cast<std::size_t>(columnIndex)];
            if (column.indicator.empty() || !(isNumericField(column) || isBooleanField(column))) {
                continue;
            }
            const bool split = !roster.disaggregateBy.empty();
            if (!split && topLevelIndicators.count(column.indicator) > 0) {
                continue;  // the form's own total wins; summing the rows again would double count
            }
            std::map<std::string, double> byGroup;  // ordered: stable output
            if (haveRows) {
                for (const Json& row : *rows) {
                    if (!row.is_object()) {
                        continue;
                    }
                    std::string group;
                    if (split) {
                        auto g = row.find(roster.disaggregateBy);
                        if (g == row.end() || !g->is_string() || g->get<std::string>().empty()) {
                            continue;
                        }
                        group = g->get<std::string>();
                    }
                    auto v = row.find(column.column);
                    if (v == row.end()) {
                        continue;
                    }
                    if (isNumericField(column) && v->is_number()) {
                        byGroup[group] += v->get<double>();
                    } else if (isBooleanField(column) && v->is_boolean()) {
                        byGroup[group] += v->get<bool>() ? 1.0 : 0.0;
                    }
                }
            }
            for (const auto& [group, sum] : byGroup) {
                out.push_back({{record.unitCode, {}}, record.period, column.indicator, group, sum});
            }
        }
    }
    return out;
}

}  // namespace dantoc::server
