// The rule condition language: a small, side-effect-free expression language over effective
// configuration values. Documented in docs/rule-language.md; the lexer, parser, evaluator and the
// function table (functions.cpp) are beside this file.
//
//   min.insync.replicas >= $min_insync_replicas
//   not explicit(enable.idempotence) or enable.idempotence
//   acks in ["all"] and (retries > 0 or not defined(retries))
//
// Bare dotted names are configuration keys of the entity being checked (Kafka's Java names),
// `$name` is a rule parameter, and functions are listed in docs/rule-language.md.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/value.hpp"

namespace kafkalint {

class EntityView;
class SourceFiles;

struct ExpressionNode;

// An error in the text of an expression, at a byte offset into it.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(std::size_t offset, const std::string& what) : std::runtime_error(what), offset_(offset) {}
  [[nodiscard]] std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// An error while evaluating (dividing by zero, comparing a string with a list...).
class EvaluationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks names while compiling: returns an explanation when the key or parameter is not acceptable.
struct ExpressionNames {
  std::function<std::optional<std::string>(std::string_view key)> checkKey;
  std::function<std::optional<std::string>(std::string_view param)> checkParam;
};

class Expression {
 public:
  // Throws ExpressionError.
  static Expression compile(std::string_view text, const ExpressionNames& names);

  Expression();
  ~Expression();
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] bool empty() const { return root_ == nullptr; }
  // Keys the expression reads (for "which keys does this rule involve").
  [[nodiscard]] const std::set<std::string>& keys() const { return keys_; }
  // The expression is a bare key reference (templates print such values as written).
  [[nodiscard]] std::optional<std::string> bareKey() const;
  // The expression reads the value of a secret key (its result must not be printed).
  [[nodiscard]] bool readsSecret() const { return readsSecret_; }

  struct Context {
    EntityView& view;
    const std::map<std::string, Value, std::less<>>& params;
    const SourceFiles& files;
    std::set<std::string> unknownKeys;  // keys with Unknown values that were read
  };
  // Throws EvaluationError.
  Value evaluate(Context& context) const;
  // For message templates: like evaluate, but a bare key prints as written, provenance and
  // names are text, and secrets are redacted.
  std::string render(Context& context) const;

 private:
  std::string text_;
  std::unique_ptr<ExpressionNode> root_;
  std::set<std::string> keys_;
  bool readsSecret_ = false;
};

// A message template: text with {expression} holes; "{{" and "}}" are literal braces.
class MessageTemplate {
 public:
  // Throws ExpressionError (offset into `text`).
  static MessageTemplate compile(std::string_view text, const ExpressionNames& names);
  [[nodiscard]] std::string render(Expression::Context& context) const;
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::string text_;
  struct Part {
    std::string literal;
    std::optional<Expression> expression;
  };
  std::vector<Part> parts_;
};

}  // namespace kafkalint
