// Expression: compiling the text (lexer and parser), evaluating it and rendering it for messages.
#include "language/expression.hpp"

#include <algorithm>

#include "kafkalint/resolve.hpp"
#include "kafkalint/secrets.hpp"
#include "language/evaluator.hpp"
#include "language/functions.hpp"
#include "language/limits.hpp"
#include "language/parser.hpp"

namespace kafkalint {

namespace {

// Whether printing the expression's result could reveal a secret value.
bool nodeReadsSecret(const ExpressionNode& n) {
  if (n.kind == ExpressionNode::Kind::Key) return isSecretKey(n.name);
  if (n.kind == ExpressionNode::Kind::Call && n.function->arguments == Arguments::Key) {
    return false;  // defined()/explicit()/exists() reveal nothing about the value
  }
  return std::any_of(n.children.begin(), n.children.end(),
                     [](const ExpressionNodePtr& c) { return nodeReadsSecret(*c); });
}

}  // namespace

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

Expression Expression::compile(std::string_view text, const ExpressionNames& names) {
  if (text.size() > kMaxExpressionLength) {
    throw ExpressionError(0, "expression longer than " + std::to_string(kMaxExpressionLength) + " characters");
  }
  Expression e;
  e.text_ = std::string(text);
  Parser parser(text, names, e.keys_);
  e.root_ = parser.parse();
  e.readsSecret_ = nodeReadsSecret(*e.root_);
  return e;
}

std::optional<std::string> Expression::bareKey() const {
  if (root_ && root_->kind == ExpressionNode::Kind::Key) return root_->name;
  return std::nullopt;
}

Value Expression::evaluate(Context& context) const {
  Evaluator evaluator(context);
  return evaluator.eval(*root_);
}

std::string Expression::render(Context& context) const {
  if (auto key = bareKey()) {
    const EffectiveValue& ev = context.view.get(*key);
    if (ev.secret) return std::string(kRedacted);
    if (ev.value.isNull() && ev.text.empty()) return "(not set)";
    return displayValue(ev.name, ev.text);
  }
  Value v = evaluate(context);
  if (readsSecret_) return std::string(kRedacted);
  if (v.isUnknown()) return "(unknown)";
  return v.str();
}

}  // namespace kafkalint
