// Rosters: columns as lists, the current row (.column / current.column), counting rows, and prev().
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

namespace {

// A household with three members, validating the second row.
MapContext household()
{
    MapContext context;
    context.fields["household_size"] = num(3);
    context.fields["members"] = Value::list({txt("r1"), txt("r2"), txt("r3")});  // one element (row id) per row
    context.fields["members.age"] = Value::list({num(45), num(41), Value()});
    context.fields["members.relation"] = Value::list({txt("head"), txt("spouse"), txt("child")});
    context.row["age"] = num(41);
    context.row["relation"] = txt("spouse");
    context.row["birth_year"] = num(1984);
    return context;
}

}  // namespace

TEST_CASE("a roster column is a list with one element per row")
{
    const MapContext context = household();
    CHECK(eval("members.age", context) == Value::list({num(45), num(41), Value()}));
    CHECK(eval("max(members.age)", context) == num(45));
    CHECK(eval("count(members.age)", context) == num(2));  // answered cells
    CHECK(eval("'child' in members.relation", context) == boolean(true));
    CHECK(eval("len(members.age)", context) == num(3));    // rows, answered or not
}

TEST_CASE("count(roster) counts rows")
{
    MapContext context = household();
    CHECK(eval("count(members) = household_size", context) == boolean(true));
    context.fields.erase("members");  // a roster that is not relevant is null
    CHECK(eval("count(members)", context) == num(0));
}

TEST_CASE(".column and current.column read the current row")
{
    const MapContext context = household();
    CHECK(eval(".age", context) == num(41));
    CHECK(eval("current.age", context) == num(41));
    CHECK(eval(".age >= 18 and .relation = 'spouse'", context) == boolean(true));
    CHECK(eval(".birth_year <= year(today()) - 15", context) == boolean(true));
    CHECK(eval(".age = max(members.age)", context) == boolean(false));
    CHECK(eval(".missing", context).isNull());
    MapContext outside;
    CHECK(eval(".age", outside).isNull());
}

TEST_CASE("prev(): the same field in the previous period")
{
    MapContext context;
    context.fields["population_total"] = num(1150);
    context.prev["population_total"] = num(1000);
    context.prev[".size"] = num(4);
    context.row["size"] = num(8);
    const std::string rule = "abs(population_total - prev(population_total)) <= 0.2 * prev(population_total)";
    CHECK(eval(rule, context) == boolean(true));
    context.fields["population_total"] = num(1300);
    CHECK(eval(rule, context) == boolean(false));
    context.prev.erase("population_total");  // no previous submission: the check cannot fail
    CHECK(eval(rule, context).isNull());
    CHECK(Expression::parse(rule)->evaluateCondition(context) == -1);
    // a row column's previous value is asked for as ".column"
    CHECK(eval("prev(.size)", context) == num(4));
    CHECK(eval("prev(.size) = null or .size <= prev(.size) + 5", context) == boolean(true));
    CHECK(eval("prev(current.size)", context) == num(4));
}
