// Dates: literals, arithmetic, parts, years_between/age, leap years, month ends, dates before 1970.
#include "TestContext.h"

using namespace dantoc;
using namespace dantoc::expr;
using namespace dantoc::expr::test;

TEST_CASE("civil date conversion round-trips, including before 1970")
{
    CHECK(dateFromCivil(1970, 1, 1).days == 0);
    CHECK(dateFromCivil(1969, 12, 31).days == -1);
    CHECK(dateFromCivil(2000, 3, 1).days - dateFromCivil(2000, 2, 28).days == 2);
    CHECK(dateFromCivil(1900, 3, 1).days - dateFromCivil(1900, 2, 28).days == 1);
    CHECK(dateFromCivil(0, 1, 1).days == -719528);
    for (int days = -800000; days <= 3000000; days += 997) {
        int y = 0;
        unsigned m = 0;
        unsigned d = 0;
        civilFromDate(Date{days}, y, m, d);
        REQUIRE(dateFromCivil(y, m, d).days == days);
    }
    CHECK(formatIsoDate(Date{-1}) == "1969-12-31");
    CHECK(formatIsoDate(dateFromCivil(1945, 9, 2)) == "1945-09-02");
}

TEST_CASE("parseIsoDate is strict")
{
    Date date;
    CHECK(parseIsoDate("2024-02-29", date));
    CHECK(date == dateFromCivil(2024, 2, 29));
    CHECK_FALSE(parseIsoDate("2023-02-29", date));
    CHECK_FALSE(parseIsoDate("1900-02-29", date));
    CHECK(parseIsoDate("2000-02-29", date));
    CHECK_FALSE(parseIsoDate("2024-04-31", date));
    CHECK_FALSE(parseIsoDate("2024-13-01", date));
    CHECK_FALSE(parseIsoDate("2024-00-10", date));
    CHECK_FALSE(parseIsoDate("2024-1-01", date));
    CHECK_FALSE(parseIsoDate("2024/01/01", date));
    CHECK_FALSE(parseIsoDate("2024-01-01T00", date));
    CHECK_FALSE(parseIsoDate("+024-01-01", date));
    CHECK_FALSE(parseIsoDate("", date));
}

TEST_CASE("date arithmetic")
{
    CHECK(eval("date('2024-02-28') + 1") == day(2024, 2, 29));
    CHECK(eval("date('2023-02-28') + 1") == day(2023, 3, 1));
    CHECK(eval("1 + date('2024-12-31')") == day(2025, 1, 1));
    CHECK(eval("date('2024-03-01') - 1") == day(2024, 2, 29));
    CHECK(eval("date('2024-01-31') + 30") == day(2024, 3, 1));
    CHECK(eval("date('2025-01-01') - date('2024-01-01')") == num(366));
    CHECK(eval("date('2024-01-01') - date('2025-01-01')") == num(-366));
    CHECK(eval("date('1970-01-01') - 1") == day(1969, 12, 31));
    CHECK(eval("date('1954-05-07') - date('1945-09-02')") == num(3169));
    CHECK(eval("date('2024-01-01') + 0.5").isNull());
    CHECK(eval("date('2024-01-01') + date('2024-01-01')").isNull());
    CHECK(eval("1 - date('2024-01-01')").isNull());
    CHECK(eval("date('2024-01-01') * 2").isNull());
    CHECK(eval("date('9999-12-31') + 1").isNull());
    CHECK(eval("date('0000-01-01') - 1").isNull());
    CHECK(eval("date('2024-01-01') + 1" + std::string(300, '0') + "").isNull());
}

TEST_CASE("date(): from text at run time, from parts")
{
    MapContext context;
    context.fields["s"] = txt("2024-07-01");
    context.fields["bad"] = txt("2024-07-32");
    CHECK(eval("date(s)", context) == day(2024, 7, 1));
    CHECK(eval("date(bad)", context).isNull());
    CHECK(eval("date(missing)", context).isNull());
    CHECK(eval("date(12)", context).isNull());
    CHECK(eval("date(date(s))", context) == day(2024, 7, 1));
    CHECK(eval("date(2024, 2, 29)") == day(2024, 2, 29));
    CHECK(eval("date(2023, 2, 29)").isNull());
    CHECK(eval("date(2024, 4, 31)").isNull());
    CHECK(eval("date(2024, 1.5, 1)").isNull());
    CHECK(eval("date(1" + std::string(300, '0') + ", 1, 1)").isNull());
    CHECK(eval("date(-5, 1, 1)").isNull());
    CHECK(eval("date(10000, 1, 1)").isNull());
}

TEST_CASE("year month day, today")
{
    MapContext context;
    context.todayDate = dateFromCivil(2025, 7, 1);
    CHECK(eval("year(date('1969-12-31'))") == num(1969));
    CHECK(eval("month(date('1969-12-31'))") == num(12));
    CHECK(eval("day(date('1969-12-31'))") == num(31));
    CHECK(eval("year(today())", context) == num(2025));
    CHECK(eval("today() - date('2025-06-01')", context) == num(30));
    CHECK(eval("year('2024-01-01')").isNull());
    CHECK(eval("year(2024)").isNull());
}

TEST_CASE("years_between and age in whole years")
{
    MapContext context;
    context.todayDate = dateFromCivil(2025, 7, 1);
    context.fields["born"] = day(1990, 7, 2);
    CHECK(eval("age(born)", context) == num(34));  // birthday tomorrow
    CHECK(eval("age(born, date('2025-07-02'))", context) == num(35));
    CHECK(eval("years_between(date('2000-02-29'), date('2001-02-28'))") == num(0));
    CHECK(eval("years_between(date('2000-02-29'), date('2001-03-01'))") == num(1));
    CHECK(eval("years_between(date('2000-02-29'), date('2004-02-29'))") == num(4));
    CHECK(eval("years_between(date('1950-06-15'), date('1969-06-14'))") == num(18));
    CHECK(eval("years_between(date('1950-06-15'), date('1969-06-15'))") == num(19));
    CHECK(eval("years_between(date('2025-01-01'), date('2020-06-01'))") == num(-4));
    CHECK(eval("years_between(date('2025-01-01'), date('2025-01-01'))") == num(0));
    CHECK(eval("age(missing)", context).isNull());
    CHECK(eval("age(1990)", context).isNull());
}

TEST_CASE("dates far outside the range from a context do not break anything")
{
    MapContext context;
    context.fields["far"] = Value::date(Date{2147483647});
    context.fields["early"] = Value::date(Date{-2147483647 - 1});
    CHECK(eval("far + 1", context).isNull());
    CHECK(eval("far - early", context) == num(4294967295.0));
    CHECK(eval("year(far) > 9999", context) == boolean(true));
    CHECK(eval("year(early) < 0", context) == boolean(true));
    CHECK(eval("years_between(early, far) > 0", context) == boolean(true));
    CHECK(eval("string(far) != null", context) == boolean(true));
}
