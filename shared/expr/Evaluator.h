// Evaluator: walks the Ast of one expression against one EvalContext. Total by construction: recursion depth
// is bounded by the parser's nesting limit, every type error or non-finite number is null, nothing throws.
// An Evaluator is a short-lived, stack-allocated helper; the Ast it reads is immutable and shared.
#pragma once

#include "expr/Ast.h"
#include "expr/Expression.h"
#include "expr/Value.h"

namespace dantoc::expr {

class Evaluator
{
public:
    explicit Evaluator(const EvalContext& context) : m_context(context) {}

    Value eval(const Node& node) const;

private:
    // The value of `node`: a literal by reference (no copy), anything else evaluated into `scratch`.
    const Value& ref(const Node& node, Value& scratch) const
    {
        if (node.kind == NodeKind::Literal) {
            return node.value;
        }
        scratch = eval(node);
        return scratch;
    }
    Value call(const Node& node) const;  // Functions.cpp
    Value logical(const Node& node, bool isAnd) const;
    Value membership(const Node& node) const;
    Value aggregate(const Node& node) const;  // Functions.cpp: sum count min max avg

    const EvalContext& m_context;
};

// Operators on evaluated values, shared by the evaluator and its tests of the fine print.
Value applyArithmetic(Op op, const Value& left, const Value& right);
Value applyComparison(Op op, const Value& left, const Value& right);
// The language's equality of two non-null values: same kind and equal; different kinds are not equal.
bool sameValue(const Value& left, const Value& right);
// A number, or null when it is NaN or infinite.
Value finiteNumber(double d);

}  // namespace dantoc::expr
