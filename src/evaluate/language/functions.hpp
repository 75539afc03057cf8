// The functions of the rule language: one row each in ruleFunctions() (functions.cpp), with its
// name, arguments, implementation and documentation line. A new function is one new row.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "kafkalint/effective_value.hpp"
#include "language/expression.hpp"
#include "language/node.hpp"

namespace kafkalint {

// How a function takes its arguments.
enum class Arguments {
  Key,      // one bare configuration key, not evaluated: the function looks at its effective value
  Values,   // evaluated first; an unknown argument makes the result unknown, a null one null
  Lenient,  // evaluated first; an unknown argument makes the result unknown, nulls are passed on
  Lazy,     // evaluated by the function, only as far as it needs (if(): the branch taken)
};

// What an implementation is given.
struct FunctionCall {
  const ExpressionNode& node;
  Expression::Context& context;
  std::vector<Value> args;                            // Values, Lenient
  const std::function<Value(std::size_t)>& argument;  // Lazy: evaluates argument i

  // Key: the effective value of the key argument.
  [[nodiscard]] const EffectiveValue& key() const;
};

struct RuleFunction {
  std::string_view name;
  std::string_view parameters;  // as the docs name them: "key", "a, b"
  int minArgs;
  int maxArgs;
  Arguments arguments;
  Value (*call)(const FunctionCall& call);  // throws EvaluationError
  std::string_view doc;
  // Checks and prepares literal arguments once, when the expression is compiled (matches(): the
  // regular expression). Throws ExpressionError. May be null.
  void (*prepare)(ExpressionNode& call) = nullptr;
};

std::span<const RuleFunction> ruleFunctions();
const RuleFunction* findFunction(std::string_view name);

}  // namespace kafkalint
