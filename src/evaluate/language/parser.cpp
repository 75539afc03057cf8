#include "language/parser.hpp"

#include "language/functions.hpp"
#include "language/limits.hpp"

namespace kafkalint {

namespace {

using Node = ExpressionNode;
using NodePtr = ExpressionNodePtr;

constexpr std::string_view kComparisons[] = {"==", "!=", "<", "<=", ">", ">="};

void guard(int depth, std::size_t offset) {
  if (depth > kMaxExpressionDepth) {
    throw ExpressionError(offset, "expression nested too deeply (limit " + std::to_string(kMaxExpressionDepth) + ")");
  }
}

NodePtr node(Node::Kind kind, std::string name, std::size_t offset) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  n->name = std::move(name);
  n->offset = offset;
  return n;
}

NodePtr binary(std::string op, std::size_t offset, NodePtr lhs, NodePtr rhs) {
  NodePtr n = node(Node::Kind::Binary, std::move(op), offset);
  n->children.push_back(std::move(lhs));
  n->children.push_back(std::move(rhs));
  return n;
}

NodePtr unaryNode(std::string op, std::size_t offset, NodePtr operand) {
  NodePtr n = node(Node::Kind::Unary, std::move(op), offset);
  n->children.push_back(std::move(operand));
  return n;
}

// "min() takes 2 arguments, got 1"
std::string arityError(const RuleFunction& f, int argc) {
  return std::string(f.name) + "() takes " + std::to_string(f.minArgs) +
         (f.maxArgs != f.minArgs ? " to " + std::to_string(f.maxArgs) : "") + " argument" +
         (f.maxArgs == 1 ? "" : "s") + ", got " + std::to_string(argc);
}

}  // namespace

Parser::Parser(std::string_view text, const ExpressionNames& names, std::set<std::string>& keys)
    : lexer_(text), names_(names), keys_(keys) {
  advance();
}

NodePtr Parser::parse() {
  NodePtr n = orExpr(0);
  if (tok_.kind != Token::Kind::End) throw ExpressionError(tok_.offset, "unexpected '" + tok_.text + "'");
  return n;
}

bool Parser::isPunct(std::string_view p) const { return tok_.kind == Token::Kind::Punct && tok_.text == p; }
bool Parser::isKeyword(std::string_view k) const { return tok_.kind == Token::Kind::Keyword && tok_.text == k; }

bool Parser::isComparison() const {
  for (std::string_view op : kComparisons) {
    if (isPunct(op)) return true;
  }
  return false;
}

void Parser::expectPunct(std::string_view p) {
  if (!isPunct(p)) throw ExpressionError(tok_.offset, "expected '" + std::string(p) + "'" + found());
  advance();
}

std::string Parser::found() const {
  return tok_.kind == Token::Kind::End ? " at the end of the expression" : " before '" + tok_.text + "'";
}

NodePtr Parser::orExpr(int depth) {
  guard(depth, tok_.offset);
  NodePtr lhs = andExpr(depth + 1);
  while (isKeyword("or")) {
    const std::size_t at = tok_.offset;
    advance();
    lhs = binary("or", at, std::move(lhs), andExpr(depth + 1));
  }
  return lhs;
}

NodePtr Parser::andExpr(int depth) {
  NodePtr lhs = notExpr(depth + 1);
  while (isKeyword("and")) {
    const std::size_t at = tok_.offset;
    advance();
    lhs = binary("and", at, std::move(lhs), notExpr(depth + 1));
  }
  return lhs;
}

NodePtr Parser::notExpr(int depth) {
  guard(depth, tok_.offset);
  if (isKeyword("not")) {
    const std::size_t at = tok_.offset;
    advance();
    return unaryNode("not", at, notExpr(depth + 1));
  }
  return comparison(depth + 1);
}

NodePtr Parser::comparison(int depth) {
  NodePtr lhs = additive(depth + 1);
  const std::size_t at = tok_.offset;
  if (isComparison() || isKeyword("in")) {
    std::string op = tok_.text;
    advance();
    return compared(std::move(op), at, std::move(lhs), depth);
  }
  if (isKeyword("not")) {  // "x not in [...]"
    advance();
    if (!isKeyword("in")) throw ExpressionError(tok_.offset, "expected 'in' after 'not'" + found());
    advance();
    return unaryNode("not", at, compared("in", at, std::move(lhs), depth));
  }
  return lhs;
}

NodePtr Parser::compared(std::string op, std::size_t at, NodePtr lhs, int depth) {
  NodePtr rhs = additive(depth + 1);
  rejectChained(at);
  return binary(std::move(op), at, std::move(lhs), std::move(rhs));
}

void Parser::rejectChained(std::size_t at) const {
  if (isComparison() || isKeyword("in"))
    throw ExpressionError(at, "comparisons cannot be chained; combine them with 'and'");
}

NodePtr Parser::additive(int depth) {
  guard(depth, tok_.offset);
  NodePtr lhs = multiplicative(depth + 1);
  while (isPunct("+") || isPunct("-")) {
    std::string op = tok_.text;
    const std::size_t at = tok_.offset;
    advance();
    lhs = binary(std::move(op), at, std::move(lhs), multiplicative(depth + 1));
  }
  return lhs;
}

NodePtr Parser::multiplicative(int depth) {
  NodePtr lhs = unary(depth + 1);
  while (isPunct("*") || isPunct("/") || isPunct("%")) {
    std::string op = tok_.text;
    const std::size_t at = tok_.offset;
    advance();
    lhs = binary(std::move(op), at, std::move(lhs), unary(depth + 1));
  }
  return lhs;
}

NodePtr Parser::unary(int depth) {
  guard(depth, tok_.offset);
  if (isPunct("-")) {
    const std::size_t at = tok_.offset;
    advance();
    return unaryNode("-", at, unary(depth + 1));
  }
  return primary(depth + 1);
}

NodePtr Parser::primary(int depth) {
  guard(depth, tok_.offset);
  auto n = std::make_unique<Node>();
  n->offset = tok_.offset;
  switch (tok_.kind) {
    case Token::Kind::Number:
    case Token::Kind::String:
      n->kind = Node::Kind::Literal;
      n->literal = tok_.value;
      advance();
      return n;
    case Token::Kind::Keyword:
      if (tok_.text == "true" || tok_.text == "false" || tok_.text == "null") {
        n->kind = Node::Kind::Literal;
        n->literal = tok_.text == "null" ? Value::null() : Value(tok_.text == "true");
        advance();
        return n;
      }
      throw ExpressionError(tok_.offset, "unexpected '" + tok_.text + "'");
    case Token::Kind::Param:
      if (names_.checkParam) {
        if (auto err = names_.checkParam(tok_.text)) throw ExpressionError(tok_.offset, *err);
      }
      n->kind = Node::Kind::Param;
      n->name = tok_.text;
      advance();
      return n;
    case Token::Kind::Ident:
      return identifier(std::move(n), depth);
    case Token::Kind::Punct:
      return bracketed(std::move(n), depth);
    case Token::Kind::End:
      throw ExpressionError(tok_.offset, "expected a value at the end of the expression");
  }
  throw ExpressionError(tok_.offset, "unexpected token");
}

// ( expression ) or [ list ]
NodePtr Parser::bracketed(NodePtr n, int depth) {
  if (isPunct("(")) {
    advance();
    NodePtr inner = orExpr(depth + 1);
    expectPunct(")");
    return inner;
  }
  if (isPunct("[")) {
    n->kind = Node::Kind::List;
    advance();
    items(*n, "]", depth);
    return n;
  }
  throw ExpressionError(tok_.offset, "unexpected '" + tok_.text + "'");
}

void Parser::items(ExpressionNode& n, std::string_view close, int depth) {
  if (!isPunct(close)) {
    while (true) {
      n.children.push_back(orExpr(depth + 1));
      if (isPunct(close)) break;
      expectPunct(",");
    }
  }
  advance();
}

// A key, or a function call when a '(' follows.
NodePtr Parser::identifier(NodePtr n, int depth) {
  std::string name = tok_.text;
  const std::size_t at = tok_.offset;
  advance();
  if (isPunct("(")) return call(std::move(n), std::move(name), at, depth);
  if (names_.checkKey) {
    if (auto err = names_.checkKey(name)) throw ExpressionError(at, *err);
  }
  keys_.insert(name);
  n->kind = Node::Kind::Key;
  n->name = std::move(name);
  return n;
}

NodePtr Parser::call(NodePtr n, std::string name, std::size_t at, int depth) {
  const RuleFunction* f = findFunction(name);
  if (f == nullptr) throw ExpressionError(at, "unknown function '" + name + "'");
  advance();
  n->kind = Node::Kind::Call;
  n->name = std::move(name);
  n->function = f;
  items(*n, ")", depth);
  const int argc = int(n->children.size());
  if (argc < f->minArgs || argc > f->maxArgs) throw ExpressionError(at, arityError(*f, argc));
  if (f->arguments == Arguments::Key && n->children[0]->kind != Node::Kind::Key) {
    throw ExpressionError(n->children[0]->offset,
                          n->name + "() takes a configuration key, such as " + n->name + "(acks)");
  }
  if (f->prepare != nullptr) f->prepare(*n);
  return n;
}

}  // namespace kafkalint
