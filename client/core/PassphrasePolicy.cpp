#include "core/PassphrasePolicy.h"

#include "text/VietnameseText.h"

#include <algorithm>
#include <array>
#include <string>

namespace dantoc::client {

namespace {

// Folded (no diacritics, lower case, spaces dropped) forms of what people type first.
constexpr std::array<std::string_view, 16> kWellKnown = {
    "password", "password1", "password123", "matkhau", "matkhau123", "matkhaukho", "dantoc", "dantoc123",
    "qwertyuiop", "1234567890", "0123456789", "abc123456", "admin12345", "iloveyou12", "administrator", "khongbiet",
};

bool isRun(const std::u32string& text)
{
    if (text.size() < 2) {
        return true;
    }
    // Every step the same (0: "aaaa", +1: "1234", "abcd", -1: "9876").
    const long step = static_cast<long>(text[1]) - static_cast<long>(text[0]);
    if (step < -1 || step > 1) {
        return false;
    }
    for (std::size_t i = 2; i < text.size(); ++i) {
        if (static_cast<long>(text[i]) - static_cast<long>(text[i - 1]) != step) {
            return false;
        }
    }
    return true;
}

}  // namespace

PassphraseProblem checkPassphrase(std::string_view utf8)
{
    const std::u32string points = text::decodeUtf8(text::composeNfc(utf8));
    if (points.size() < static_cast<std::size_t>(kMinPassphraseLength)) {
        return PassphraseProblem::TooShort;
    }
    std::string folded = text::foldForSearch(utf8);
    folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
    const std::u32string foldedPoints = text::decodeUtf8(folded);
    if (isRun(foldedPoints)) {
        return PassphraseProblem::Repetitive;
    }
    // A short pattern repeated: "abcabcabcabc", "12121212".
    for (std::size_t period = 1; period <= foldedPoints.size() / 3; ++period) {
        bool repeats = true;
        for (std::size_t i = period; i < foldedPoints.size() && repeats; ++i) {
            repeats = foldedPoints[i] == foldedPoints[i - period];
        }
        if (repeats) {
            return PassphraseProblem::Repetitive;
        }
    }
    if (std::find(kWellKnown.begin(), kWellKnown.end(), folded) != kWellKnown.end()) {
        return PassphraseProblem::WellKnown;
    }
    if (points.size() < static_cast<std::size_t>(kUniformAllowedLength)) {
        bool digits = true;
        bool lower = true;
        for (char32_t c : points) {
            digits = digits && c >= U'0' && c <= U'9';
            lower = lower && c >= U'a' && c <= U'z';
        }
        if (digits || lower) {
            return PassphraseProblem::TooUniform;
        }
    }
    return PassphraseProblem::None;
}

}  // namespace dantoc::client
