#include "forms/StaticChoiceLists.h"

namespace dantoc::forms {

void StaticChoiceLists::add(const std::string& listId, const std::vector<std::string>& codes)
{
    auto& list = m_lists[listId];
    list.insert(codes.begin(), codes.end());
}

bool StaticChoiceLists::hasList(std::string_view listId) const { return m_lists.find(listId) != m_lists.end(); }

bool StaticChoiceLists::contains(std::string_view listId, std::string_view code) const
{
    const auto list = m_lists.find(listId);
    return list != m_lists.end() && list->second.find(code) != list->second.end();
}

std::size_t StaticChoiceLists::size(std::string_view listId) const
{
    const auto list = m_lists.find(listId);
    return list == m_lists.end() ? 0 : list->second.size();
}

}  // namespace dantoc::forms
