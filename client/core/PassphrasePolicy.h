// PassphrasePolicy: whether a new store passphrase is strong enough to protect a laptop that may be lost (ASVS
// V6.2: length first, no composition games, no well-known passphrases). Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace dantoc::client {

enum class PassphraseProblem {
    None,
    TooShort,     // fewer than kMinPassphraseLength characters (code points)
    Repetitive,   // one character, or a run like "12345678" / "abcdefgh", over and over
    WellKnown,    // a passphrase from the list people reach for first ("password", "matkhau123", the app's name)
    TooUniform,   // short and of one kind only (all digits, all lower-case letters); fine from 16 characters
};

inline constexpr int kMinPassphraseLength = 10;
inline constexpr int kUniformAllowedLength = 16;

// The first problem found in `utf8` (NFC or not; compared case- and diacritic-insensitively), None when acceptable.
PassphraseProblem checkPassphrase(std::string_view utf8);

}  // namespace dantoc::client
