// The syntax tree of a compiled expression: what the parser builds and the evaluator walks.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "kafkalint/value.hpp"

namespace kafkalint {

struct RuleFunction;

struct ExpressionNode {
  enum class Kind { Literal, Key, Param, List, Unary, Binary, Call };
  Kind kind = Kind::Literal;
  std::size_t offset = 0;  // into the expression's text, for errors
  Value literal;
  std::string name;  // key, parameter, operator or function
  std::vector<std::unique_ptr<ExpressionNode>> children;
  const RuleFunction* function = nullptr;  // Call: its row in the function table
  std::shared_ptr<const RE2> regex;        // matches() with a literal pattern, compiled once
};

using ExpressionNodePtr = std::unique_ptr<ExpressionNode>;

}  // namespace kafkalint
