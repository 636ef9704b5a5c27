// Operators: arithmetic, text concatenation, comparisons, membership, null propagation and three-valued logic.
#include "TestContext.h"

#include <cmath>

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("arithmetic on numbers")
{
    CHECK(eval("7 + 5") == num(12));
    CHECK(eval("7 - 10") == num(-3));
    CHECK(eval("2.5 * 4") == num(10));
    CHECK(eval("7 / 2") == num(3.5));
    CHECK(eval("7 % 3") == num(1));
    CHECK(eval("-7 % 3") == num(-1));  // sign of the dividend
    CHECK(eval("7.5 % 2") == num(1.5));
}

TEST_CASE("division and modulo by zero are null")
{
    CHECK(eval("1 / 0").isNull());
    CHECK(eval("0 / 0").isNull());
    CHECK(eval("5 % 0").isNull());
    CHECK(eval("1 / (2 - 2) = 0").isNull());
}

TEST_CASE("overflow to infinity is null")
{
    CHECK(eval("1" + std::string(300, '0') + " * 1" + std::string(300, '0')).isNull());
    CHECK(eval("-1" + std::string(308, '0') + " - 1" + std::string(308, '0')).isNull());
}

TEST_CASE("+ concatenates texts; other mixes are type errors")
{
    CHECK(eval("'Hà' + ' ' + 'Giang'") == txt("Hà Giang"));
    CHECK(eval("'a' + 1").isNull());
    CHECK(eval("1 + 'a'").isNull());
    CHECK(eval("'a' - 'b'").isNull());
    CHECK(eval("'a' * 2").isNull());
    CHECK(eval("true + 1").isNull());
    CHECK(eval("-'a'").isNull());
    CHECK(eval("-true").isNull());
}

TEST_CASE("concatenation beyond the text limit is null")
{
    MapContext context;
    context.fields["big"] = txt(std::string(kMaxTextBytes / 2 + 1, 'x'));
    CHECK(eval("big + 'y'", context).isText());
    CHECK(eval("big + big", context).isNull());
    CHECK(eval("big + big + big", context).isNull());
    CHECK(eval("len(big + big) = null", context) == boolean(true));
}

TEST_CASE("null propagates through arithmetic and comparisons")
{
    MapContext context;
    context.fields["x"] = num(3);
    CHECK(eval("missing + 1", context).isNull());
    CHECK(eval("1 - missing", context).isNull());
    CHECK(eval("missing * 0", context).isNull());
    CHECK(eval("-missing", context).isNull());
    CHECK(eval("x + missing * 2", context).isNull());
    CHECK(eval("missing = 1", context).isNull());
    CHECK(eval("1 != missing", context).isNull());
    CHECK(eval("missing < 1", context).isNull());
    CHECK(eval("missing >= missing", context).isNull());
    CHECK(eval("x > 2", context) == boolean(true));
}

TEST_CASE("comparisons")
{
    CHECK(eval("1 < 2") == boolean(true));
    CHECK(eval("2 <= 2") == boolean(true));
    CHECK(eval("3 > 4") == boolean(false));
    CHECK(eval("4 >= 5") == boolean(false));
    CHECK(eval("0.1 + 0.2 = 0.3") == boolean(false));  // doubles, as documented
    CHECK(eval("'abc' < 'abd'") == boolean(true));
    CHECK(eval("'Hà' = 'Hà'") == boolean(true));
    CHECK(eval("'a' = 'A'") == boolean(false));
    CHECK(eval("true = true") == boolean(true));
    CHECK(eval("true != false") == boolean(true));
    CHECK(eval("date('2024-01-01') < date('2024-01-02')") == boolean(true));
    // different kinds, and booleans ordered, are type errors
    CHECK(eval("1 = '1'").isNull());
    CHECK(eval("1 != '1'").isNull());
    CHECK(eval("true < false").isNull());
    CHECK(eval("date('2024-01-01') = 19723").isNull());
}

TEST_CASE("= null and != null test for null")
{
    MapContext context;
    context.fields["x"] = num(0);
    context.fields["empty"] = txt("");
    CHECK(eval("missing = null", context) == boolean(true));
    CHECK(eval("null = missing", context) == boolean(true));
    CHECK(eval("x = null", context) == boolean(false));
    CHECK(eval("x != null", context) == boolean(true));
    CHECK(eval("missing <> null", context) == boolean(false));
    CHECK(eval("empty = null", context) == boolean(false));
    CHECK(eval("(x + missing) == null", context) == boolean(true));
    CHECK(eval("null = null") == boolean(true));
    CHECK(eval("null < 1").isNull());  // only = and != test
}

TEST_CASE("three-valued and / or / not")
{
    MapContext context;
    CHECK(eval("false and missing", context) == boolean(false));
    CHECK(eval("missing and false", context) == boolean(false));
    CHECK(eval("true and missing", context).isNull());
    CHECK(eval("missing and true", context).isNull());
    CHECK(eval("true and true", context) == boolean(true));
    CHECK(eval("true or missing", context) == boolean(true));
    CHECK(eval("missing or true", context) == boolean(true));
    CHECK(eval("false or missing", context).isNull());
    CHECK(eval("false or false", context) == boolean(false));
    CHECK(eval("not missing", context).isNull());
    CHECK(eval("not (missing = 1) or true", context) == boolean(true));
    // non-booleans are unknown too
    CHECK(eval("1 and true").isNull());
    CHECK(eval("1 and false") == boolean(false));
    CHECK(eval("'yes' or true") == boolean(true));
    CHECK(eval("not 1").isNull());
    CHECK(eval("true and true and true and false") == boolean(false));
}

TEST_CASE("and / or short-circuit: the decided side is not evaluated")
{
    MapContext context;
    context.fields["x"] = num(1);
    CHECK(eval("false and x = 1", context) == boolean(false));
    CHECK(context.fieldCalls == 0);
    CHECK(eval("true or x = 1", context) == boolean(true));
    CHECK(context.fieldCalls == 0);
    CHECK(eval("true and x = 1", context) == boolean(true));
    CHECK(context.fieldCalls == 1);
}

TEST_CASE("in: membership in a list of values or in a list value")
{
    MapContext context;
    context.fields["relation"] = txt("head");
    context.fields["codes"] = Value::list({txt("a"), txt("b")});
    CHECK(eval("relation in ('head', 'spouse')", context) == boolean(true));
    CHECK(eval("relation in ('child')", context) == boolean(false));
    CHECK(eval("'b' in codes", context) == boolean(true));
    CHECK(eval("'c' in codes", context) == boolean(false));
    CHECK(eval("'a' in (codes, 'z')", context) == boolean(true));   // list items are looked into
    CHECK(eval("2 in (1, 1 + 1)", context) == boolean(true));
    CHECK(eval("2 in ('2')", context) == boolean(false));             // no conversion
    CHECK(eval("missing in (1, 2)", context).isNull());
    CHECK(eval("1 in (missing, 2)", context) == boolean(false));
    CHECK(eval("not relation in ('head')", context) == boolean(false));
}
