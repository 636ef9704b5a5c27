#include "forms/FormTemplate.h"

#include "forms/TemplateParser.h"

namespace dantoc::forms {

Result<FormTemplate> FormTemplate::parse(std::string_view jsonText)
{
    auto document = parseJson(jsonText);
    if (!document) {
        return Status(document.status().code(), "template: " + document.status().message());
    }
    return fromJson(*document);
}

Result<FormTemplate> FormTemplate::fromJson(const Json& document)
{
    TemplateParser parser;
    return parser.run(document);
}

int FormTemplate::fieldIndex(std::string_view path) const
{
    const auto found = m_index.find(path);
    return found == m_index.end() ? -1 : found->second;
}

const FieldDef* FormTemplate::field(std::string_view path) const
{
    const int index = fieldIndex(path);
    return index < 0 ? nullptr : &m_fields[static_cast<std::size_t>(index)];
}

}  // namespace dantoc::forms
