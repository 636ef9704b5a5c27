#include "expr/Expression.h"

#include "expr/Ast.h"
#include "expr/Evaluator.h"
#include "expr/Parser.h"

namespace dantoc::expr {

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression&) = default;
Expression& Expression::operator=(const Expression&) = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

Result<Expression> Expression::parse(std::string_view source)
{
    return parseDetailed(source, nullptr);
}

Result<Expression> Expression::parseDetailed(std::string_view source, ParseErrorInfo* error)
{
    ParseOutput out;
    ParseErrorInfo info;
    if (!parseExpressionSource(source, out, info)) {
        std::string message = std::to_string(info.line) + ":" + std::to_string(info.column) + ": " + info.message;
        if (error != nullptr) {
            *error = std::move(info);
        }
        return Status(ErrorCode::ParseError, std::move(message));
    }
    Expression expression;
    expression.m_root = std::shared_ptr<const Node>(std::move(out.root));
    expression.m_references = std::move(out.references);
    expression.m_source = std::string(source);
    return expression;
}

Value Expression::evaluate(const EvalContext& context) const
{
    if (!m_root) {
        return {};
    }
    return Evaluator(context).eval(*m_root);
}

int Expression::evaluateCondition(const EvalContext& context) const
{
    const Value v = evaluate(context);
    if (!v.isBool()) {
        return -1;
    }
    return v.asBool() ? 1 : 0;
}

}  // namespace dantoc::expr
