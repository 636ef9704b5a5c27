#include "text/VietnameseText.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace dantoc::text;

TEST_CASE("foldForSearch: Vietnamese letters, đ, case, NFC and NFD alike")
{
    CHECK(foldForSearch("Đắk Lắk") == "dak lak");
    CHECK(foldForSearch("Nguyễn") == "nguyen");
    CHECK(foldForSearch("hòa") == "hoa");
    CHECK(foldForSearch("hoà") == "hoa");
    CHECK(foldForSearch("NGUYỄN THỊ ƯỚC") == "nguyen thi uoc");
    CHECK(foldForSearch("Nguye\xCC\x82\xCC\x83n") == "nguyen");  // NFD: e + U+0302 + U+0303
    CHECK(foldForSearch("Mông") == "mong");
    CHECK(foldForSearch("Ça Ñ Ō Ş") == "ca n o s");                 // Latin-1 and Extended-A
    CHECK(foldForSearch("Ơ ư Ỹ ỵ") == "o u y y");
    CHECK(foldForSearch("Ǎ ǖ Ș ț Ȳ ǹ") == "a u s t y n");            // Latin Extended-B
    CHECK(foldForSearch("ƀ") == "ƀ");                                // no decomposition: kept
    CHECK(foldForSearch("abc 123 Σ") == "abc 123 Σ");              // non-Latin is kept
    CHECK(foldForSearch("a\xFF" "b") == "a\xEF\xBF\xBD" "b");      // invalid byte -> U+FFFD
    CHECK(foldForSearch("").empty());
}

TEST_CASE("composeNfcVietnamese: NFD to precomposed, including two-mark letters")
{
    CHECK(composeNfcVietnamese("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");
    CHECK(composeNfcVietnamese("e\xCC\xA3\xCC\x82") == "ệ");            // dot below before circumflex (canonical)
    CHECK(composeNfcVietnamese("e\xCC\x82\xCC\xA3") == "ệ");            // either order
    CHECK(composeNfcVietnamese("U\xCC\x9B\xCC\x81") == "Ứ");            // horn + acute
    CHECK(composeNfcVietnamese("a\xCC\x86\xCC\x80") == "ằ");            // breve + grave
    CHECK(composeNfcVietnamese("o\xCC\x81") == "ó");
    CHECK(composeNfcVietnamese("ê\xCC\x80") == "ề");                    // half-composed input
    CHECK(composeNfcVietnamese("Đắk Lắk") == "Đắk Lắk");               // NFC unchanged
    CHECK(composeNfcVietnamese("c\xCC\x81") == "c\xCC\x81");            // no precomposed form: kept
    CHECK(composeNfcVietnamese("a\xCC\x81\xCC\x80") == "á\xCC\x80");    // a second tone is left alone
    CHECK(composeNfcVietnamese("i\xCC\x82") == "i\xCC\x82");            // no such Vietnamese letter
}

TEST_CASE("compareVietnamese: alphabet order, tones secondary")
{
    const std::vector<std::string> expected = {"An Phú",   "Ăn Uống", "Ân Thi",  "Bà Rịa", "Bắc Ninh",
                                               "Dương",    "Đà Nẵng", "Uông Bí", "Ưng Hòa"};
    std::vector<std::string> shuffled = {expected[8], expected[3], expected[6], expected[0], expected[5],
                                         expected[2], expected[7], expected[1], expected[4]};
    std::sort(shuffled.begin(), shuffled.end(), VietnameseLess{});
    CHECK(shuffled == expected);

    CHECK(compareVietnamese("a", "à") < 0);
    CHECK(compareVietnamese("à", "ả") < 0);
    CHECK(compareVietnamese("ả", "ã") < 0);
    CHECK(compareVietnamese("ã", "á") < 0);
    CHECK(compareVietnamese("á", "ạ") < 0);
    CHECK(compareVietnamese("ạ", "ă") < 0);    // the letter decides before the tone
    CHECK(compareVietnamese("má", "mai") < 0);  // primary first: "ma" < "mai"
    CHECK(compareVietnamese("d", "đ") < 0);
    CHECK(compareVietnamese("đz", "e") < 0);
    CHECK(compareVietnamese("y", "z") < 0);
    CHECK(compareVietnamese("an", "An") < 0);  // lower case first
    CHECK(compareVietnamese("Nguyễn", "Nguye\xCC\x82\xCC\x83n") == 0);  // NFC == NFD
    CHECK(compareVietnamese("a\xCC\x81", "á") == 0);
    CHECK(compareVietnamese("hòa", "hòa") == 0);
    CHECK(compareVietnamese("", "a") < 0);
}

TEST_CASE("UTF-8: validate, decode, encode")
{
    CHECK(isValidUtf8("Đắk Lắk"));
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("\xEF\xBF\xBD"));          // a literal U+FFFD is valid
    CHECK_FALSE(isValidUtf8("a\xFF"));
    CHECK_FALSE(isValidUtf8("\xC0\x80"));        // overlong NUL
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));    // surrogate
    CHECK_FALSE(isValidUtf8("\xE1\xBB"));        // truncated
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
    CHECK(decodeUtf8("Đệ") == std::u32string{0x110, 0x1EC7});
    CHECK(decodeUtf8("a\xFF") == std::u32string{U'a', 0xFFFD});
    CHECK(encodeUtf8(std::u32string{0x110, 0x1EC7, U'!'}) == "Đệ!");
    CHECK(encodeUtf8(std::u32string{0xD800, 0x110000}) == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(encodeUtf8(decodeUtf8("Nguyễn 😀")) == "Nguyễn 😀");
    CHECK(composeNfc("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");
}

TEST_CASE("canonicalToneKey: old and new tone placement give one key")
{
    CHECK(canonicalToneKey("Thủy") == canonicalToneKey("Thuỷ"));
    CHECK(canonicalToneKey("Thủy") == "thuỷ");
    CHECK(canonicalToneKey("hòa") == canonicalToneKey("hoà"));
    CHECK(canonicalToneKey("Hòa") == "hoà");
    CHECK(canonicalToneKey("Ưng Hòa") == canonicalToneKey("ưng hoà"));
    CHECK(canonicalToneKey("khỏe") == canonicalToneKey("khoẻ"));
    CHECK(canonicalToneKey("Hoàng") == "hoàng");             // closed syllable: already canonical
    CHECK(canonicalToneKey("Nguye\xCC\x82\xCC\x83n") == "nguyễn");  // NFD input composes first
    CHECK(canonicalToneKey("  Thôn   Nà  Hồ ") == "thôn nà hồ");    // spaces collapsed and trimmed
    CHECK(canonicalToneKey("quả") == "quả");                // qu: u is a consonant
    CHECK(canonicalToneKey("giữa") == "giữa");              // ư takes the tone
    CHECK(canonicalToneKey("người") == "người");            // ươ: ơ takes the tone
    CHECK(canonicalToneKey("mái") == "mái");                // open ai: first vowel
    // Different tones or letters stay different.
    CHECK(canonicalToneKey("hòa") != canonicalToneKey("hóa"));
    CHECK(canonicalToneKey("Thủy") != canonicalToneKey("Thùy"));
    CHECK(canonicalToneKey("Đa") != canonicalToneKey("Da"));
    CHECK(canonicalToneKey("Bản 1, Xã 2") == "bản 1, xã 2");
}
