// ChoiceLists: the items of a form's choice fields — inline lists from the template, catalog lists read from the
// store (CatalogRepository: ethnic groups with their other names, religions; UnitRepository: admin_units) — each
// with the diacritic-folded keys type-to-search matches. Also the ChoiceListResolver live validation checks codes
// against. Built on the GUI thread, immutable afterwards (const calls are safe from any thread).
#pragma once

#include "core/Connection.h"

#include "forms/ChoiceListResolver.h"
#include "forms/FormTemplate.h"

#include <QString>
#include <QStringList>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::gui {

struct ChoiceItem
{
    std::string code;
    QString label;     // in the form's language, as shown and inserted by the completer
    QStringList keys;  // folded search keys: the label, other names and aliases, the code
};
using ChoiceList = std::vector<ChoiceItem>;

class ChoiceLists final : public forms::ChoiceListResolver
{
public:
    // Reads the catalogs the form's `choices_from` lists need. A catalog missing from the store leaves its list
    // empty and unchecked (validation skips lists it does not serve), never an error.
    static ChoiceLists load(client::Connection& connection, const forms::FormTemplate& form,
                            forms::Language language);

    // The list of a choice/choices field (inline or catalog); nullptr for other fields.
    const ChoiceList* forField(const forms::FieldDef& field) const;

    bool hasList(std::string_view listId) const override;
    bool contains(std::string_view listId, std::string_view code) const override;

    // Search key of a text: NFC, then fold (marks dropped, đ -> d, lower case), spaces collapsed.
    static QString fold(const QString& text);
    // The item whose label, other name, alias or code folds to exactly `text`; nullptr when none or ambiguous.
    static const ChoiceItem* findExact(const ChoiceList& list, const QString& text);
    static const ChoiceItem* findCode(const ChoiceList& list, std::string_view code);

private:
    std::map<std::string, ChoiceList, std::less<>> m_catalogs;  // by list id
    std::map<std::string, ChoiceList, std::less<>> m_inline;    // by field path
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> m_codes;  // served catalog lists
};

}  // namespace dantoc::gui
