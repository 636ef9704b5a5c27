// Ast: the parsed form of an expression, private to the expr module. Built once by the Parser, then immutable
// and shared between copies of an Expression; evaluation only reads it, so it is thread-safe.
#pragma once

#include "expr/Expression.h"
#include "expr/Value.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace dantoc::expr {

enum class NodeKind : std::uint8_t {
    Literal,     // m_value (numbers, texts, booleans, date('...') with a literal, null)
    NullTest,    // `x = null` / `x != null`: child[0], negate = (op == Ne)
    Field,       // field or roster column: context.field(path)
    RowField,    // `.column` / `current.column`: context.currentRow(path without the dot)
    Negate,      // unary minus
    Not,         // not / !
    Arithmetic,  // left-associative chain: children[0] ops[0] children[1] ops[1] children[2] ...
    And,         // n-ary, three-valued, short-circuit
    Or,
    Compare,     // children[0] op children[1]
    In,          // children[0] in (children[1..])
    Call,        // function with children as arguments
};

enum class Op : std::uint8_t { Add, Sub, Mul, Div, Mod, Eq, Ne, Lt, Le, Gt, Ge };

enum class Func : std::uint8_t {
    If,
    Sum,
    Count,
    Min,
    Max,
    Avg,
    Len,
    Regex,
    Lower,
    Upper,
    Trim,
    Round,
    Abs,
    Int,
    Number,
    String,
    Coalesce,
    Answered,
    Selected,
    Date,
    Today,
    Year,
    Month,
    Day,
    YearsBetween,  // also spelled age()
    Prev,
};

struct Node {
    NodeKind kind = NodeKind::Literal;
    Op op = Op::Add;                      // Compare / NullTest
    Func func = Func::If;                 // Call
    Value value;                          // Literal
    std::string path;                     // Field / RowField / prev() target (".column" for a row field)
    std::vector<std::unique_ptr<Node>> children;
    std::vector<Op> ops;                  // Arithmetic: ops[i] joins children[i] and children[i + 1]
    std::shared_ptr<const re2::RE2> regex;  // regex() with a literal pattern, compiled once at parse time
};

}  // namespace dantoc::expr
