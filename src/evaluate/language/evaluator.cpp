#include "language/evaluator.hpp"

#include <functional>

#include "kafkalint/resolve.hpp"
#include "language/functions.hpp"
#include "language/values.hpp"

namespace kafkalint {

using Node = ExpressionNode;

Value Evaluator::eval(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Literal:
      return n.literal;
    case Node::Kind::Key:
      return key(n);
    case Node::Kind::Param:
      return param(n);
    case Node::Kind::List: {
      Value::List items;
      for (const auto& c : n.children) items.push_back(eval(*c));
      return Value(std::move(items));
    }
    case Node::Kind::Unary:
      return negation(n.name, eval(*n.children[0]));
    case Node::Kind::Binary:
      return binary(n);
    case Node::Kind::Call:
      return call(n);
  }
  return Value::null();
}

Value Evaluator::key(const Node& n) {
  const EffectiveValue& ev = context_.view.get(n.name);
  if (ev.value.isUnknown()) context_.unknownKeys.insert(n.name);
  return ev.value;
}

Value Evaluator::param(const Node& n) {
  auto it = context_.params.find(n.name);
  if (it == context_.params.end()) throw EvaluationError("parameter $" + n.name + " has no value");
  return it->second;
}

Value Evaluator::binary(const Node& n) {
  const std::string& op = n.name;
  if (op == "and" || op == "or") {
    Value a = eval(*n.children[0]);
    return logical(op == "and", a, [&] { return eval(*n.children[1]); });
  }
  Value a = eval(*n.children[0]);
  Value b = eval(*n.children[1]);
  if (op == "in") return membership(a, b);
  if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") return arithmetic(op, a, b);
  return compare(op, a, b);
}

Value Evaluator::call(const Node& n) {
  const RuleFunction* f = n.function;
  const std::function<Value(std::size_t)> argument = [&](std::size_t i) { return eval(*n.children[i]); };
  FunctionCall c{n, context_, {}, argument};
  if (f->arguments == Arguments::Values || f->arguments == Arguments::Lenient) {
    for (const auto& child : n.children) c.args.push_back(eval(*child));
    for (const Value& a : c.args) {
      if (a.isUnknown()) return a;
    }
    if (f->arguments == Arguments::Values) {
      for (const Value& a : c.args) {
        if (a.isNull()) return Value::null();
      }
    }
  }
  return f->call(c);
}

}  // namespace kafkalint
