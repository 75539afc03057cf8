// Evaluates a compiled expression over an entity's effective configuration: keys read through
// the EntityView (unknown values are recorded in the context), parameters from the rule,
// functions through their rows in the function table.
#pragma once

#include "language/expression.hpp"
#include "language/node.hpp"

namespace kafkalint {

class Evaluator {
 public:
  explicit Evaluator(Expression::Context& context) : context_(context) {}

  // Throws EvaluationError.
  Value eval(const ExpressionNode& n);

 private:
  Value key(const ExpressionNode& n);
  Value param(const ExpressionNode& n);
  Value binary(const ExpressionNode& n);
  Value call(const ExpressionNode& n);

  Expression::Context& context_;
};

}  // namespace kafkalint
