#include "expr/Utf8.h"

namespace dantoc::expr::utf8 {

namespace {

using dantoc::utf8::decode;

char32_t lowerOf(char32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    if ((c >= 0x100 && c <= 0x137 && c != 0x130) || (c >= 0x14A && c <= 0x177) || (c >= 0x1EA0 && c <= 0x1EF9)) {
        return (c & 1) == 0 ? c + 1 : c;
    }
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
        return (c & 1) == 1 ? c + 1 : c;
    }
    if (c == 0x1A0 || c == 0x1AF) {  // Ơ Ư
        return c + 1;
    }
    return c;
}

char32_t upperOf(char32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) {
        return c - 0x20;
    }
    if ((c >= 0x100 && c <= 0x137 && c != 0x131) || (c >= 0x14A && c <= 0x177) || (c >= 0x1EA0 && c <= 0x1EF9)) {
        return (c & 1) == 1 ? c - 1 : c;
    }
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
        return (c & 1) == 0 ? c - 1 : c;
    }
    if (c == 0x1A1 || c == 0x1B0) {  // ơ ư
        return c - 1;
    }
    return c;
}

template <typename Map>
std::string mapCase(std::string_view text, Map map)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t length = decode(text, i, cp);
        if (length == 0) {
            out.push_back(text[i]);
            ++i;
            continue;
        }
        append(out, map(cp));
        i += length;
    }
    return out;
}

}  // namespace

std::size_t countCodePoints(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

std::string toLower(std::string_view text)
{
    return mapCase(text, lowerOf);
}

std::string toUpper(std::string_view text)
{
    return mapCase(text, upperOf);
}

}  // namespace dantoc::expr::utf8
