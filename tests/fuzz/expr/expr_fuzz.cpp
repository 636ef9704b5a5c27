// Fuzz target for the expression language: parse arbitrary bytes; if they parse, evaluate against a fixed
// context (fields, roster columns, a current row, previous values) and interpret as a condition. Must never
// crash, hang or trip a sanitizer. Also checks invariants: references are sorted and unique, errors carry a
// "line:column: " prefix, evaluation is deterministic.
#include "expr/Expression.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

namespace {

using dantoc::expr::Date;
using dantoc::expr::EvalContext;
using dantoc::expr::Expression;
using dantoc::expr::Value;

class FixedContext final : public EvalContext
{
public:
    FixedContext()
    {
        m_fields["households_total"] = Value::number(120);
        m_fields["households_poor"] = Value::number(35);
        m_fields["population_total"] = Value::number(1e308);
        m_fields["name"] = Value::text("Hà Giang");
        m_fields["broken"] = Value::text("a\xC3\x28\xFF");
        m_fields["big"] = Value::text(std::string(600 * 1024, 'x'));
        m_fields["pattern"] = Value::text("(a|b)*c{2,5}");
        m_fields["survey_date"] = Value::date(Date{19905});
        m_fields["far"] = Value::date(Date{2147483647});
        m_fields["yes"] = Value::boolean(true);
        m_fields["water"] = Value::list({Value::text("well"), Value::text("stream")});
        m_fields["members"] = Value::list({Value::text("r1"), Value::text("r2"), Value::text("r3")});
        m_fields["members.age"] = Value::list({Value::number(45), Value(), Value::number(-0.0)});
        m_fields["members.name"] = Value::list({Value::text("Lò Văn A"), Value::text(""), Value()});
        m_fields["members.born"] = Value::list({Value::date(Date{-3000}), Value::date(Date{-2147483647 - 1})});
        m_fields["nested"] = Value::list({Value::list({Value::number(1)}), Value::list({})});
        m_row["age"] = Value::number(41);
        m_row["relation"] = Value::text("spouse");
        m_prev["population_total"] = Value::number(900);
        m_prev[".age"] = Value::number(40);
    }

    Value field(std::string_view path) const override { return find(m_fields, path); }
    Value currentRow(std::string_view column) const override { return find(m_row, column); }
    Value previous(std::string_view path) const override { return find(m_prev, path); }
    Date today() const override { return Date{20270}; }

private:
    using Map = std::map<std::string, Value, std::less<>>;
    static Value find(const Map& map, std::string_view key)
    {
        auto it = map.find(key);
        return it == map.end() ? Value() : it->second;
    }

    Map m_fields;
    Map m_row;
    Map m_prev;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const FixedContext context;
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    dantoc::expr::ParseErrorInfo error;
    auto parsed = Expression::parseDetailed(source, &error);
    if (!parsed.isOk()) {
        const std::string prefix = std::to_string(error.line) + ":" + std::to_string(error.column) + ": ";
        if (error.line < 1 || error.column < 1 || error.message.empty() ||
            parsed.status().message() != prefix + error.message) {
            std::abort();
        }
        return 0;
    }
    const auto& references = parsed->references();
    if (!std::is_sorted(references.begin(), references.end()) ||
        std::adjacent_find(references.begin(), references.end()) != references.end()) {
        std::abort();
    }
    const Value first = parsed->evaluate(context);
    const Value second = parsed->evaluate(context);
    // NaN never comes out of an expression, so values compare equal to themselves.
    if (!(first == second)) {
        std::abort();
    }
    (void)first.toString();
    (void)parsed->evaluateCondition(context);
    return 0;
}
