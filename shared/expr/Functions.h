// Functions: the table of built-in functions of the expression language (name, arity), resolved to Func at
// parse time so evaluation never compares names. Immutable data; thread-safe.
#pragma once

#include "expr/Ast.h"

#include <string_view>

namespace dantoc::expr {

struct FunctionInfo {
    std::string_view name;
    Func func;
    int minArgs;
    int maxArgs;  // -1: any number (at least minArgs)
};

// The function called `name`, or nullptr if there is none.
const FunctionInfo* findFunction(std::string_view name);

}  // namespace dantoc::expr
