// The rule language's grammar, by precedence climbing:
//   or < and < not < comparison / in < + - < * / % < unary - < primary
// Comparisons do not chain. Keys and parameters are checked as they are met, function calls
// against their row in the function table.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "language/expression.hpp"
#include "language/lexer.hpp"
#include "language/node.hpp"

namespace kafkalint {

class Parser {
 public:
  // `keys` collects the keys the expression reads.
  Parser(std::string_view text, const ExpressionNames& names, std::set<std::string>& keys);

  // The whole text as one expression. Throws ExpressionError.
  ExpressionNodePtr parse();

 private:
  void advance() { tok_ = lexer_.next(); }
  [[nodiscard]] bool isPunct(std::string_view p) const;
  [[nodiscard]] bool isKeyword(std::string_view k) const;
  [[nodiscard]] bool isComparison() const;
  void expectPunct(std::string_view p);
  [[nodiscard]] std::string found() const;

  ExpressionNodePtr orExpr(int depth);
  ExpressionNodePtr andExpr(int depth);
  ExpressionNodePtr notExpr(int depth);
  ExpressionNodePtr comparison(int depth);
  ExpressionNodePtr compared(std::string op, std::size_t at, ExpressionNodePtr lhs, int depth);
  void rejectChained(std::size_t at) const;
  ExpressionNodePtr additive(int depth);
  ExpressionNodePtr multiplicative(int depth);
  ExpressionNodePtr unary(int depth);
  ExpressionNodePtr primary(int depth);
  ExpressionNodePtr bracketed(ExpressionNodePtr n, int depth);
  ExpressionNodePtr identifier(ExpressionNodePtr n, int depth);
  ExpressionNodePtr call(ExpressionNodePtr n, std::string name, std::size_t at, int depth);
  // Comma-separated expressions up to `close`, which is consumed.
  void items(ExpressionNode& n, std::string_view close, int depth);

  Lexer lexer_;
  const ExpressionNames& names_;
  std::set<std::string>& keys_;
  Token tok_;
};

}  // namespace kafkalint
