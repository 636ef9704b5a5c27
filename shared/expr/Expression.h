// Expression: a parsed, immutable expression of the form language (used by relevant, constraint, computed and
// checks). Parse once, evaluate many times; evaluate() is const and thread-safe given a thread-safe context.
// The evaluator is total: any input terminates, never throws, never crashes; type errors evaluate to null.
// The language itself is documented in shared/docs/expressions.md.
#pragma once

#include "base/Result.h"
#include "expr/Value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::expr {

struct Node;  // AST, private to the expr module

// Limits that make parsing and evaluation total (see shared/docs/expressions.md, "Limits").
inline constexpr std::size_t kMaxSourceBytes = 16 * 1024;  // longer source is a parse error
inline constexpr int kMaxNesting = 64;                      // parentheses, calls and unary operators
inline constexpr std::size_t kMaxTextBytes = 1024 * 1024;   // a longer text result (concatenation) is null
inline constexpr std::size_t kMaxPatternBytes = 1024;       // regex() patterns; a longer one is invalid

// Supplies field values during evaluation. Paths are field names ("households_poor") or roster columns
// ("members.age", which yields a List with one element per row).
class EvalContext
{
public:
    virtual ~EvalContext() = default;
    // A field of the submission, or a roster column as a list.
    virtual Value field(std::string_view path) const = 0;
    // `.column` (or `current.column`): the column in the roster row being validated; null outside a row.
    virtual Value currentRow(std::string_view column) const = 0;
    // prev(path): the same field in the previous period's submission of the same unit; null if none.
    virtual Value previous(std::string_view path) const = 0;
    // today(): injected so validation is reproducible.
    virtual Date today() const = 0;
};

struct ParseErrorInfo {
    int line = 1;
    int column = 1;
    std::string message;  // "expected ')' but found end of input"
};

class Expression
{
public:
    // Parses `source`. On failure the Status is ParseError with "line:column: message"; parseDetailed gives
    // the position as numbers.
    static Result<Expression> parse(std::string_view source);
    static Result<Expression> parseDetailed(std::string_view source, ParseErrorInfo* error);

    Value evaluate(const EvalContext& context) const;
    // Evaluate and interpret as a condition: true only for boolean true (null → std::nullopt-like false flag).
    // Returns: 1 true, 0 false, -1 null/not a boolean.
    int evaluateCondition(const EvalContext& context) const;

    // Every field path referenced (including roster columns as "roster.column", `.column` as ".column" and
    // prev() targets as "prev:path"), for dependency graphs and template checks. Sorted, unique.
    const std::vector<std::string>& references() const { return m_references; }
    const std::string& source() const { return m_source; }

    Expression();
    ~Expression();
    Expression(const Expression&);
    Expression& operator=(const Expression&);
    Expression(Expression&&) noexcept;
    Expression& operator=(Expression&&) noexcept;

private:
    std::shared_ptr<const Node> m_root;  // shared, immutable
    std::vector<std::string> m_references;
    std::string m_source;
};

}  // namespace dantoc::expr
