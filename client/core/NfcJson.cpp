#include "core/NfcJson.h"

#include "text/VietnameseText.h"

#include <string>

namespace dantoc::client {

namespace {

// Every mark composeNfc combines (tones U+0300 0301 0303 0309 0323, modifiers U+0302 0306 031B) lies in
// U+0300-U+033F, whose UTF-8 starts with the byte 0xCC; a string without it is already composed.
bool mayBeDecomposed(const std::string& text)
{
    return text.find('\xCC') != std::string::npos;
}

}  // namespace

bool hasDecomposedText(const Json& value)
{
    if (value.is_string()) {
        return mayBeDecomposed(value.get_ref<const std::string&>());
    }
    if (value.is_object() || value.is_array()) {
        for (const Json& item : value) {
            if (hasDecomposedText(item)) {
                return true;
            }
        }
    }
    return false;
}

bool composeNfcStrings(Json& value)
{
    if (value.is_string()) {
        std::string& text = value.get_ref<std::string&>();
        if (!mayBeDecomposed(text)) {
            return false;
        }
        std::string composed = text::composeNfc(text);
        if (composed == text) {
            return false;
        }
        text = std::move(composed);
        return true;
    }
    bool changed = false;
    if (value.is_object() || value.is_array()) {
        for (Json& item : value) {
            changed = composeNfcStrings(item) || changed;
        }
    }
    return changed;
}

}  // namespace dantoc::client
