// Record values -> observations (see the header for what each field kind contributes).
#include "report/RecordObservations.h"

#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace dantoc::server {

namespace {

// Typed reads through get_ptr: json::get<T>() inlined at -O2 trips GCC's -Wnull-dereference inside nlohmann.
std::optional<double> numberOf(const Json& value)
{
    if (const auto* i = value.get_ptr<const Json::number_integer_t*>()) {
        return static_cast<double>(*i);
    }
    if (const auto* u = value.get_ptr<const Json::number_unsigned_t*>()) {
        return static_cast<double>(*u);
    }
    if (const auto* d = value.get_ptr<const Json::number_float_t*>()) {
        return *d;
    }
    return std::nullopt;
}

std::optional<bool> booleanOf(const Json& value)
{
    if (const auto* b = value.get_ptr<const Json::boolean_t*>()) {
        return *b;
    }
    return std::nullopt;
}

const Json* memberOf(const Json& object, const std::string& key)
{
    if (!object.is_object()) {
        return nullptr;
    }
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

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
        const Json* value = memberOf(values, field.column);
        if (!value) {
            continue;
        }
        aggregation::Observation obs{{record.unitCode, {}}, record.period, field.indicator, {}, 0.0};
        const std::optional<double> number = numberOf(*value);
        const std::optional<bool> flag = booleanOf(*value);
        if (isNumericField(field) && number) {
            obs.value = *number;
        } else if (isBooleanField(field) && flag) {
            obs.value = *flag;
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
        const Json* rows = memberOf(values, roster.column);
        const bool haveRows = rows && rows->is_array();
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
                        const Json* g = memberOf(row, roster.disaggregateBy);
                        const auto* code = g ? g->get_ptr<const Json::string_t*>() : nullptr;
                        if (!code || code->empty()) {
                            continue;
                        }
                        group = *code;
                    }
                    const Json* v = memberOf(row, column.column);
                    if (!v) {
                        continue;
                    }
                    const std::optional<double> number = numberOf(*v);
                    const std::optional<bool> flag = booleanOf(*v);
                    if (isNumericField(column) && number) {
                        byGroup[group] += *number;
                    } else if (isBooleanField(column) && flag) {
                        byGroup[group] += *flag ? 1.0 : 0.0;
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
