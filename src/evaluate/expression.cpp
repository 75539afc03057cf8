#include "expression.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "kafkalint/resolve.hpp"
#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

// Limits that keep hostile rule files from running away.
constexpr std::size_t kMaxExpressionLength = 8192;
constexpr int kMaxDepth = 64;

struct ExpressionNode {
  enum class Kind { Literal, Key, Param, List, Unary, Binary, Call };
  Kind kind = Kind::Literal;
  std::size_t offset = 0;
  Value literal;
  std::string name;  // key, parameter, operator or function
  std::vector<std::unique_ptr<ExpressionNode>> children;
  std::shared_ptr<RE2> regex;  // matches() with a literal pattern, compiled once
};

namespace {

using Node = ExpressionNode;
using NodePtr = std::unique_ptr<Node>;

// ---------------------------------------------------------------------------------------------
// Functions

struct FunctionSpec {
  std::string_view name;
  int minArgs;
  int maxArgs;
  bool keyArgument;  // the first argument must be a bare configuration key
};

constexpr FunctionSpec kFunctions[] = {
    {"defined", 1, 1, true},        {"explicit", 1, 1, true},
    {"exists", 1, 1, true},         {"source", 1, 1, true},
    {"name", 1, 1, true},           {"dialect", 0, 0, false},
    {"topic", 0, 0, false},         {"dialect_label", 0, 0, false},
    {"kafka_version", 0, 0, false}, {"version_at_least", 1, 1, false},
    {"min", 2, 2, false},           {"max", 2, 2, false},
    {"len", 1, 1, false},           {"lower", 1, 1, false},
    {"contains", 2, 2, false},      {"matches", 2, 2, false},
    {"starts_with", 2, 2, false},   {"entity", 0, 0, false},
    {"origin", 1, 1, true},         {"if", 3, 3, false},
};

const FunctionSpec* findFunction(std::string_view name) {
  for (const FunctionSpec& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Lexer

struct Token {
  enum class Kind { End, Number, String, Ident, Param, Keyword, Punct } kind = Kind::End;
  std::string text;
  Value value;
  std::size_t offset = 0;
};

bool identStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool identChar(char c) { return identStart(c) || (c >= '0' && c <= '9'); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token next() {
    while (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) <= 0x20) ++pos_;
    Token t;
    t.offset = pos_;
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    if (c >= '0' && c <= '9') return number(t);
    if (c == '"' || c == '\'') return string(t, c);
    if (c == '$') {
      ++pos_;
      if (pos_ >= text_.size() || !identStart(text_[pos_]))
        throw ExpressionError(t.offset, "expected a parameter name after '$'");
      std::size_t b = pos_;
      while (pos_ < text_.size() && identChar(text_[pos_])) ++pos_;
      t.kind = Token::Kind::Param;
      t.text = std::string(text_.substr(b, pos_ - b));
      return t;
    }
    if (identStart(c)) {
      std::size_t b = pos_;
      while (pos_ < text_.size()) {
        if (identChar(text_[pos_])) {
          ++pos_;
        } else if ((text_[pos_] == '.' || text_[pos_] == ':') && pos_ + 1 < text_.size() &&
                   identChar(text_[pos_ + 1])) {
          ++pos_;  // dotted keys, and `target:key` for a related entity's key
        } else {
          break;
        }
      }
      t.text = std::string(text_.substr(b, pos_ - b));
      static constexpr std::string_view kKeywords[] = {"and", "or", "not", "in", "true", "false", "null"};
      t.kind = std::find(std::begin(kKeywords), std::end(kKeywords), t.text) != std::end(kKeywords)
                   ? Token::Kind::Keyword
                   : Token::Kind::Ident;
      return t;
    }
    static constexpr std::string_view kTwo[] = {"==", "!=", "<=", ">="};
    for (std::string_view op : kTwo) {
      if (text_.substr(pos_, 2) == op) {
        pos_ += 2;
        t.kind = Token::Kind::Punct;
        t.text = std::string(op);
        return t;
      }
    }
    if (std::string_view("()[],<>+-*/%").find(c) != std::string_view::npos) {
      ++pos_;
      t.kind = Token::Kind::Punct;
      t.text = std::string(1, c);
      return t;
    }
    if (c == '=') throw ExpressionError(t.offset, "unexpected '='; use '==' to compare");
    throw ExpressionError(t.offset, std::string("unexpected character '") + c + "'");
  }

 private:
  Token number(Token& t) {
    std::size_t b = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    bool isFloat = false;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && text_[pos_ + 1] >= '0' && text_[pos_ + 1] <= '9') {
      isFloat = true;
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    }
    if (pos_ < text_.size() && identStart(text_[pos_]))
      throw ExpressionError(pos_, "expected an operator after a number");
    std::string_view digits = text_.substr(b, pos_ - b);
    t.kind = Token::Kind::Number;
    t.text = std::string(digits);
    if (isFloat) {
      double d = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
      if (ec != std::errc{}) throw ExpressionError(b, "number out of range");
      t.value = Value(d);
    } else {
      std::int64_t i = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
      if (ec != std::errc{}) throw ExpressionError(b, "integer out of range (64-bit)");
      t.value = Value(i);
    }
    return t;
  }

  Token string(Token& t, char quote) {
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) throw ExpressionError(t.offset, "unterminated string");
      char c = text_[pos_++];
      if (c == quote) break;
      if (c == '\\') {
        if (pos_ >= text_.size()) throw ExpressionError(t.offset, "unterminated string");
        char e = text_[pos_++];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        continue;
      }
      out += c;
    }
    t.kind = Token::Kind::String;
    t.value = Value(std::move(out));
    return t;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Parser (precedence climbing): or < and < not < comparison/in < + - < * / % < unary - < primary

class Parser {
 public:
  Parser(std::string_view text, const ExpressionNames& names, std::set<std::string>& keys)
      : lexer_(text), names_(names), keys_(keys) {
    advance();
  }

  NodePtr parse() {
    NodePtr n = orExpr(0);
    if (tok_.kind != Token::Kind::End) throw ExpressionError(tok_.offset, "unexpected '" + tok_.text + "'");
    return n;
  }

 private:
  void advance() { tok_ = lexer_.next(); }
  bool isPunct(std::string_view p) const { return tok_.kind == Token::Kind::Punct && tok_.text == p; }
  bool isKeyword(std::string_view k) const { return tok_.kind == Token::Kind::Keyword && tok_.text == k; }
  void expectPunct(std::string_view p) {
    if (!isPunct(p)) {
      throw ExpressionError(tok_.offset, "expected '" + std::string(p) + "'" + found());
    }
    advance();
  }
  std::string found() const {
    return tok_.kind == Token::Kind::End ? " at the end of the expression" : " before '" + tok_.text + "'";
  }
  static void guard(int depth, std::size_t offset) {
    if (depth > kMaxDepth)
      throw ExpressionError(offset, "expression nested too deeply (limit " + std::to_string(kMaxDepth) + ")");
  }

  NodePtr binary(std::string op, std::size_t offset, NodePtr lhs, NodePtr rhs) {
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::Binary;
    n->name = std::move(op);
    n->offset = offset;
    n->children.push_back(std::move(lhs));
    n->children.push_back(std::move(rhs));
    return n;
  }

  NodePtr orExpr(int depth) {
    guard(depth, tok_.offset);
    NodePtr lhs = andExpr(depth + 1);
    while (isKeyword("or")) {
      std::size_t at = tok_.offset;
      advance();
      lhs = binary("or", at, std::move(lhs), andExpr(depth + 1));
    }
    return lhs;
  }

  NodePtr andExpr(int depth) {
    NodePtr lhs = notExpr(depth + 1);
    while (isKeyword("and")) {
      std::size_t at = tok_.offset;
      advance();
      lhs = binary("and", at, std::move(lhs), notExpr(depth + 1));
    }
    return lhs;
  }

  NodePtr notExpr(int depth) {
    guard(depth, tok_.offset);
    if (isKeyword("not")) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::Unary;
      n->name = "not";
      n->offset = tok_.offset;
      advance();
      n->children.push_back(notExpr(depth + 1));
      return n;
    }
    return comparison(depth + 1);
  }

  NodePtr comparison(int depth) {
    NodePtr lhs = additive(depth + 1);
    static constexpr std::string_view kOps[] = {"==", "!=", "<", "<=", ">", ">="};
    for (std::string_view op : kOps) {
      if (isPunct(op)) {
        std::size_t at = tok_.offset;
        advance();
        NodePtr rhs = additive(depth + 1);
        rejectChained(at);
        return binary(std::string(op), at, std::move(lhs), std::move(rhs));
      }
    }
    if (isKeyword("in")) {
      std::size_t at = tok_.offset;
      advance();
      NodePtr rhs = additive(depth + 1);
      rejectChained(at);
      return binary("in", at, std::move(lhs), std::move(rhs));
    }
    if (isKeyword("not")) {  // "x not in [...]"
      std::size_t at = tok_.offset;
      advance();
      if (!isKeyword("in")) throw ExpressionError(tok_.offset, "expected 'in' after 'not'" + found());
      advance();
      NodePtr rhs = additive(depth + 1);
      rejectChained(at);
      auto in = binary("in", at, std::move(lhs), std::move(rhs));
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::Unary;
      n->name = "not";
      n->offset = at;
      n->children.push_back(std::move(in));
      return n;
    }
    return lhs;
  }

  void rejectChained(std::size_t at) {
    static constexpr std::string_view kOps[] = {"==", "!=", "<", "<=", ">", ">="};
    for (std::string_view op : kOps) {
      if (isPunct(op)) throw ExpressionError(at, "comparisons cannot be chained; combine them with 'and'");
    }
    if (isKeyword("in")) throw ExpressionError(at, "comparisons cannot be chained; combine them with 'and'");
  }

  NodePtr additive(int depth) {
    guard(depth, tok_.offset);
    NodePtr lhs = multiplicative(depth + 1);
    while (isPunct("+") || isPunct("-")) {
      std::string op = tok_.text;
      std::size_t at = tok_.offset;
      advance();
      lhs = binary(op, at, std::move(lhs), multiplicative(depth + 1));
    }
    return lhs;
  }

  NodePtr multiplicative(int depth) {
    NodePtr lhs = unary(depth + 1);
    while (isPunct("*") || isPunct("/") || isPunct("%")) {
      std::string op = tok_.text;
      std::size_t at = tok_.offset;
      advance();
      lhs = binary(op, at, std::move(lhs), unary(depth + 1));
    }
    return lhs;
  }

  NodePtr unary(int depth) {
    guard(depth, tok_.offset);
    if (isPunct("-")) {
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::Unary;
      n->name = "-";
      n->offset = tok_.offset;
      advance();
      n->children.push_back(unary(depth + 1));
      return n;
    }
    return primary(depth + 1);
  }

  NodePtr primary(int depth) {
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
      case Token::Kind::Param: {
        if (names_.checkParam) {
          if (auto err = names_.checkParam(tok_.text)) throw ExpressionError(tok_.offset, *err);
        }
        n->kind = Node::Kind::Param;
        n->name = tok_.text;
        advance();
        return n;
      }
      case Token::Kind::Ident:
        return identifier(std::move(n), depth);
      case Token::Kind::Punct:
        if (isPunct("(")) {
          advance();
          NodePtr inner = orExpr(depth + 1);
          expectPunct(")");
          return inner;
        }
        if (isPunct("[")) {
          n->kind = Node::Kind::List;
          advance();
          if (!isPunct("]")) {
            while (true) {
              n->children.push_back(orExpr(depth + 1));
              if (isPunct("]")) break;
              expectPunct(",");
            }
          }
          advance();
          return n;
        }
        throw ExpressionError(tok_.offset, "unexpected '" + tok_.text + "'");
      case Token::Kind::End:
        throw ExpressionError(tok_.offset, "expected a value at the end of the expression");
    }
    throw ExpressionError(tok_.offset, "unexpected token");
  }

  NodePtr identifier(NodePtr n, int depth) {
    std::string name = tok_.text;
    std::size_t at = tok_.offset;
    advance();
    if (isPunct("(")) {
      const FunctionSpec* f = findFunction(name);
      if (f == nullptr) throw ExpressionError(at, "unknown function '" + name + "'");
      advance();
      n->kind = Node::Kind::Call;
      n->name = name;
      if (!isPunct(")")) {
        while (true) {
          n->children.push_back(orExpr(depth + 1));
          if (isPunct(")")) break;
          expectPunct(",");
        }
      }
      advance();
      const int argc = int(n->children.size());
      if (argc < f->minArgs || argc > f->maxArgs) {
        throw ExpressionError(at, name + "() takes " + std::to_string(f->minArgs) +
                                      (f->maxArgs != f->minArgs ? " to " + std::to_string(f->maxArgs) : "") +
                                      " argument" + (f->maxArgs == 1 ? "" : "s") + ", got " + std::to_string(argc));
      }
      if (f->keyArgument && n->children[0]->kind != Node::Kind::Key) {
        throw ExpressionError(n->children[0]->offset,
                              name + "() takes a configuration key, such as " + name + "(acks)");
      }
      if (name == "matches" && n->children[1]->kind == Node::Kind::Literal) {
        const Value& pattern = n->children[1]->literal;
        if (pattern.kind() != Value::Kind::String)
          throw ExpressionError(n->children[1]->offset, "matches() takes a string pattern");
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_max_mem(1 << 20);
        n->regex = std::make_shared<RE2>(pattern.asString(), opts);
        if (!n->regex->ok()) {
          throw ExpressionError(n->children[1]->offset, "invalid regular expression: " + n->regex->error());
        }
      }
      return n;
    }
    if (names_.checkKey) {
      if (auto err = names_.checkKey(name)) throw ExpressionError(at, *err);
    }
    keys_.insert(name);
    n->kind = Node::Kind::Key;
    n->name = std::move(name);
    return n;
  }

  Lexer lexer_;
  const ExpressionNames& names_;
  std::set<std::string>& keys_;
  Token tok_;
};

// ---------------------------------------------------------------------------------------------
// Evaluation

using Kind = Value::Kind;

bool indeterminate(const Value& v) { return v.isNull() || v.isUnknown(); }

std::optional<double> asNumber(const Value& v) {
  if (v.isNumber()) return v.asDouble();
  if (v.kind() == Kind::String) {
    const std::string& s = v.asString();
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (!s.empty() && ec == std::errc{} && ptr == s.data() + s.size()) return d;
  }
  return std::nullopt;
}

bool equalValues(const Value& a, const Value& b) {
  if (a.isNull() || b.isNull()) return a.isNull() && b.isNull();
  if (a.kind() == b.kind()) {
    if (a.kind() == Kind::List) {
      const auto& x = a.asList();
      const auto& y = b.asList();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equalValues(x[i], y[i])) return false;
      }
      return true;
    }
    if (a.kind() == Kind::Int) return a.asInt() == b.asInt();
    return a == b;
  }
  if ((a.isNumber() || a.kind() == Kind::String) && (b.isNumber() || b.kind() == Kind::String)) {
    auto x = asNumber(a);
    auto y = asNumber(b);
    return x && y && *x == *y;
  }
  if (a.kind() == Kind::Bool && b.kind() == Kind::String)
    return equalsIgnoreCase(b.asString(), a.asBool() ? "true" : "false");
  if (b.kind() == Kind::Bool && a.kind() == Kind::String) return equalValues(b, a);
  return false;
}

Value arithmetic(const std::string& op, const Value& a, const Value& b) {
  if (a.isUnknown()) return a;
  if (b.isUnknown()) return b;
  if (a.isNull() || b.isNull()) return Value::null();
  auto x = asNumber(a);
  auto y = asNumber(b);
  // "+" with text that is not a number joins the two, for messages: min.insync.replicas + " copies".
  if (op == "+" && ((a.kind() == Kind::String && !x) || (b.kind() == Kind::String && !y)))
    return Value(a.str() + b.str());
  if (!x || !y) {
    throw EvaluationError("'" + op + "' needs numbers, got " + kindName(a.kind()) + " and " + kindName(b.kind()));
  }
  const bool ints = (a.kind() == Kind::Int || (a.kind() == Kind::String && *x == std::floor(*x))) &&
                    (b.kind() == Kind::Int || (b.kind() == Kind::String && *y == std::floor(*y))) &&
                    std::fabs(*x) < 9e18 && std::fabs(*y) < 9e18;
  if (ints) {
    const std::int64_t i = std::int64_t(*x);
    const std::int64_t j = std::int64_t(*y);
    std::int64_t r = 0;
    if (op == "+" && !__builtin_add_overflow(i, j, &r)) return Value(r);
    if (op == "-" && !__builtin_sub_overflow(i, j, &r)) return Value(r);
    if (op == "*" && !__builtin_mul_overflow(i, j, &r)) return Value(r);
    if (op == "/" || op == "%") {
      if (j == 0) throw EvaluationError("division by zero");
      if (op == "%") return Value(j == -1 ? std::int64_t{0} : i % j);
      if (j != -1 && i % j == 0) return Value(i / j);
    }
  }
  if (op == "+") return Value(*x + *y);
  if (op == "-") return Value(*x - *y);
  if (op == "*") return Value(*x * *y);
  if (*y == 0) throw EvaluationError("division by zero");
  if (op == "/") return Value(*x / *y);
  return Value(std::fmod(*x, *y));
}

Value compare(const std::string& op, const Value& a, const Value& b) {
  if (a.isUnknown()) return a;
  if (b.isUnknown()) return b;
  if (op == "==") return Value(equalValues(a, b));
  if (op == "!=") return Value(!equalValues(a, b));
  if (a.isNull() || b.isNull()) return Value::null();
  auto x = asNumber(a);
  auto y = asNumber(b);
  if (!x || !y) {
    throw EvaluationError("'" + op + "' needs numbers, got " + kindName(a.kind()) + " and " + kindName(b.kind()));
  }
  if (op == "<") return Value(*x < *y);
  if (op == "<=") return Value(*x <= *y);
  if (op == ">") return Value(*x > *y);
  return Value(*x >= *y);
}

Value logical(bool isAnd, const Value& a, const std::function<Value()>& rhs) {
  auto check = [](const Value& v) {
    if (!indeterminate(v) && v.kind() != Kind::Bool) {
      throw EvaluationError(std::string("'and'/'or' need booleans, got ") + kindName(v.kind()));
    }
  };
  check(a);
  if (a.kind() == Kind::Bool && a.asBool() != isAnd) return a;  // false and ..., true or ...
  Value b = rhs();
  check(b);
  if (b.kind() == Kind::Bool && b.asBool() != isAnd) return b;
  if (a.kind() == Kind::Bool && b.kind() == Kind::Bool) return Value(isAnd);
  if (a.isUnknown()) return a;
  if (b.isUnknown()) return b;
  return Value::null();
}

class Evaluator {
 public:
  explicit Evaluator(Expression::Context& ctx) : ctx_(ctx) {}

  Value eval(const Node& n) {
    switch (n.kind) {
      case Node::Kind::Literal:
        return n.literal;
      case Node::Kind::Key: {
        const EffectiveValue& ev = ctx_.view.get(n.name);
        if (ev.value.isUnknown()) ctx_.unknownKeys.insert(n.name);
        return ev.value;
      }
      case Node::Kind::Param: {
        auto it = ctx_.params.find(n.name);
        if (it == ctx_.params.end()) throw EvaluationError("parameter $" + n.name + " has no value");
        return it->second;
      }
      case Node::Kind::List: {
        Value::List items;
        for (const auto& c : n.children) items.push_back(eval(*c));
        return Value(std::move(items));
      }
      case Node::Kind::Unary: {
        Value v = eval(*n.children[0]);
        if (indeterminate(v)) return v;
        if (n.name == "not") {
          if (v.kind() != Kind::Bool)
            throw EvaluationError(std::string("'not' needs a boolean, got ") + kindName(v.kind()));
          return Value(!v.asBool());
        }
        if (v.kind() == Kind::Int && v.asInt() != std::numeric_limits<std::int64_t>::min()) return Value(-v.asInt());
        if (v.isNumber()) return Value(-v.asDouble());
        throw EvaluationError(std::string("'-' needs a number, got ") + kindName(v.kind()));
      }
      case Node::Kind::Binary:
        return binary(n);
      case Node::Kind::Call:
        return call(n);
    }
    return Value::null();
  }

 private:
  Value binary(const Node& n) {
    const std::string& op = n.name;
    if (op == "and" || op == "or") {
      Value a = eval(*n.children[0]);
      return logical(op == "and", a, [&] { return eval(*n.children[1]); });
    }
    Value a = eval(*n.children[0]);
    Value b = eval(*n.children[1]);
    if (op == "in") {
      if (a.isUnknown()) return a;
      if (b.isUnknown()) return b;
      if (b.isNull()) return Value::null();
      if (b.kind() == Kind::List) {
        for (const Value& item : b.asList()) {
          if (item.isUnknown()) return item;
          if (equalValues(a, item)) return Value(true);
        }
        return Value(false);
      }
      throw EvaluationError(std::string("'in' needs a list on its right, got ") + kindName(b.kind()));
    }
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") return arithmetic(op, a, b);
    return compare(op, a, b);
  }

  const EffectiveValue& keyArg(const Node& n) { return ctx_.view.get(n.children[0]->name); }

  Value call(const Node& n) {
    const std::string& f = n.name;
    if (f == "defined") {
      const EffectiveValue& ev = keyArg(n);
      return Value(!ev.value.isNull());
    }
    if (f == "explicit") {
      const EffectiveValue& ev = keyArg(n);
      return Value(ev.provenance.kind == ProvenanceKind::Explicit ||
                   ev.provenance.kind == ProvenanceKind::TopicOverride ||
                   ev.provenance.kind == ProvenanceKind::ClusterMetadata);
    }
    if (f == "exists") return Value(keyArg(n).exists);
    if (f == "source") return Value(describeProvenance(keyArg(n).provenance, ctx_.files));
    if (f == "origin") {
      const Provenance& p = keyArg(n).provenance;
      if (p.kind == ProvenanceKind::Explicit || p.kind == ProvenanceKind::TopicOverride) return Value("");
      return Value(" (" + describeProvenance(p, ctx_.files) + ")");
    }
    if (f == "if") {
      Value cond = eval(*n.children[0]);
      if (cond.isUnknown()) return cond;
      if (!cond.isNull() && cond.kind() != Kind::Bool) throw EvaluationError("if() needs a boolean condition");
      return eval(*n.children[cond.kind() == Kind::Bool && cond.asBool() ? 1 : 2]);
    }
    if (f == "name") return Value(keyArg(n).name);
    if (f == "dialect") return Value(std::string(ctx_.view.dialect().id()));
    if (f == "dialect_label") return Value(ctx_.view.dialect().label());
    if (f == "entity") return Value(ctx_.view.entity().name);
    if (f == "topic") {
      EntityView* topic = ctx_.view.relatedTopic();
      return topic != nullptr ? Value(topic->entity().name) : Value::null();
    }
    if (f == "kafka_version") return Value(ctx_.view.kafkaVersion().str());
    std::vector<Value> args;
    for (const auto& c : n.children) args.push_back(eval(*c));
    for (const Value& a : args) {
      if (a.isUnknown()) return a;
    }
    if (f == "version_at_least") {
      if (args[0].kind() != Kind::String) throw EvaluationError("version_at_least() takes a version string");
      auto v = KafkaVersion::parse(args[0].asString());
      if (!v) throw EvaluationError("version_at_least(): not a version: " + args[0].asString());
      return Value(ctx_.view.kafkaVersion() >= *v);
    }
    for (const Value& a : args) {
      if (a.isNull()) return Value::null();
    }
    if (f == "min" || f == "max") {
      Value lt = compare("<", args[0], args[1]);
      const bool firstSmaller = lt.asBool();
      return (f == "min") == firstSmaller ? args[0] : args[1];
    }
    if (f == "len") {
      if (args[0].kind() == Kind::List) return Value(std::int64_t(args[0].asList().size()));
      if (args[0].kind() == Kind::String) return Value(std::int64_t(codePoints(args[0].asString())));
      throw EvaluationError("len() takes a list or a string");
    }
    if (f == "lower") {
      if (args[0].kind() != Kind::String) throw EvaluationError("lower() takes a string");
      return Value(toLower(args[0].asString()));
    }
    if (f == "contains") {
      if (args[0].kind() == Kind::List) {
        for (const Value& item : args[0].asList()) {
          if (equalValues(item, args[1])) return Value(true);
        }
        return Value(false);
      }
      if (args[0].kind() == Kind::String && args[1].kind() == Kind::String) {
        return Value(args[0].asString().find(args[1].asString()) != std::string::npos);
      }
      throw EvaluationError("contains() takes a list or a string");
    }
    if (f == "starts_with") {
      if (args[0].kind() != Kind::String || args[1].kind() != Kind::String)
        throw EvaluationError("starts_with() takes strings");
      return Value(startsWith(args[0].asString(), args[1].asString()));
    }
    if (f == "matches") {
      if (args[0].kind() != Kind::String || args[1].kind() != Kind::String)
        throw EvaluationError("matches() takes strings");
      if (n.regex) return Value(RE2::FullMatch(args[0].asString(), *n.regex));
      RE2::Options opts;
      opts.set_log_errors(false);
      opts.set_max_mem(1 << 20);
      RE2 re(args[1].asString(), opts);
      if (!re.ok()) throw EvaluationError("matches(): invalid regular expression: " + re.error());
      return Value(RE2::FullMatch(args[0].asString(), re));
    }
    throw EvaluationError("unknown function " + f);
  }

  Expression::Context& ctx_;
};

bool nodeReadsSecret(const Node& n) {
  if (n.kind == Node::Kind::Key) return isSecretKey(n.name);
  if (n.kind == Node::Kind::Call && findFunction(n.name)->keyArgument) {
    return false;  // defined()/explicit()/exists() reveal nothing about the value
  }
  return std::any_of(n.children.begin(), n.children.end(), [](const NodePtr& c) { return nodeReadsSecret(*c); });
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
  if (root_ && root_->kind == Node::Kind::Key) return root_->name;
  return std::nullopt;
}

Value Expression::evaluate(Context& context) const {
  Evaluator ev(context);
  return ev.eval(*root_);
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

MessageTemplate MessageTemplate::compile(std::string_view text, const ExpressionNames& names) {
  MessageTemplate t;
  t.text_ = std::string(text);
  std::string literal;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      i += 2;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      i += 2;
    } else if (c == '}') {
      throw ExpressionError(i, "unmatched '}' (write '}}' for a literal brace)");
    } else if (c == '{') {
      std::size_t close = text.find('}', i + 1);
      if (close == std::string_view::npos)
        throw ExpressionError(i, "unterminated '{' (write '{{' for a literal brace)");
      Part part;
      part.literal = std::move(literal);
      literal.clear();
      try {
        part.expression = Expression::compile(text.substr(i + 1, close - i - 1), names);
      } catch (const ExpressionError& e) {
        throw ExpressionError(i + 1 + e.offset(), e.what());
      }
      t.parts_.push_back(std::move(part));
      i = close + 1;
    } else {
      literal += c;
      ++i;
    }
  }
  if (!literal.empty()) t.parts_.push_back({std::move(literal), std::nullopt});
  return t;
}

std::string MessageTemplate::render(Expression::Context& context) const {
  std::string out;
  for (const Part& p : parts_) {
    out += p.literal;
    if (p.expression) out += p.expression->render(context);
  }
  return out;
}

}  // namespace kafkalint
