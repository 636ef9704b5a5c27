// ChoiceListResolver: answers "is this code in that catalog list?" for fields with `choices_from`
// ("ethnic_groups", "religions", "admin_units:village"). Implemented by catalog adapters (and by
// StaticChoiceLists for tests and tools). Implementations must be safe for concurrent const calls.
#pragma once

#include <string_view>

namespace dantoc::forms {

class ChoiceListResolver
{
public:
    virtual ~ChoiceListResolver() = default;
    // Whether this resolver serves the list; validation skips membership checks for lists it does not serve.
    virtual bool hasList(std::string_view listId) const = 0;
    virtual bool contains(std::string_view listId, std::string_view code) const = 0;
};

}  // namespace dantoc::forms
