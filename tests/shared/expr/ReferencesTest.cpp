// references(): every field path an expression reads, sorted and unique, for dependency graphs.
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

namespace {

std::vector<std::string> refs(std::string_view source)
{
    auto parsed = Expression::parse(source);
    REQUIRE(parsed.isOk());
    return parsed->references();
}

using Refs = std::vector<std::string>;

}  // namespace

TEST_CASE("references are sorted and unique")
{
    CHECK(refs("households_poor + households_near_poor <= households_total") ==
          Refs{"households_near_poor", "households_poor", "households_total"});
    CHECK(refs("b + a + b + a") == Refs{"a", "b"});
    CHECK(refs("1 + 2").empty());
    CHECK(refs("today() - date('2024-01-01')").empty());
}

TEST_CASE("roster columns, current row and prev targets")
{
    CHECK(refs("count(members) = household_size and max(members.age) < 120") ==
          Refs{"household_size", "members", "members.age"});
    CHECK(refs(".age >= 5 and current.relation = 'head'") == Refs{".age", ".relation"});
    CHECK(refs("abs(population_total - prev(population_total)) <= 0.2 * prev(population_total)") ==
          Refs{"population_total", "prev:population_total"});
    CHECK(refs("prev(.size) = null or .size <= prev(.size) + 5") == Refs{".size", "prev:.size"});
}

TEST_CASE("references include fields in branches that may not be evaluated")
{
    CHECK(refs("if(a, b, c) or false and d") == Refs{"a", "b", "c", "d"});
    CHECK(refs("x in (y, z.w)") == Refs{"x", "y", "z.w"});
    CHECK(refs("selected(water, 'well') and regex(name, pattern)") == Refs{"name", "pattern", "water"});
}

TEST_CASE("names that look like functions are fields without parentheses")
{
    CHECK(refs("year + sum") == Refs{"sum", "year"});
    CHECK(refs("self <= 10") == Refs{"self"});
}
