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
// ("members.age", which yields a List with one element per row). Unanswered or non-relevant values are null.
// There is no `self`: a field's own rule names the field, a roster column's rule uses `.column`.
class EvalContext
{
public:
    virtual ~EvalContext() = default;
    // A field of the submission; a roster column ("members.age") as a List with one element per row (null
    // cells included); a roster itself ("members") as a List with one element per row (e.g. the row ids), so
    // that count(members) counts rows.
    virtual Value field(std::string_view path) const = 0;
    // `.column` (or `current.column`): the column in the roster row being validated, asked for without the
    // dot ("age"); null outside a row.
    virtual Value currentRow(std::string_view column) const = 0;
    // prev(path): the same field in the previous period's submission of the same unit; null if none. For
    // prev(.column) the path is ".column" (the same row of the previous period, matched by row id).
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
    // Parses `source`. On failure the Status is ParseError with "line:column: message" (1-based, columns in
    // code points); parseDetailed also fills *error (if not null) with the position as numbers. Unknown
    // functions, wrong arity, invalid date('...') literals and invalid literal regex patterns are parse errors.
    static Result<Expression> parse(std::string_view source);
    static Result<Expression> parseDetailed(std::string_view source, ParseErrorInfo* error);

    // A default-constructed Expression evaluates to null.
    Value evaluate(const EvalContext& context) const;
    // Evaluate and interpret as a condition. Returns: 1 true, 0 false, -1 null or not a boolean (callers
    // decide: a constraint fails only on 0, a relevant holds only on 1).
    int evaluateCondition(const EvalContext& context) const;

    // Every field path referenced (including roster columns as "roster.column", `.column` and
    // `current.column` as ".column" and prev() targets as "prev:path" / "prev:.column"), for dependency graphs
    // and template checks. Fields in branches that may not be evaluated are included. Sorted, unique.
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
