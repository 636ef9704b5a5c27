// Vietnamese text helpers over UTF-8: search folding, NFC composition of Vietnamese letters, and Vietnamese
// alphabetical comparison. Pure functions; thread-safe. Invalid UTF-8 bytes become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace dantoc::text {

// Whether `utf8` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view utf8);
// Code points of `utf8`; each malformed byte becomes U+FFFD.
std::u32string decodeUtf8(std::string_view utf8);
// UTF-8 of `codePoints`; surrogates and values above U+10FFFF become U+FFFD.
std::string encodeUtf8(std::u32string_view codePoints);

// Search key: decompose, drop combining marks, đ/Đ -> d, lowercase. Covers Latin-1, Latin Extended-A/B letters and
// the Vietnamese block U+1EA0-U+1EF9. "Đắk Lắk" -> "dak lak", "hòa" and "hoà" -> "hoa". Other text is kept.
std::string foldForSearch(std::string_view utf8);

// Composes a Vietnamese vowel (or d) followed by combining marks (U+0300 0301 0303 0309 0323 tones; U+0302 0306
// 031B modifiers; in any order) into one precomposed letter, as NFC would: pasted NFD "Nguyễn" becomes NFC.
// Marks that cannot combine are left as they are.
std::string composeNfcVietnamese(std::string_view utf8);
inline std::string composeNfc(std::string_view utf8) { return composeNfcVietnamese(utf8); }

// Duplicate-detection key: composed (NFC), lowercased, spaces collapsed and trimmed, and the tone of every
// syllable moved to one fixed place, so old and new tone placement give the same key: "Thủy" / "Thuỷ" -> "thuỷ",
// "Hòa" / "hoà" -> "hoà". Not for display; a syllable with more than one tone mark is only lowercased.
std::string canonicalToneKey(std::string_view utf8);

// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z at their
// Latin places); tones are secondary (none, grave, hook, tilde, acute, dot below), case tertiary (lower first).
// Inputs are composed first, so NFD and NFC compare equal. Returns <0, 0, >0.
int compareVietnamese(std::string_view a, std::string_view b);

// Convenience for std::sort.
struct VietnameseLess {
    bool operator()(std::string_view a, std::string_view b) const { return compareVietnamese(a, b) < 0; }
};

}  // namespace dantoc::text
