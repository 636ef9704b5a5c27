// TemplateParser: builds a FormTemplate from JSON, checking every rule of shared/docs/form-format.md.
// Internal to the forms module (FormTemplate::parse is the entry point). One instance per parse; not shared.
#pragma once

#include "forms/FormTemplate.h"

#include <string>
#include <vector>

namespace dantoc::forms {

class TemplateParser
{
public:
    Result<FormTemplate> run(const Json& document);

private:
    // An expression waiting for its references to be checked once every field is known.
    struct PendingExpression {
        std::string path;             // JSON path, for errors
        std::vector<std::string> references;
        int roster = -1;              // roster scope (`.column` allowed), -1 at top level
        int node = 0;                 // reader: field index or fields().size() + check index
        bool affectsValue = false;    // relevant / calculate
    };

    void parseHeader(const Json& document);
    void parseSection(const Json& section, const std::string& path);
    int parseField(const Json& field, const std::string& path, const std::string& section, int roster);
    void parseFieldRules(const Json& field, const std::string& path, FieldDef& def);
    void parseChoices(const Json& field, const std::string& path, FieldDef& def);
    void parseRoster(const Json& field, const std::string& path, int index);
    void parseCheck(const Json& check, const std::string& path);
    expr::Expression parseExpression(const Json& value, const std::string& path);
    LocalizedText parseText(const Json& value, const std::string& path, bool required);
    void checkReferences();
    void buildGraph();

    FormTemplate m_template;
    std::vector<PendingExpression> m_pending;
    std::vector<std::string> m_fieldPaths;  // JSON path of each field, for errors found later
    std::vector<std::string> m_checkPaths;
};

}  // namespace dantoc::forms
