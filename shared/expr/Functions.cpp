#include "expr/Functions.h"

#include "expr/Evaluator.h"
#include "expr/Utf8.h"

#include <re2/re2.h>

#include <charconv>
#include <cmath>

namespace dantoc::expr {

namespace {

constexpr FunctionInfo kFunctions[] = {
    {"if", Func::If, 3, 3},
    {"sum", Func::Sum, 1, -1},
    {"count", Func::Count, 1, -1},
    {"min", Func::Min, 1, -1},
    {"max", Func::Max, 1, -1},
    {"avg", Func::Avg, 1, -1},
    {"len", Func::Len, 1, 1},
    {"regex", Func::Regex, 2, 2},
    {"lower", Func::Lower, 1, 1},
    {"upper", Func::Upper, 1, 1},
    {"trim", Func::Trim, 1, 1},
    {"round", Func::Round, 1, 2},
    {"abs", Func::Abs, 1, 1},
    {"int", Func::Int, 1, 1},
    {"number", Func::Number, 1, 1},
    {"string", Func::String, 1, 1},
    {"coalesce", Func::Coalesce, 1, -1},
    {"answered", Func::Answered, 1, 1},
    {"selected", Func::Selected, 2, 2},
    {"date", Func::Date, 1, 3},
    {"today", Func::Today, 0, 0},
    {"year", Func::Year, 1, 1},
    {"month", Func::Month, 1, 1},
    {"day", Func::Day, 1, 1},
    {"years_between", Func::YearsBetween, 2, 2},
    {"age", Func::YearsBetween, 1, 2},
    {"prev", Func::Prev, 1, 1},
};

constexpr std::int64_t kDynamicRegexMemory = 1 << 20;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// Strict decimal number from text ("12", "-3.5", " 4 ", "1e3"); null for anything else (also "1,5", "inf").
Value parseNumber(std::string_view text)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    if (text.empty() || !(text.front() == '-' || (text.front() >= '0' && text.front() <= '9'))) {
        return {};
    }
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        return {};
    }
    return finiteNumber(value);
}

Value toNumber(const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Number: return v;
    case Value::Kind::Bool: return Value::number(v.asBool() ? 1 : 0);
    case Value::Kind::Text: return parseNumber(v.asText());
    default: return {};
    }
}

Value roundTo(double x, double digits)
{
    if (digits != std::trunc(digits) || digits < -15 || digits > 15) {
        return {};
    }
    const double scale = std::pow(10.0, digits);
    const double scaled = x * scale;
    if (!std::isfinite(scaled) || std::fabs(scaled) >= 4503599627370496.0) {
        return Value::number(x);  // beyond 2^52 every double is already whole at this scale
    }
    return finiteNumber(std::round(scaled) / scale);
}

// Whole years from `from` to `to` (negative when `to` is earlier): a birthday on 29 February is reached on
// 1 March in common years.
double yearsBetween(Date from, Date to)
{
    if (to < from) {
        return -yearsBetween(to, from);
    }
    int y1 = 0;
    int y2 = 0;
    unsigned m1 = 0;
    unsigned m2 = 0;
    unsigned d1 = 0;
    unsigned d2 = 0;
    civilFromDate(from, y1, m1, d1);
    civilFromDate(to, y2, m2, d2);
    int years = y2 - y1;
    if (m2 < m1 || (m2 == m1 && d2 < d1)) {
        --years;
    }
    return years;
}

}  // namespace

const FunctionInfo* findFunction(std::string_view name)
{
    for (const FunctionInfo& info : kFunctions) {
        if (info.name == name) {
            return &info;
        }
    }
    return nullptr;
}

Value Evaluator::aggregate(const Node& node) const
{
    const Func func = node.func;
    std::size_t count = 0;
    double total = 0;
    bool typeError = false;
    Value best;  // min / max
    auto visit = [&](const Value& v) {
        if (v.isNull()) {
            return;
        }
        ++count;
        if (func == Func::Count) {
            return;
        }
        if (func == Func::Min || func == Func::Max) {
            if (!v.isNumber() && !v.isDate() && !v.isText()) {
                typeError = true;
            } else if (best.isNull()) {
                best = v;
            } else {
                const Value better = applyComparison(func == Func::Min ? Op::Lt : Op::Gt, v, best);
                if (better.isNull()) {
                    typeError = true;  // mixed kinds
                } else if (better.asBool()) {
                    best = v;
                }
            }
            return;
        }
        if (v.isNumber()) {
            total += v.asNumber();
        } else if (v.isBool()) {
            total += v.asBool() ? 1 : 0;  // sum(members.is_poor) counts the yes answers
        } else {
            typeError = true;
        }
    };
    for (const auto& child : node.children) {
        const Value v = eval(*child);
        if (v.isList()) {
            for (const Value& item : v.asList()) {
                visit(item);
            }
        } else {
            visit(v);
        }
    }
    if (typeError) {
        return {};
    }
    switch (func) {
    case Func::Count: return Value::number(static_cast<double>(count));
    case Func::Sum: return finiteNumber(total);
    case Func::Avg: return count == 0 ? Value::null() : finiteNumber(total / static_cast<double>(count));
    default: return best;
    }
}

Value Evaluator::call(const Node& node) const
{
    const auto& args = node.children;
    switch (node.func) {
    case Func::If: {
        const Value condition = eval(*args[0]);
        if (!condition.isBool()) {
            return {};
        }
        return eval(*args[condition.asBool() ? 1 : 2]);
    }
    case Func::Sum:
    case Func::Count:
    case Func::Min:
    case Func::Max:
    case Func::Avg: return aggregate(node);
    case Func::Len: {
        const Value v = eval(*args[0]);
        if (v.isText()) {
            return Value::number(static_cast<double>(utf8::countCodePoints(v.asText())));
        }
        if (v.isList()) {
            return Value::number(static_cast<double>(v.asList().size()));
        }
        return {};
    }
    case Func::Regex: {
        const Value text = eval(*args[0]);
        if (!text.isText()) {
            return {};
        }
        if (node.regex) {
            return Value::boolean(RE2::FullMatch(text.asText(), *node.regex));
        }
        const Value pattern = eval(*args[1]);
        if (!pattern.isText() || pattern.asText().size() > kMaxPatternBytes) {
            return {};
        }
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(kDynamicRegexMemory);
        const RE2 regex(pattern.asText(), options);
        if (!regex.ok()) {
            return {};
        }
        return Value::boolean(RE2::FullMatch(text.asText(), regex));
    }
    case Func::Lower:
    case Func::Upper:
    case Func::Trim: {
        const Value v = eval(*args[0]);
        if (!v.isText()) {
            return {};
        }
        if (node.func == Func::Trim) {
            return Value::text(std::string(trimmed(v.asText())));
        }
        return Value::text(node.func == Func::Lower ? utf8::toLower(v.asText()) : utf8::toUpper(v.asText()));
    }
    case Func::Round: {
        const Value x = eval(*args[0]);
        const Value digits = args.size() > 1 ? eval(*args[1]) : Value::number(0);
        if (!x.isNumber() || !digits.isNumber()) {
            return {};
        }
        return roundTo(x.asNumber(), digits.asNumber());
    }
    case Func::Abs: {
        const Value v = eval(*args[0]);
        return v.isNumber() ? Value::number(std::fabs(v.asNumber())) : Value::null();
    }
    case Func::Int: {
        const Value v = toNumber(eval(*args[0]));
        return v.isNumber() ? Value::number(std::trunc(v.asNumber())) : Value::null();
    }
    case Func::Number: return toNumber(eval(*args[0]));
    case Func::String: {
        const Value v = eval(*args[0]);
        switch (v.kind()) {
        case Value::Kind::Text: return v;
        case Value::Kind::Number: return Value::text(formatNumber(v.asNumber()));
        case Value::Kind::Bool: return Value::text(v.asBool() ? "true" : "false");
        case Value::Kind::Date: return Value::text(formatIsoDate(v.asDate()));
        default: return {};
        }
    }
    case Func::Coalesce:
        for (const auto& arg : args) {
            Value v = eval(*arg);
            if (!v.isNull()) {
                return v;
            }
        }
        return {};
    case Func::Answered: {
        const Value v = eval(*args[0]);
        if (v.isText()) {
            return Value::boolean(!trimmed(v.asText()).empty());
        }
        if (v.isList()) {
            return Value::boolean(!v.asList().empty());
        }
        return Value::boolean(!v.isNull());
    }
    case Func::Selected: {
        const Value choices = eval(*args[0]);
        const Value code = eval(*args[1]);
        if (code.isNull()) {
            return {};
        }
        if (choices.isNull()) {
            return Value::boolean(false);  // nothing selected yet
        }
        if (choices.isList()) {
            for (const Value& item : choices.asList()) {
                if (sameValue(item, code)) {
                    return Value::boolean(true);
                }
            }
            return Value::boolean(false);
        }
        return Value::boolean(sameValue(choices, code));
    }
    case Func::Date: {
        if (args.size() == 3) {
            const Value y = eval(*args[0]);
            const Value m = eval(*args[1]);
            const Value d = eval(*args[2]);
            Date date;
            if (!y.isNumber() || !m.isNumber() || !d.isNumber() ||
                !makeDate(y.asNumber(), m.asNumber(), d.asNumber(), date)) {
                return {};
            }
            return Value::date(date);
        }
        const Value v = eval(*args[0]);
        if (v.isDate()) {
            return v;
        }
        Date date;
        if (v.isText() && parseIsoDate(std::string(trimmed(v.asText())), date)) {
            return Value::date(date);
        }
        return {};
    }
    case Func::Today: return Value::date(m_context.today());
    case Func::Year:
    case Func::Month:
    case Func::Day: {
        const Value v = eval(*args[0]);
        if (!v.isDate()) {
            return {};
        }
        int year = 0;
        unsigned month = 0;
        unsigned day = 0;
        civilFromDate(v.asDate(), year, month, day);
        const unsigned part = node.func == Func::Month ? month : day;
        return Value::number(node.func == Func::Year ? static_cast<double>(year) : static_cast<double>(part));
    }
    case Func::YearsBetween: {
        const Value from = eval(*args[0]);
        const Value to = args.size() > 1 ? eval(*args[1]) : Value::date(m_context.today());
        if (!from.isDate() || !to.isDate()) {
            return {};
        }
        return Value::number(yearsBetween(from.asDate(), to.asDate()));
    }
    case Func::Prev: return m_context.previous(node.path);
    }
    return {};
}

}  // namespace dantoc::expr
