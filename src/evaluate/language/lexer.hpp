// The rule language's tokens: numbers, strings, keys and function names, $parameters, keywords
// and punctuation. Errors carry the byte offset into the expression.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kafkalint/value.hpp"

namespace kafkalint {

struct Token {
  enum class Kind { End, Number, String, Ident, Param, Keyword, Punct } kind = Kind::End;
  std::string text;
  Value value;  // Number and String: the literal
  std::size_t offset = 0;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // Throws ExpressionError.
  Token next();

 private:
  Token param(Token& t);
  Token identifier(Token& t);
  Token number(Token& t);
  Token string(Token& t, char quote);

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace kafkalint
