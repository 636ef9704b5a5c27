// Functions: if, aggregates, conversions, coalesce, answered, selected, round/abs.
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("if: lazy, null condition gives null")
{
    MapContext context;
    context.fields["age"] = num(20);
    CHECK(eval("if(age >= 18, 'adult', 'child')", context) == txt("adult"));
    CHECK(eval("if(age < 18, 'child', 'adult')", context) == txt("adult"));
    CHECK(eval("if(missing > 1, 1, 2)", context).isNull());
    CHECK(eval("if(1, 1, 2)", context).isNull());
    CHECK(eval("if(true, 1, 1 / 0)", context) == num(1));
    context.fieldCalls = 0;
    CHECK(eval("if(true, 1, age)", context) == num(1));
    CHECK(context.fieldCalls == 0);
}

TEST_CASE("sum count min max avg over lists, nulls skipped")
{
    MapContext context;
    context.fields["m.age"] = Value::list({num(30), Value(), num(5), num(61)});
    context.fields["m.poor"] = Value::list({boolean(true), boolean(false), Value(), boolean(true)});
    context.fields["m.name"] = Value::list({txt("Lò Văn A"), txt("Giàng Thị B"), Value()});
    context.fields["m.born"] = Value::list({day(1990, 1, 1), day(1960, 5, 5), Value()});
    context.fields["empty"] = Value::list({});
    context.fields["nulls"] = Value::list({Value(), Value()});
    context.fields["x"] = num(4);

    CHECK(eval("sum(m.age)", context) == num(96));
    CHECK(eval("count(m.age)", context) == num(3));
    CHECK(eval("min(m.age)", context) == num(5));
    CHECK(eval("max(m.age)", context) == num(61));
    CHECK(eval("avg(m.age)", context) == num(32));
    CHECK(eval("sum(m.poor)", context) == num(2));      // booleans count 1 / 0
    CHECK(eval("avg(m.poor)", context) == num(2.0 / 3));
    CHECK(eval("count(m.name)", context) == num(2));
    CHECK(eval("min(m.name)", context) == txt("Giàng Thị B"));
    CHECK(eval("max(m.born)", context) == day(1990, 1, 1));
    CHECK(eval("sum(m.name)", context).isNull());        // type error
    CHECK(eval("min(m.poor)", context).isNull());
    // empty and all-null
    CHECK(eval("sum(empty)", context) == num(0));
    CHECK(eval("count(empty)", context) == num(0));
    CHECK(eval("min(empty)", context).isNull());
    CHECK(eval("avg(nulls)", context).isNull());
    CHECK(eval("sum(nulls)", context) == num(0));
    CHECK(eval("count(missing)", context) == num(0));
    CHECK(eval("sum(missing)", context) == num(0));
    // several arguments, scalars and lists mixed
    CHECK(eval("max(x, 10, 2)", context) == num(10));
    CHECK(eval("min(x, m.age)", context) == num(4));
    CHECK(eval("sum(x, m.age, 1)", context) == num(101));
    CHECK(eval("count(x, missing, 'a')", context) == num(2));
    CHECK(eval("max(1, 'a')", context).isNull());         // mixed kinds
    CHECK(eval("max(1, date('2024-01-01'))", context).isNull());
}

TEST_CASE("round, abs, int, number, string")
{
    CHECK(eval("round(2.5)") == num(3));
    CHECK(eval("round(-2.5)") == num(-3));  // half away from zero
    CHECK(eval("round(3.14159, 2)") == num(3.14));
    CHECK(eval("round(1234.5, -2)") == num(1200));
    CHECK(eval("round(1" + std::string(300, '0') + ", 10)") == num(1e300));
    CHECK(eval("round(1.5, 0.5)").isNull());
    CHECK(eval("round(1.5, 99)").isNull());
    CHECK(eval("round('a')").isNull());
    CHECK(eval("abs(-4.5)") == num(4.5));
    CHECK(eval("abs('x')").isNull());
    CHECK(eval("int(3.9)") == num(3));
    CHECK(eval("int(-3.9)") == num(-3));
    CHECK(eval("int('42')") == num(42));
    CHECK(eval("int(1" + std::string(300, '0') + ")") == num(1e300));
    CHECK(eval("int('abc')").isNull());
    CHECK(eval("number(' 12.5 ')") == num(12.5));
    CHECK(eval("number('-3')") == num(-3));
    CHECK(eval("number('+3')") == num(3));
    CHECK(eval("number('1e3')") == num(1000));
    CHECK(eval("number('1,5')").isNull());
    CHECK(eval("number('inf')").isNull());
    CHECK(eval("number('nan')").isNull());
    CHECK(eval("number('1e999')").isNull());
    CHECK(eval("number('')").isNull());
    CHECK(eval("number(true)") == num(1));
    CHECK(eval("number(date('2024-01-01'))").isNull());
    CHECK(eval("string(12)") == txt("12"));
    CHECK(eval("string(0.5)") == txt("0.5"));
    CHECK(eval("string(-0)") == txt("0"));
    CHECK(eval("string(true)") == txt("true"));
    CHECK(eval("string(date('2024-07-01'))") == txt("2024-07-01"));
    CHECK(eval("string(missing)").isNull());
    CHECK(eval("'Thôn ' + string(3)") == txt("Thôn 3"));
}

TEST_CASE("coalesce, answered")
{
    MapContext context;
    context.fields["zero"] = num(0);
    context.fields["blank"] = txt("  ");
    context.fields["name"] = txt("Vàng A Páo");
    context.fields["none"] = Value::list({});
    context.fields["some"] = Value::list({txt("a")});
    context.fields["no"] = boolean(false);
    CHECK(eval("coalesce(missing, zero, 5)", context) == num(0));
    CHECK(eval("coalesce(missing, missing)", context).isNull());
    CHECK(eval("coalesce(prev(x), 0)", context) == num(0));
    CHECK(eval("answered(missing)", context) == boolean(false));
    CHECK(eval("answered(zero)", context) == boolean(true));
    CHECK(eval("answered(no)", context) == boolean(true));
    CHECK(eval("answered(blank)", context) == boolean(false));
    CHECK(eval("answered(name)", context) == boolean(true));
    CHECK(eval("answered(none)", context) == boolean(false));
    CHECK(eval("answered(some)", context) == boolean(true));
}

TEST_CASE("selected: choices-many lists and single choices")
{
    MapContext context;
    context.fields["water"] = Value::list({txt("well"), txt("stream")});
    context.fields["toilet"] = txt("septic");
    context.fields["none"] = Value::list({});
    CHECK(eval("selected(water, 'well')", context) == boolean(true));
    CHECK(eval("selected(water, 'piped')", context) == boolean(false));
    CHECK(eval("selected(toilet, 'septic')", context) == boolean(true));
    CHECK(eval("selected(toilet, 'none')", context) == boolean(false));
    CHECK(eval("selected(none, 'well')", context) == boolean(false));
    CHECK(eval("selected(missing, 'well')", context) == boolean(false));  // nothing selected yet
    CHECK(eval("not selected(missing, 'well')", context) == boolean(true));
    CHECK(eval("selected(water, missing)", context).isNull());
}
