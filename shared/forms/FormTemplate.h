// FormTemplate: a parsed, checked, immutable form template (see shared/docs/form-format.md) with its
// expressions precompiled, a field index by name and the dependency graph validation walks. Immutable after
// parse(); safe to share across threads.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "forms/FormModel.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dantoc::forms {

// One edge of the dependency graph: `node` reads the field the edge hangs from.
struct Dependent {
    int node = 0;               // a field index, or fields().size() + index of a form-level check
    bool sameRow = false;       // read as `.column` from the same roster row: only that row is affected
    bool affectsValue = false;  // read by relevant/calculate (the reader's own value may change), not just a rule
};

class FormTemplate
{
public:
    // Parses and checks a template. Errors are InvalidArgument/ParseError (ResourceExhausted for oversized
    // input) with the JSON path first: "sections[2].fields[5].constraint: 1:15: expected ')'".
    static Result<FormTemplate> parse(std::string_view jsonText);
    static Result<FormTemplate> fromJson(const Json& document);

    const std::string& id() const { return m_id; }
    int version() const { return m_version; }
    const LocalizedText& title() const { return m_title; }
    const LocalizedText& description() const { return m_description; }
    const std::string& unitLevel() const { return m_unitLevel; }
    PeriodType periodType() const { return m_periodType; }

    const std::vector<Section>& sections() const { return m_sections; }
    // Every field, rosters followed directly by their columns, in template order.
    const std::vector<FieldDef>& fields() const { return m_fields; }
    const std::vector<FormCheck>& checks() const { return m_checks; }
    // Top-level fields (including rosters) in template order.
    const std::vector<int>& topLevelFields() const { return m_topLevel; }

    // Index of a field by path ("households_poor", "members.age"), or -1.
    int fieldIndex(std::string_view path) const;
    const FieldDef* field(std::string_view path) const;

    // Dependency graph: for each field index, who reads it (fields and checks).
    const std::vector<Dependent>& dependents(int fieldIndex) const { return m_dependents[static_cast<std::size_t>(fieldIndex)]; }
    // Fields in an order where every field comes after the fields its relevant/calculate read.
    const std::vector<int>& evaluationOrder() const { return m_order; }
    // Position of a field in evaluationOrder().
    int evaluationRank(int fieldIndex) const { return m_rank[static_cast<std::size_t>(fieldIndex)]; }
    std::size_t nodeCount() const { return m_fields.size() + m_checks.size(); }

private:
    friend class TemplateParser;
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    std::string m_id;
    int m_version = 0;
    LocalizedText m_title;
    LocalizedText m_description;
    std::string m_unitLevel;
    PeriodType m_periodType = PeriodType::Yearly;
    std::vector<Section> m_sections;
    std::vector<FieldDef> m_fields;
    std::vector<FormCheck> m_checks;
    std::vector<int> m_topLevel;
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> m_index;
    std::vector<std::vector<Dependent>> m_dependents;
    std::vector<int> m_order;
    std::vector<int> m_rank;
};

// Catalog lists a `choices_from` may name: "ethnic_groups", "religions", "admin_units:<level>" with level one
// of province, district, commune, village.
bool isKnownChoiceList(std::string_view listId);

}  // namespace dantoc::forms
