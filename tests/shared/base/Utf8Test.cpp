#include "base/Utf8.h"

#include <doctest/doctest.h>

using namespace dantoc;

TEST_CASE("utf8::decode accepts well-formed sequences and reports their length")
{
    char32_t cp = 0;
    CHECK(utf8::decode("A", 0, cp) == 1);
    CHECK(cp == U'A');
    CHECK(utf8::decode("đ", 0, cp) == 2);
    CHECK(cp == U'đ');
    CHECK(utf8::decode("ữ", 0, cp) == 3);
    CHECK(cp == U'ữ');
    CHECK(utf8::decode("\xF0\x9F\x98\x80", 0, cp) == 4);
    CHECK(cp == 0x1F600);
}

TEST_CASE("utf8::decode refuses overlongs, surrogates, out-of-range and truncated sequences")
{
    char32_t cp = 0;
    CHECK(utf8::decode("\xC0\xAF", 0, cp) == 0);          // overlong '/'
    CHECK(utf8::decode("\xED\xA0\x80", 0, cp) == 0);      // U+D800
    CHECK(utf8::decode("\xF4\x90\x80\x80", 0, cp) == 0);  // above U+10FFFF
    CHECK(utf8::decode("\xE1\xBB", 0, cp) == 0);          // truncated
    CHECK(utf8::decode("\x80", 0, cp) == 0);              // lone continuation byte
}

TEST_CASE("utf8::decodeNext replaces a bad byte and resynchronises")
{
    const std::string_view text = "a\xFF" "b";
    std::size_t pos = 0;
    CHECK(utf8::decodeNext(text, pos) == U'a');
    CHECK(utf8::decodeNext(text, pos) == utf8::kReplacement);
    CHECK(pos == 2);
    CHECK(utf8::decodeNext(text, pos) == U'b');
}

TEST_CASE("utf8::append round-trips every length and firstInvalid finds the offset")
{
    std::string out;
    for (char32_t cp : {U'x', U'ơ', U'Ử', char32_t{0x1F600}}) {
        utf8::append(out, cp);
    }
    CHECK(out == "xơỬ\xF0\x9F\x98\x80");
    CHECK(utf8::firstInvalid(out) == std::string_view::npos);
    CHECK(utf8::firstInvalid("Lào Cai\xC3") == 8);
}
