// Default messages for the built-in validation codes, in Vietnamese and English, with {placeholders}.
// Stateless; safe from any thread.
#pragma once

#include "forms/FormModel.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dantoc::validation {

using MessageParams = std::vector<std::pair<std::string_view, std::string>>;

// The message template for a code ("required" → vi "Bắt buộc nhập", en "Required"); unknown codes give the
// code itself.
forms::LocalizedText defaultMessage(std::string_view code);
// Replaces each {name} in `text` by its parameter; unknown placeholders are left as they are.
std::string formatMessage(std::string_view text, const MessageParams& params);
// How a value of this type is described in a "type" message ("số nguyên" / "a whole number").
forms::LocalizedText typeDescription(forms::FieldType type);
// 12, 2.5, 1e+20: shortest form that reads back exactly enough for messages.
std::string formatNumber(double value);

}  // namespace dantoc::validation
