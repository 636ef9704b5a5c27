// NFC for JSON values: every string in a values tree composed (text::composeNfc), keys unchanged, so decomposed
// (NFD) Vietnamese pasted from another program is stored, counted (max_length) and matched (regex) as the composed
// text the user sees. Pure functions; thread-safe.
#pragma once

#include "base/Json.h"

namespace dantoc::client {

// Whether some string in `value` (recursively) holds a combining mark composeNfc may compose (U+0300-U+033F).
bool hasDecomposedText(const Json& value);
// Composes every string in `value` in place, recursively through objects and arrays; keys are left as they are.
// Returns whether anything changed. Strings without such marks are not touched (not even re-encoded).
bool composeNfcStrings(Json& value);

}  // namespace dantoc::client
