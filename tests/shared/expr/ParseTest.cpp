// Parsing: literals, precedence and associativity, error positions and messages.
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("literals")
{
    CHECK(eval("12") == num(12));
    CHECK(eval("3.5") == num(3.5));
    CHECK(eval("0.25") == num(0.25));
    CHECK(eval("-7") == num(-7));
    CHECK(eval("'Hà Giang'") == txt("Hà Giang"));
    CHECK(eval("\"bản Mường\"") == txt("bản Mường"));
    CHECK(eval(R"('it\'s' + "\"q\"" + '\\' + '\n\t\r')") == txt("it's\"q\"\\\n\t\r"));
    CHECK(eval(R"('\u0110\u1ED3ng Nai')") == txt("Đồng Nai"));
    // other backslashes stay as written, for regex patterns
    CHECK(eval(R"('\d{9}' + '\p{L}' + '\.')") == txt(R"(\d{9}\p{L}\.)"));
    CHECK(eval(R"('a\\d')") == txt(R"(a\d)"));
    CHECK(eval("true") == boolean(true));
    CHECK(eval("false") == boolean(false));
    CHECK(eval("null").isNull());
    CHECK(eval("date('2024-07-01')") == day(2024, 7, 1));
}

TEST_CASE("precedence and associativity")
{
    CHECK(eval("1 + 2 * 3") == num(7));
    CHECK(eval("(1 + 2) * 3") == num(9));
    CHECK(eval("10 - 4 - 3") == num(3));
    CHECK(eval("64 / 4 / 2") == num(8));
    CHECK(eval("2 * 7 % 4") == num(2));
    CHECK(eval("-2 * 3") == num(-6));
    CHECK(eval("- (2 + 3)") == num(-5));
    CHECK(eval("--4") == num(4));
    CHECK(eval("+4") == num(4));
    CHECK(eval("1 + 2 = 3") == boolean(true));
    CHECK(eval("1 < 2 and 3 > 4 or true") == boolean(true));
    CHECK(eval("false and false or true") == boolean(true));   // and binds tighter than or
    CHECK(eval("true or false and false") == boolean(true));
    CHECK(eval("not 1 = 2") == boolean(true));                 // not (1 = 2)
    CHECK(eval("!(1 = 1)") == boolean(false));
    CHECK(eval("not true and false") == boolean(false));       // (not true) and false
    CHECK(eval("not false or false") == boolean(true));
    CHECK(eval("not not true") == boolean(true));
    CHECK(eval("true = not false") == boolean(true));
    CHECK(eval("1 < 2 && 2 < 3 || false") == boolean(true));
    CHECK(eval("2 in (1, 2, 3) and 'a' in ('a')") == boolean(true));
}

TEST_CASE("whitespace and newlines are free")
{
    CHECK(eval("  1\n+\t2\r\n") == num(3));
}

TEST_CASE("operator spellings")
{
    CHECK(eval("1 == 1") == boolean(true));
    CHECK(eval("1 <> 2") == boolean(true));
    CHECK(eval("1 != 1") == boolean(false));
    CHECK(eval("true && false") == boolean(false));
    CHECK(eval("false || true") == boolean(true));
}

TEST_CASE("parse errors carry line:column and what was expected")
{
    CHECK(parseError("(1 + 2") == "1:7: expected ')' but found end of input");
    CHECK(parseError("sum(a, b") == "1:9: expected ',' or ')' but found end of input");
    CHECK(parseError("a +") == "1:4: expected an expression but found end of input");
    CHECK(parseError("") == "1:1: expected an expression but found end of input");
    CHECK(parseError("   ") == "1:4: expected an expression but found end of input");
    CHECK(parseError("1 2") == "1:3: expected an operator or end of input but found number 2");
    CHECK(parseError("a * )") == "1:5: expected an expression but found ')'");
    CHECK(parseError("households_poor <= \n  households_total +* 2") ==
          "2:21: expected an expression but found '*'");
    CHECK(parseError("'Hà Giang' = x y") == "1:16: expected an operator or end of input but found name 'y'");
    CHECK(parseError("foo(1)") == "1:1: unknown function 'foo'");
    CHECK(parseError("1 + round(1, 2, 3)") == "1:5: round() takes 1 or 2 arguments, found 3");
    CHECK(parseError("len()") == "1:1: len() takes 1 argument, found 0");
    CHECK(parseError("if(true, 1)") == "1:1: if() takes 3 arguments, found 2");
    CHECK(parseError("sum()") == "1:1: sum() takes at least 1 argument, found 0");
    CHECK(parseError("date(2024, 7)") == "1:1: date() takes 1 or 3 arguments, found 2");
    CHECK(parseError("today(1)") == "1:1: today() takes 0 arguments, found 1");
    CHECK(parseError("'abc") == "1:1: unterminated string (missing closing ')");
    CHECK(parseError("\"abc\\") == "1:1: unterminated string (missing closing \")");

    CHECK(parseError("'\\u12'") == "1:2: expected four hex digits after \\u");
    CHECK(parseError("'\\uD800'") == "1:2: \\u escape of a surrogate is not a character");
    CHECK(parseError("a & b") == "1:3: unexpected character '&' (write 'and' or '&&')");
    CHECK(parseError("a | b") == "1:3: unexpected character '|' (write 'or' or '||')");
    CHECK(parseError("số_hộ > 1") == "1:2: unexpected character 'ố'");   // names are ASCII
    CHECK(parseError("1 # 2") == "1:3: unexpected character '#'");
    CHECK(parseError("1\x01") == "1:2: unexpected character U+0001");
    CHECK(parseError(".5") == "1:1: a number must start with a digit: write 0.5, not .5");
    CHECK(parseError("12.") == "1:4: expected a digit after the decimal point");
    CHECK(parseError("12abc") == "1:3: unexpected 'a' after a number");
    CHECK(parseError("members.") == "1:9: expected a column name after '.'");
    CHECK(parseError("a . b") == "1:4: expected a column name after '.'");
    CHECK(parseError("1 < 2 < 3") == "1:7: comparisons cannot be chained; combine them with 'and'");
    CHECK(parseError("1 in (1) = true") == "1:10: comparisons cannot be chained; combine them with 'and'");
    CHECK(parseError("x in (1, 2") == "1:11: expected ',' or ')' but found end of input");
    CHECK(parseError("date('2023-02-29')") == "1:1: date() needs a real day written YYYY-MM-DD, found \"2023-02-29\"");
    CHECK(parseError("regex(name, '(')").rfind("1:1: invalid regular expression: ", 0) == 0);
    CHECK(parseError("prev(1)") == "1:6: prev() takes a field name, found number 1");
    CHECK(parseError("prev(a + b)") == "1:8: expected ')' but found '+'");
    CHECK(parseError("prev(sum(a))") == "1:6: prev() takes a field name, not a function call");
    CHECK(parseError("current") == "1:1: 'current' must be followed by a column name: current.column");
    CHECK(parseError("true.x") == "1:1: 'true' is a reserved word and cannot be a roster name");
    CHECK(parseError("members.in") == "1:9: 'in' is a reserved word and cannot be a column name");
    CHECK(parseError("1e400").rfind("1:2: unexpected 'e'", 0) == 0);
    CHECK(parseError(std::string(400, '9')) == "1:1: number too large");
}

TEST_CASE("invalid UTF-8 is a parse error at its position")
{
    CHECK(parseError("'ab\xC3'") == "1:4: invalid UTF-8");
    CHECK(parseError("'\xED\xA0\x80'") == "1:2: invalid UTF-8");  // encoded surrogate
    CHECK(parseError("'\xC0\xAF'") == "1:2: invalid UTF-8");      // overlong
    CHECK(parseError("x\n'ư\xFF'") == "2:3: invalid UTF-8");      // columns count characters
}

TEST_CASE("parseDetailed fills the position and the message")
{
    ParseErrorInfo info;
    auto parsed = Expression::parseDetailed("households_poor <= (households_total", &info);
    REQUIRE_FALSE(parsed.isOk());
    CHECK(info.line == 1);
    CHECK(info.column == 37);
    CHECK(info.message == "expected ')' but found end of input");
    CHECK(parsed.status().message() == "1:37: expected ')' but found end of input");

    ParseErrorInfo untouched;
    untouched.message = "keep";
    auto ok = Expression::parseDetailed("1 + 1", &untouched);
    REQUIRE(ok.isOk());
    CHECK(untouched.message == "keep");
    CHECK(Expression::parseDetailed("(", nullptr).status().code() == ErrorCode::ParseError);
}

TEST_CASE("an expression keeps its source and can be copied and moved")
{
    auto parsed = Expression::parse("a + 1");
    REQUIRE(parsed.isOk());
    MapContext context;
    context.fields["a"] = num(2);
    Expression copy = *parsed;
    Expression moved = std::move(*parsed);
    CHECK(copy.source() == "a + 1");
    CHECK(copy.evaluate(context) == num(3));
    CHECK(moved.evaluate(context) == num(3));
    Expression empty;
    CHECK(empty.evaluate(context).isNull());
    CHECK(empty.evaluateCondition(context) == -1);
    CHECK(empty.references().empty());
}

TEST_CASE("evaluateCondition: 1 true, 0 false, -1 null or not a boolean")
{
    MapContext context;
    CHECK(Expression::parse("1 < 2")->evaluateCondition(context) == 1);
    CHECK(Expression::parse("1 > 2")->evaluateCondition(context) == 0);
    CHECK(Expression::parse("missing > 2")->evaluateCondition(context) == -1);
    CHECK(Expression::parse("5")->evaluateCondition(context) == -1);
    CHECK(Expression::parse("'true'")->evaluateCondition(context) == -1);
}

TEST_CASE("the error examples of shared/docs/expressions.md")
{
    CHECK(parseError("max(a, b) + (c") == "1:15: expected ')' but found end of input");
    CHECK(parseError("1 + round(x, 2, 3)") == "1:5: round() takes 1 or 2 arguments, found 3");
    CHECK(parseError("tong(a, b)") == "1:1: unknown function 'tong'");
    CHECK(parseError("1 < x < 5") == "1:7: comparisons cannot be chained; combine them with 'and'");
    CHECK(parseError("'Hà Giang") == "1:1: unterminated string (missing closing ')");
}

TEST_CASE("the rule examples of shared/docs/expressions.md parse")
{
    const char* examples[] = {
        "count(members) = household_size",
        ".relation != 'head' or .age >= 15",
        ".birth_year <= year(today()) - 15",
        "sum(members.has_health_insurance) <= count(members)",
        "abs(population_total - prev(population_total)) <= 0.2 * prev(population_total)",
        "households_poor <= prev(households_poor) * 1.3 + 5 and households_poor >= prev(households_poor) * 0.7 - 5",
        "if(age >= 18, 'người lớn', 'trẻ em')",
        "coalesce(prev(households_poor), 0)",
        "selected(nguon_nuoc, 'gieng')",
        "round(households_poor * 100 / households_total, 1)",
        "regex(ho_ten, '[\\p{L} ]+')",
        "age(.ngay_sinh) >= 6",
        "years_between(ngay_sinh, ngay_dieu_tra) >= 15",
        "'Thôn ' + string(so_thon)",
        "date(nam_sinh, 1, 1)",
        "lower(dan_toc) = 'mông'",
    };
    for (const char* example : examples) {
        INFO(example);
        CHECK(parseError(example).empty());
    }
}
