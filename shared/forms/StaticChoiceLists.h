// StaticChoiceLists: a ChoiceListResolver over code sets given up front (tests, the CLI's catalog loader).
// Fill it, then share it read-only; const calls are thread-safe.
#pragma once

#include "forms/ChoiceListResolver.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dantoc::forms {

class StaticChoiceLists final : public ChoiceListResolver
{
public:
    // Adds codes to a list (creating it, possibly empty).
    void add(const std::string& listId, const std::vector<std::string>& codes);
    bool hasList(std::string_view listId) const override;
    bool contains(std::string_view listId, std::string_view code) const override;
    std::size_t size(std::string_view listId) const;

private:
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> m_lists;
};

}  // namespace dantoc::forms
