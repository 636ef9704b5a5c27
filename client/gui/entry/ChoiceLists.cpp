#include "gui/entry/ChoiceLists.h"

#include "core/CatalogRepository.h"
#include "core/UnitRepository.h"

#include "catalog/EthnicGroupCatalog.h"
#include "catalog/ReligionCatalog.h"
#include "text/VietnameseText.h"

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

ChoiceItem makeItem(const std::string& code, const QString& label, const std::vector<std::string>& extra = {})
{
    ChoiceItem item{code, label, {}};
    item.keys << ChoiceLists::fold(label);
    for (const std::string& name : extra) {
        item.keys << ChoiceLists::fold(qs(name));
    }
    item.keys << ChoiceLists::fold(qs(code));
    item.keys.removeDuplicates();
    return item;
}

ChoiceList ethnicGroups(client::Connection& connection)
{
    ChoiceList list;
    auto stored = client::CatalogRepository(connection).get("ethnic_groups");
    if (!stored) {
        return list;
    }
    auto catalog = catalog::EthnicGroupCatalog::loadCsv(stored->body, "ethnic_groups");
    if (!catalog) {
        return list;
    }
    for (const catalog::EthnicGroup& group : catalog->all()) {
        std::vector<std::string> names = group.otherNames;
        names.insert(names.end(), group.searchAliases.begin(), group.searchAliases.end());
        list.push_back(makeItem(group.code, qs(group.nameVi), names));
    }
    return list;
}

ChoiceList religions(client::Connection& connection, forms::Language language)
{
    ChoiceList list;
    auto stored = client::CatalogRepository(connection).get("religions");
    if (!stored) {
        return list;
    }
    auto catalog = catalog::ReligionCatalog::loadCsv(stored->body, "religions");
    if (!catalog) {
        return list;
    }
    for (const catalog::Religion& religion : catalog->all()) {
        const std::string& label =
            language == forms::Language::En && !religion.nameEn.empty() ? religion.nameEn : religion.nameVi;
        list.push_back(makeItem(religion.code, qs(label), {religion.nameVi, religion.nameEn}));
    }
    return list;
}

void collectUnits(const std::vector<client::UnitNode>& nodes, std::string_view level, ChoiceList& out)
{
    for (const client::UnitNode& node : nodes) {
        if (node.unit.level == level) {
            out.push_back(makeItem(node.unit.code, qs(node.unit.name)));
        }
        collectUnits(node.children, level, out);
    }
}

ChoiceList adminUnits(client::Connection& connection, std::string_view level)
{
    ChoiceList list;
    if (auto tree = client::UnitRepository(connection).tree()) {
        collectUnits(*tree, level, list);  // by parent, then name: villages of one commune together
    }
    return list;
}

}  // namespace

ChoiceLists ChoiceLists::load(client::Connection& connection, const forms::FormTemplate& form,
                              forms::Language language)
{
    ChoiceLists lists;
    for (const forms::FieldDef& field : form.fields()) {
        if (!field.choices.empty()) {
            ChoiceList list;
            for (const forms::Choice& choice : field.choices) {
                list.push_back(makeItem(choice.code, qs(choice.label.in(language)), {choice.label.vi, choice.label.en}));
            }
            lists.m_inline[field.name] = std::move(list);
        } else if (!field.choicesFrom.empty() && !lists.m_catalogs.contains(field.choicesFrom)) {
            ChoiceList list;
            constexpr std::string_view kAdmin = "admin_units:";
            if (field.choicesFrom == "ethnic_groups") {
                list = ethnicGroups(connection);
            } else if (field.choicesFrom == "religions") {
                list = religions(connection, language);
            } else if (field.choicesFrom.starts_with(kAdmin)) {
                list = adminUnits(connection, std::string_view(field.choicesFrom).substr(kAdmin.size()));
            }
            if (!list.empty()) {
                auto& codes = lists.m_codes[field.choicesFrom];
                for (const ChoiceItem& item : list) {
                    codes.insert(item.code);
                }
            }
            lists.m_catalogs[field.choicesFrom] = std::move(list);
        }
    }
    return lists;
}

const ChoiceList* ChoiceLists::forField(const forms::FieldDef& field) const
{
    if (auto it = m_inline.find(field.name); it != m_inline.end()) {
        return &it->second;
    }
    if (auto it = m_catalogs.find(field.choicesFrom); !field.choicesFrom.empty() && it != m_catalogs.end()) {
        return &it->second;
    }
    return nullptr;
}

bool ChoiceLists::hasList(std::string_view listId) const { return m_codes.contains(listId); }

bool ChoiceLists::contains(std::string_view listId, std::string_view code) const
{
    auto it = m_codes.find(listId);
    return it != m_codes.end() && it->second.contains(code);
}

QString ChoiceLists::fold(const QString& text)
{
    const QString folded =
        qs(text::foldForSearch(text.normalized(QString::NormalizationForm_C).toStdString()));
    return folded.simplified();
}

const ChoiceItem* ChoiceLists::findExact(const ChoiceList& list, const QString& text)
{
    const QString key = fold(text);
    if (key.isEmpty()) {
        return nullptr;
    }
    // The label first (Kinh's label beats another group's other name), then any key; two matches: ambiguous.
    const ChoiceItem* byKey = nullptr;
    int keyMatches = 0;
    for (const ChoiceItem& item : list) {
        if (item.keys.first() == key) {
            return &item;
        }
        if (item.keys.contains(key)) {
            byKey = &item;
            ++keyMatches;
        }
    }
    return keyMatches == 1 ? byKey : nullptr;
}

const ChoiceItem* ChoiceLists::findCode(const ChoiceList& list, std::string_view code)
{
    for (const ChoiceItem& item : list) {
        if (item.code == code) {
            return &item;
        }
    }
    return nullptr;
}

}  // namespace dantoc::gui
