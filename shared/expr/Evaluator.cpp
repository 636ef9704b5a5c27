#include "expr/Evaluator.h"

#include <cmath>

namespace dantoc::expr {

Value finiteNumber(double d)
{
    return std::isfinite(d) ? Value::number(d) : Value::null();
}

namespace {

// date ± whole days; null when the number is not whole or the result leaves the supported years.
Value shiftDate(Date date, double days)
{
    if (days != std::trunc(days)) {
        return {};  // also NaN and infinities
    }
    const double result = static_cast<double>(date.days) + days;
    if (!isDateInRange(result)) {
        return {};
    }
    return Value::date(Date{static_cast<std::int32_t>(result)});
}

}  // namespace

Value applyArithmetic(Op op, const Value& left, const Value& right)
{
    if (left.isNumber() && right.isNumber()) {
        const double a = left.asNumber();
        const double b = right.asNumber();
        switch (op) {
        case Op::Add: return finiteNumber(a + b);
        case Op::Sub: return finiteNumber(a - b);
        case Op::Mul: return finiteNumber(a * b);
        case Op::Div: return b == 0 ? Value::null() : finiteNumber(a / b);
        case Op::Mod: return b == 0 ? Value::null() : finiteNumber(std::fmod(a, b));
        default: return {};
        }
    }
    if (op == Op::Add) {
        if (left.isText() && right.isText()) {
            if (left.asText().size() + right.asText().size() > kMaxTextBytes) {
                return {};
            }
            std::string joined;
            joined.reserve(left.asText().size() + right.asText().size());
            joined += left.asText();
            joined += right.asText();
            return Value::text(std::move(joined));
        }
        if (left.isDate() && right.isNumber()) {
            return shiftDate(left.asDate(), right.asNumber());
        }
        if (left.isNumber() && right.isDate()) {
            return shiftDate(right.asDate(), left.asNumber());
        }
        return {};
    }
    if (op == Op::Sub) {
        if (left.isDate() && right.isNumber()) {
            return shiftDate(left.asDate(), -right.asNumber());
        }
        if (left.isDate() && right.isDate()) {
            return Value::number(static_cast<double>(left.asDate().days) - static_cast<double>(right.asDate().days));
        }
    }
    return {};
}

bool sameValue(const Value& left, const Value& right)
{
    return left.kind() == right.kind() && left == right;
}

Value applyComparison(Op op, const Value& left, const Value& right)
{
    if (left.isNull() || right.isNull() || left.kind() != right.kind()) {
        return {};
    }
    if (op == Op::Eq || op == Op::Ne) {
        const bool equal = left == right;
        return Value::boolean(op == Op::Eq ? equal : !equal);
    }
    int order = 0;  // <0, 0, >0
    switch (left.kind()) {
    case Value::Kind::Number: {
        const double a = left.asNumber();
        const double b = right.asNumber();
        order = a < b ? -1 : (a > b ? 1 : 0);
        break;
    }
    case Value::Kind::Text: {
        // byte order of UTF-8 is code-point order
        const int c = left.asText().compare(right.asText());
        order = c < 0 ? -1 : (c > 0 ? 1 : 0);
        break;
    }
    case Value::Kind::Date: {
        const auto a = left.asDate().days;
        const auto b = right.asDate().days;
        order = a < b ? -1 : (a > b ? 1 : 0);
        break;
    }
    default: return {};  // booleans and lists have no order
    }
    switch (op) {
    case Op::Lt: return Value::boolean(order < 0);
    case Op::Le: return Value::boolean(order <= 0);
    case Op::Gt: return Value::boolean(order > 0);
    case Op::Ge: return Value::boolean(order >= 0);
    default: return {};
    }
}

Value Evaluator::eval(const Node& node) const
{
    switch (node.kind) {
    case NodeKind::Literal: return node.value;
    case NodeKind::NullTest: {
        const bool isNull = eval(*node.children[0]).isNull();
        return Value::boolean(node.op == Op::Eq ? isNull : !isNull);
    }
    case NodeKind::Field: return m_context.field(node.path);
    case NodeKind::RowField: return m_context.currentRow(node.path);
    case NodeKind::Negate: {
        const Value v = eval(*node.children[0]);
        return v.isNumber() ? Value::number(-v.asNumber()) : Value::null();
    }
    case NodeKind::Not: {
        const Value v = eval(*node.children[0]);
        return v.isBool() ? Value::boolean(!v.asBool()) : Value::null();
    }
    case NodeKind::Arithmetic: {
        Value acc = eval(*node.children[0]);
        Value scratch;
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            acc = applyArithmetic(node.ops[i - 1], acc, ref(*node.children[i], scratch));
        }
        return acc;
    }
    case NodeKind::And: return logical(node, true);
    case NodeKind::Or: return logical(node, false);
    case NodeKind::Compare: {
        Value leftScratch;
        const Value& left = ref(*node.children[0], leftScratch);
        if (left.isNull()) {
            return {};  // the right side cannot change the answer
        }
        Value rightScratch;
        return applyComparison(node.op, left, ref(*node.children[1], rightScratch));
    }
    case NodeKind::In: return membership(node);
    case NodeKind::Call: return call(node);
    }
    return {};
}

// Three-valued logic: `false and x` is false, `true or x` is true whatever x is (x is then not evaluated);
// otherwise anything that is not a boolean makes the result null.
Value Evaluator::logical(const Node& node, bool isAnd) const
{
    bool unknown = false;
    for (const auto& child : node.children) {
        const Value v = eval(*child);
        if (!v.isBool()) {
            unknown = true;
        } else if (v.asBool() != isAnd) {
            return Value::boolean(!isAnd);
        }
    }
    return unknown ? Value::null() : Value::boolean(isAnd);
}

Value Evaluator::membership(const Node& node) const
{
    const Value needle = eval(*node.children[0]);
    if (needle.isNull()) {
        return {};
    }
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const Value item = eval(*node.children[i]);
        if (item.isList()) {
            for (const Value& element : item.asList()) {
                if (sameValue(needle, element)) {
                    return Value::boolean(true);
                }
            }
        } else if (sameValue(needle, item)) {
            return Value::boolean(true);
        }
    }
    return Value::boolean(false);
}

}  // namespace dantoc::expr
