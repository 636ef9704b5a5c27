// Limits: deep nesting, huge input, long chains, hostile bytes give errors or null, never crashes.
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("nesting deeper than the limit is a parse error")
{
    const std::string deep = std::string(100, '(') + "1" + std::string(100, ')');
    CHECK(parseError(deep).find("expression nested too deeply") != std::string::npos);
    const std::string fine = std::string(50, '(') + "1" + std::string(50, ')');
    CHECK(eval(fine) == num(1));
    CHECK(parseError(std::string(1000, '-') + "1").find("nested too deeply") != std::string::npos);
    CHECK(parseError(std::string(1000, '!') + "true").find("nested too deeply") != std::string::npos);
    std::string nots;
    for (int i = 0; i < 500; ++i) {
        nots += "not ";
    }
    CHECK(parseError(nots + "true").find("nested too deeply") != std::string::npos);
    std::string calls;
    for (int i = 0; i < 200; ++i) {
        calls += "abs(";
    }
    CHECK(parseError(calls + "1" + std::string(200, ')')).find("nested too deeply") != std::string::npos);
    // a million open parentheses: rejected by size before any recursion
    CHECK(parseError(std::string(1000000, '(')) == "1:1: expression longer than 16384 bytes");
}

TEST_CASE("source longer than the limit is a parse error")
{
    std::string longSource = "1";
    while (longSource.size() <= kMaxSourceBytes) {
        longSource += " + 1";
    }
    CHECK(parseError(longSource) == "1:1: expression longer than 16384 bytes");
}

TEST_CASE("long flat chains are fine: they do not nest")
{
    std::string sum = "a0";
    MapContext context;
    context.fields["a0"] = num(0);
    for (int i = 1; i < 1500; ++i) {
        sum += "+a" + std::to_string(i);
        context.fields["a" + std::to_string(i)] = num(1);
    }
    REQUIRE(sum.size() < kMaxSourceBytes);
    CHECK(eval(sum, context) == num(1499));
    std::string ands = "true";
    for (int i = 0; i < 1500; ++i) {
        ands += " && true";
    }
    CHECK(eval(ands) == boolean(true));
}

TEST_CASE("hostile bytes never crash the parser")
{
    const std::string samples[] = {
        std::string("\0", 1), "\xFF\xFE", "'\0'", "((((", "))))", ",,,", "a..b", "..", ".", "'", "\"", "\\",
        "sum(", "if(", "prev(", "prev()", "in", "and", "not", "1 in", "in (1)", "x in ()", "date(", "date(')",
        "regex(a, '\\\\')", "9" + std::string(5000, '9'), "0.0000000000000000000000000000001",
    };
    for (const std::string& sample : samples) {
        auto parsed = Expression::parse(sample);
        if (parsed.isOk()) {
            MapContext context;
            (void)parsed->evaluate(context);
        } else {
            CHECK(parsed.status().code() == ErrorCode::ParseError);
            CHECK_FALSE(parsed.status().message().empty());
        }
    }
}
