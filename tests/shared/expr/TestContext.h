// A small EvalContext backed by maps, and helpers shared by the expression tests. Not thread-safe.
#pragma once

#include "expr/Expression.h"

#include <doctest/doctest.h>

#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace dantoc::expr {
// Lets doctest print values in failed CHECKs.
inline std::ostream& operator<<(std::ostream& out, const Value& value)
{
    return out << value.toString();
}
}  // namespace dantoc::expr

namespace dantoc::expr::test {

class MapContext final : public EvalContext
{
public:
    std::map<std::string, Value, std::less<>> fields;
    std::map<std::string, Value, std::less<>> row;  // the current roster row, by column
    std::map<std::string, Value, std::less<>> prev;
    Date todayDate = dateFromCivil(2025, 7, 1);
    mutable int fieldCalls = 0;

    Value field(std::string_view path) const override
    {
        ++fieldCalls;
        auto it = fields.find(path);
        return it == fields.end() ? Value() : it->second;
    }
    Value currentRow(std::string_view column) const override
    {
        auto it = row.find(column);
        return it == row.end() ? Value() : it->second;
    }
    Value previous(std::string_view path) const override
    {
        auto it = prev.find(path);
        return it == prev.end() ? Value() : it->second;
    }
    Date today() const override { return todayDate; }
};

inline Value num(double d)
{
    return Value::number(d);
}

inline Value txt(std::string s)
{
    return Value::text(std::move(s));
}

inline Value boolean(bool b)
{
    return Value::boolean(b);
}

inline Value day(int y, unsigned m, unsigned d)
{
    return Value::date(dateFromCivil(y, m, d));
}

// Parses (the test fails if it does not) and evaluates.
inline Value eval(std::string_view source, const EvalContext& context)
{
    auto parsed = Expression::parse(source);
    INFO("source: " << source << "  status: " << parsed.status().toString());
    REQUIRE(parsed.isOk());
    return parsed->evaluate(context);
}

inline Value eval(std::string_view source)
{
    MapContext context;
    return eval(source, context);
}

// The parse error message "line:column: message" ("" if it parsed).
inline std::string parseError(std::string_view source)
{
    auto parsed = Expression::parse(source);
    if (parsed.isOk()) {
        return "";
    }
    CHECK(parsed.status().code() == ErrorCode::ParseError);
    return parsed.status().message();
}

}  // namespace dantoc::expr::test
