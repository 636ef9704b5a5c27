#include "text/VietnameseText.h"

#include "base/Utf8.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace dantoc::text {

namespace {

using utf8::append;
using utf8::decodeNext;
using utf8::kReplacement;

std::vector<char32_t> decodeAll(std::string_view s)
{
    std::vector<char32_t> out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        out.push_back(decodeNext(s, pos));
    }
    return out;
}

// The twelve Vietnamese vowels (a ă â e ê i o ô ơ u ư y), each in tone order: none, grave, hook, tilde, acute,
// dot below. Index = vowel * 6 + tone.
constexpr int kVowels = 12;
constexpr int kTones = 6;
constexpr std::string_view kLowerRows = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ";
constexpr std::string_view kUpperRows = "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴ";
constexpr std::string_view kVowelBase = "aaaeeiooouuy";  // vowel index -> ASCII base
// vowel index -> letter of kAlphabet
constexpr std::array<std::string_view, kVowels> kVowelLetters = {"a", "ă", "â", "e", "ê", "i",
                                                                  "o", "ô", "ơ", "u", "ư", "y"};

struct VowelInfo {
    int vowel = 0;
    int tone = 0;
    bool upper = false;
};

struct Tables {
    std::unordered_map<char32_t, VowelInfo> vowels;
    std::array<std::array<std::array<char32_t, 2>, kTones>, kVowels> compose{};  // [vowel][tone][upper]
    std::unordered_map<char32_t, int> alphabetRank;                               // lowercase letter -> rank

    Tables()
    {
        const auto lower = decodeAll(kLowerRows);
        const auto upper = decodeAll(kUpperRows);
        for (int v = 0; v < kVowels; ++v) {
            for (int t = 0; t < kTones; ++t) {
                const auto i = static_cast<std::size_t>(v * kTones + t);
                vowels[lower[i]] = VowelInfo{v, t, false};
                vowels[upper[i]] = VowelInfo{v, t, true};
                compose[static_cast<std::size_t>(v)][static_cast<std::size_t>(t)] = {lower[i], upper[i]};
            }
        }
        const auto alphabet = decodeAll("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz");
        for (std::size_t i = 0; i < alphabet.size(); ++i) {
            alphabetRank[alphabet[i]] = static_cast<int>(i);
        }
    }
};

const Tables& tables()
{
    static const Tables instance;
    return instance;
}

// Latin-1 U+00C0-U+00FF and Latin Extended-A U+0100-U+017F -> lowercase ASCII base letter ('*' = none).
constexpr std::string_view kLatin1Base = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
constexpr std::string_view kLatinExtABase =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkk*llllllllllnnnnnnn**oooooo**rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
// Latin Extended-B U+0180-U+024F: base letter of each canonically decomposable letter (generated from NFD).
constexpr std::string_view kLatinExtBBase =
    "********************************oo*************uu****************************aaiioouuuuuuuuuu*aaaa****gg"
    "kkoooo**j***gg**nnaa****aaaaeeeeiiiioooorrrruuuusstt**hh******aaeeooooooooyy****************************";
static_assert(kLatin1Base.size() == 64);
static_assert(kLatinExtBBase.size() == 0x250 - 0x180);
static_assert(kLatinExtABase.size() == 128);

// ASCII base letter (lowercase) of a precomposed Latin letter, or 0.
char latinBase(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') {
        return static_cast<char>(cp - 'A' + 'a');
    }
    if (cp >= 'a' && cp <= 'z') {
        return static_cast<char>(cp);
    }
    const auto& vowels = tables().vowels;
    if (auto it = vowels.find(cp); it != vowels.end()) {
        return kVowelBase[static_cast<std::size_t>(it->second.vowel)];
    }
    char c = '*';
    if (cp >= 0xC0 && cp <= 0xFF) {
        c = kLatin1Base[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
        c = kLatinExtABase[cp - 0x100];
    } else if (cp >= 0x180 && cp <= 0x24F) {
        c = kLatinExtBBase[cp - 0x180];
    }
    return c == '*' ? '\0' : c;
}

bool isCombiningMark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

int toneOfMark(char32_t mark)
{
    switch (mark) {
    case 0x300:
    case 0x340:
        return 1;
    case 0x309:
        return 2;
    case 0x303:
        return 3;
    case 0x301:
    case 0x341:
        return 4;
    case 0x323:
        return 5;
    default:
        return 0;
    }
}

// The vowel that `vowel` becomes with modifier `mark` (U+0302 circumflex, U+0306 breve, U+031B horn), or -1.
int applyModifier(int vowel, char32_t mark)
{
    if (mark == 0x302) {
        return vowel == 0 ? 2 : vowel == 3 ? 4 : vowel == 6 ? 7 : -1;
    }
    if (mark == 0x306) {
        return vowel == 0 ? 1 : -1;
    }
    if (mark == 0x31B) {
        return vowel == 6 ? 8 : vowel == 9 ? 10 : -1;
    }
    return -1;
}

std::vector<char32_t> composeCodepoints(const std::vector<char32_t>& in)
{
    const auto& t = tables();
    std::vector<char32_t> out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        auto it = t.vowels.find(in[i]);
        if (it == t.vowels.end()) {
            out.push_back(in[i]);
            continue;
        }
        VowelInfo info = it->second;
        std::size_t j = i + 1;
        while (j < in.size() && isCombiningMark(in[j])) {
            const int tone = toneOfMark(in[j]);
            if (tone != 0) {
                if (info.tone != 0) {
                    break;
                }
                info.tone = tone;
            } else {
                const int modified = applyModifier(info.vowel, in[j]);
                if (modified < 0) {
                    break;
                }
                info.vowel = modified;
            }
            ++j;
        }
        out.push_back(t.compose[static_cast<std::size_t>(info.vowel)][static_cast<std::size_t>(info.tone)]
                               [info.upper ? 1 : 0]);
        i = j - 1;
    }
    return out;
}

}  // namespace

std::string foldForSearch(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = decodeNext(utf8, pos);
        if (isCombiningMark(cp)) {
            continue;
        }
        if (cp < 0x80) {
            out.push_back(cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp));
            continue;
        }
        if (const char base = latinBase(cp); base != '\0') {
            out.push_back(base);
        } else {
            append(out, cp);
        }
    }
    return out;
}

std::string composeNfcVietnamese(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (char32_t cp : composeCodepoints(decodeAll(utf8))) {
        append(out, cp);
    }
    return out;
}

namespace {

struct SortKey {
    std::vector<int> primary;
    std::vector<int> secondary;
    std::vector<int> tertiary;
};

SortKey sortKey(std::string_view s)
{
    const auto& t = tables();
    constexpr int kLetterBase = 0x200000;  // letters after every other code point
    SortKey key;
    for (char32_t cp : composeCodepoints(decodeAll(s))) {
        if (isCombiningMark(cp)) {
            continue;  // an uncombined mark: ignored here, the final byte comparison of
                       // the composed texts breaks the tie
        }
        int letter = -1;
        int tone = 0;
        bool upper = false;
        if (auto it = t.vowels.find(cp); it != t.vowels.end()) {
            const auto letters = decodeAll(kVowelLetters[static_cast<std::size_t>(it->second.vowel)]);
            letter = t.alphabetRank.at(letters.front());
            tone = it->second.tone;
            upper = it->second.upper;
        } else if (cp == 0x111 || cp == 0x110) {  // đ Đ
            letter = t.alphabetRank.at(0x111);
            upper = cp == 0x110;
        } else if (const char base = latinBase(cp); base != '\0') {
            letter = t.alphabetRank.at(static_cast<char32_t>(base));
            upper = (cp >= 'A' && cp <= 'Z');
            if (cp >= 0x80) {
                tone = kTones;  // a foreign accented letter sorts after the Vietnamese tones of its base
            }
        }
        if (letter >= 0) {
            key.primary.push_back(kLetterBase + letter);
        } else {
            key.primary.push_back(static_cast<int>(cp));
        }
        key.secondary.push_back(tone);
        key.tertiary.push_back(upper ? 1 : 0);
    }
    return key;
}

int compareVectors(const std::vector<int>& a, const std::vector<int>& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    if (a.size() == b.size()) {
        return 0;
    }
    return a.size() < b.size() ? -1 : 1;
}

}  // namespace

int compareVietnamese(std::string_view a, std::string_view b)
{
    const std::string ca = composeNfcVietnamese(a);
    const std::string cb = composeNfcVietnamese(b);
    const SortKey ka = sortKey(ca);
    const SortKey kb = sortKey(cb);
    if (int c = compareVectors(ka.primary, kb.primary); c != 0) {
        return c;
    }
    if (int c = compareVectors(ka.secondary, kb.secondary); c != 0) {
        return c;
    }
    if (int c = compareVectors(ka.tertiary, kb.tertiary); c != 0) {
        return c;
    }
    const int c = ca.compare(cb);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}


bool isValidUtf8(std::string_view utf8)
{
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t before = pos;
        if (decodeNext(utf8, pos) == kReplacement) {
            // A literal U+FFFD (EF BF BD) is valid; a replacement for a bad byte consumed only one byte.
            if (pos - before != 3) {
                return false;
            }
        }
    }
    return true;
}

std::u32string decodeUtf8(std::string_view utf8)
{
    const auto cps = decodeAll(utf8);
    return std::u32string(cps.begin(), cps.end());
}

std::string encodeUtf8(std::u32string_view codePoints)
{
    std::string out;
    out.reserve(codePoints.size());
    for (char32_t cp : codePoints) {
        append(out, (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ? kReplacement : cp);
    }
    return out;
}

namespace {

bool isAsciiLetter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// Where the tone of a syllable goes (index into `syl`, which holds lowercase letters without tone), or -1.
// New-style placement: on the modified vowel (ă â ê ô ơ ư; the last one, so "ươ" -> ơ); else on the only vowel;
// else on the last vowel before a final consonant; else oa/oe/uy take it on the second vowel, other open pairs
// on the first, triples in the middle. "qu" and "gi" before another vowel are consonants.
int tonePosition(const std::vector<char32_t>& syl, const std::vector<int>& vowelOf)
{
    std::size_t start = 0;
    while (start < syl.size() && vowelOf[start] < 0) {
        ++start;
    }
    std::size_t end = start;
    while (end < syl.size() && vowelOf[end] >= 0) {
        ++end;
    }
    if (start == end) {
        return -1;
    }
    if (end - start > 1 && start == 1 &&
        ((syl[0] == 'q' && vowelOf[1] == 9) || (syl[0] == 'g' && vowelOf[1] == 5))) {
        ++start;
    }
    int modified = -1;
    for (std::size_t i = start; i < end; ++i) {
        const int v = vowelOf[i];
        if (v == 1 || v == 2 || v == 4 || v == 7 || v == 8 || v == 10) {
            modified = static_cast<int>(i);
        }
    }
    if (modified >= 0) {
        return modified;
    }
    const std::size_t n = end - start;
    if (n == 1) {
        return static_cast<int>(start);
    }
    if (end < syl.size()) {
        return static_cast<int>(end - 1);
    }
    if (n == 2) {
        const int a = vowelOf[start];
        const int b = vowelOf[start + 1];
        const bool secondTakes = (a == 6 && (b == 0 || b == 3)) || (a == 9 && b == 11);  // oa oe uy
        return static_cast<int>(secondTakes ? start + 1 : start);
    }
    return static_cast<int>(start + 1);
}

void appendSyllable(std::vector<char32_t>& out, std::vector<char32_t>& syl)
{
    const auto& t = tables();
    std::vector<int> vowelOf(syl.size(), -1);
    int tone = 0;
    int tones = 0;
    for (std::size_t i = 0; i < syl.size(); ++i) {
        if (auto it = t.vowels.find(syl[i]); it != t.vowels.end()) {
            vowelOf[i] = it->second.vowel;
            if (it->second.tone != 0) {
                tone = it->second.tone;
                ++tones;
            }
        }
    }
    if (tones == 1) {
        if (const int at = tonePosition(syl, vowelOf); at >= 0) {
            for (std::size_t i = 0; i < syl.size(); ++i) {
                if (vowelOf[i] >= 0) {
                    const int want = static_cast<int>(i) == at ? tone : 0;
                    syl[i] = t.compose[static_cast<std::size_t>(vowelOf[i])][static_cast<std::size_t>(want)][0];
                }
            }
        }
    }
    out.insert(out.end(), syl.begin(), syl.end());
    syl.clear();
}

}  // namespace

std::string canonicalToneKey(std::string_view utf8)
{
    const auto& t = tables();
    std::vector<char32_t> out;
    std::vector<char32_t> syl;
    bool pendingSpace = false;
    for (char32_t cp : composeCodepoints(decodeAll(utf8))) {
        char32_t lower = cp;
        bool letter = false;
        if (isAsciiLetter(cp)) {
            lower = (cp >= 'A' && cp <= 'Z') ? cp - 'A' + 'a' : cp;
            letter = true;
        } else if (cp == 0x110 || cp == 0x111) {
            lower = 0x111;
            letter = true;
        } else if (auto it = t.vowels.find(cp); it != t.vowels.end()) {
            lower = t.compose[static_cast<std::size_t>(it->second.vowel)][static_cast<std::size_t>(it->second.tone)][0];
            letter = true;
        }
        if (letter) {
            if (pendingSpace && !out.empty()) {
                out.push_back(' ');
            }
            pendingSpace = false;
            syl.push_back(lower);
            continue;
        }
        appendSyllable(out, syl);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty()) {
            out.push_back(' ');
        }
        pendingSpace = false;
        out.push_back(cp);
    }
    appendSyllable(out, syl);
    std::string result;
    for (char32_t cp : out) {
        append(result, cp);
    }
    return result;
}

}  // namespace dantoc::text
