// Text functions on Vietnamese: len in code points, regex full match (RE2, UTF-8), case mapping, trim.
#include "TestContext.h"

#include "expr/Utf8.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("len counts code points, not bytes")
{
    MapContext context;
    context.fields["province"] = txt("Hà Giang");
    CHECK(std::string("Hà Giang").size() == 9);
    CHECK(eval("len(province)", context) == num(8));
    CHECK(eval("len('Đồng bào dân tộc thiểu số')") == num(25));
    CHECK(eval("len('')") == num(0));
    CHECK(eval("len(12)").isNull());
    CHECK(eval("len(missing)").isNull());
    // a context may hand over broken UTF-8; len still terminates with a sensible count
    context.fields["broken"] = txt("a\xC3");
    CHECK(eval("len(broken)", context) == num(2));
}

TEST_CASE("regex is a full match with Vietnamese characters")
{
    MapContext context;
    context.fields["phone"] = txt("0912345678");
    context.fields["name"] = txt("Giàng Thị Mỷ");
    context.fields["code"] = txt("A12x");
    CHECK(eval("regex(phone, '0[0-9]{9}')", context) == boolean(true));
    CHECK(eval("regex(phone, '[0-9]{3}')", context) == boolean(false));   // full match, not search
    CHECK(eval("regex(name, '[\\\\p{L} ]+')", context) == boolean(true));
    CHECK(eval(R"(regex(name, '[\p{L} ]+'))", context) == boolean(true));
    CHECK(eval(R"(regex(phone, '\d{10}'))", context) == boolean(true));
    CHECK(eval("regex(name, 'Giàng .*')", context) == boolean(true));
    CHECK(eval("regex(name, 'Gi.ng Th. M.')", context) == boolean(true)); // . is one code point
    CHECK(eval("regex(name, '[A-Za-z ]+')", context) == boolean(false));
    CHECK(eval("regex('Mỷ', '(?i)mỷ')") == boolean(true));
    CHECK(eval("regex(missing, 'x')", context).isNull());
    CHECK(eval("regex(12, 'x')", context).isNull());
}

TEST_CASE("regex with a pattern computed at run time; invalid ones are null")
{
    MapContext context;
    context.fields["code"] = txt("A12");
    context.fields["pattern"] = txt("[A-Z][0-9]+");
    context.fields["broken"] = txt("(");
    context.fields["huge"] = txt(std::string(kMaxPatternBytes + 1, 'a'));
    CHECK(eval("regex(code, pattern)", context) == boolean(true));
    CHECK(eval("regex(code, 'A' + '[0-9]*')", context) == boolean(true));
    CHECK(eval("regex(code, broken)", context).isNull());
    CHECK(eval("regex(code, huge)", context).isNull());
    CHECK(eval("regex(code, missing)", context).isNull());
    CHECK(eval("regex(code, 12)", context).isNull());
    // RE2 runs in linear time: a pattern that backtracks exponentially elsewhere is harmless
    context.fields["aaa"] = txt(std::string(5000, 'a') + "!");
    CHECK(eval("regex(aaa, '(a+)+$')", context) == boolean(false));
    CHECK(eval("regex(aaa, pattern2)", context).isNull());
}

TEST_CASE("a literal pattern that is too long is a parse error")
{
    const std::string source = "regex(x, '" + std::string(kMaxPatternBytes + 1, 'a') + "')";
    CHECK(parseError(source) == "1:1: regular expression longer than 1024 bytes");
}

TEST_CASE("lower, upper, trim know Vietnamese letters")
{
    CHECK(eval("lower('ĐỒNG BÀO DÂN TỘC Ơ Ư Ă Ĩ Ũ Ý')") == txt("đồng bào dân tộc ơ ư ă ĩ ũ ý"));
    CHECK(eval("upper('hà giang, lào cai, ỷ, ỹ')") == txt("HÀ GIANG, LÀO CAI, Ỷ, Ỹ"));
    CHECK(eval("lower('ABC 123 ×')") == txt("abc 123 ×"));
    CHECK(eval("upper('ß')") == txt("ß"));
    CHECK(eval("lower(name) = 'mường'", [] {
              static MapContext c;
              c.fields["name"] = txt("MƯỜNG");
              return std::cref(c);
          }()) == boolean(true));
    CHECK(eval("trim('  Sìn Hồ \t')") == txt("Sìn Hồ"));
    CHECK(eval("upper(1)").isNull());
    CHECK(expr::utf8::toLower("a\xFF" "B") == "a\xFF" "b");  // invalid bytes are kept
}

TEST_CASE("utf8 validation")
{
    CHECK(expr::utf8::firstInvalid("Hà Giang") == std::string_view::npos);
    CHECK(expr::utf8::firstInvalid("\xF0\x9F\x98\x80") == std::string_view::npos);  // 4-byte emoji
    CHECK(expr::utf8::firstInvalid("ab\x80") == 2);
    CHECK(expr::utf8::firstInvalid("\xF4\x90\x80\x80") == 0);  // beyond U+10FFFF
    CHECK(expr::utf8::firstInvalid("\xE0\x80\x80") == 0);      // overlong
    CHECK(expr::utf8::firstInvalid("\xE1\x80") == 0);          // truncated
    CHECK(expr::utf8::countCodePoints("Đồng") == 4);
}
