// Parser: recursive descent from tokens to the Ast, with the language's limits (source size, nesting depth)
// enforced so that neither parsing nor evaluating can exhaust the stack. Private to the expr module.
#pragma once

#include "expr/Ast.h"
#include "expr/Expression.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::expr {

struct ParseOutput {
    std::unique_ptr<Node> root;
    std::vector<std::string> references;  // sorted, unique
};

// Parses `source`; on failure returns false with `error` filled (1-based line and column in code points).
bool parseExpressionSource(std::string_view source, ParseOutput& out, ParseErrorInfo& error);

}  // namespace dantoc::expr
