#include "language/lexer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>

#include "language/expression.hpp"

namespace kafkalint {

namespace {

bool identStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool identChar(char c) { return identStart(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Token Lexer::next() {
  while (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) <= 0x20) ++pos_;
  Token t;
  t.offset = pos_;
  if (pos_ >= text_.size()) return t;
  const char c = text_[pos_];
  if (digit(c)) return number(t);
  if (c == '"' || c == '\'') return string(t, c);
  if (c == '$') return param(t);
  if (identStart(c)) return identifier(t);
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

Token Lexer::param(Token& t) {
  ++pos_;
  if (pos_ >= text_.size() || !identStart(text_[pos_]))
    throw ExpressionError(t.offset, "expected a parameter name after '$'");
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && identChar(text_[pos_])) ++pos_;
  t.kind = Token::Kind::Param;
  t.text = std::string(text_.substr(begin, pos_ - begin));
  return t;
}

// Keys are dotted (min.insync.replicas), and `target:key` names a related entity's key.
Token Lexer::identifier(Token& t) {
  const std::size_t begin = pos_;
  while (pos_ < text_.size()) {
    if (identChar(text_[pos_])) {
      ++pos_;
    } else if ((text_[pos_] == '.' || text_[pos_] == ':') && pos_ + 1 < text_.size() && identChar(text_[pos_ + 1])) {
      ++pos_;
    } else {
      break;
    }
  }
  t.text = std::string(text_.substr(begin, pos_ - begin));
  static constexpr std::string_view kKeywords[] = {"and", "or", "not", "in", "true", "false", "null"};
  t.kind = std::find(std::begin(kKeywords), std::end(kKeywords), t.text) != std::end(kKeywords) ? Token::Kind::Keyword
                                                                                                : Token::Kind::Ident;
  return t;
}

Token Lexer::number(Token& t) {
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
  bool isFloat = false;
  if (pos_ + 1 < text_.size() && text_[pos_] == '.' && digit(text_[pos_ + 1])) {
    isFloat = true;
    ++pos_;
    while (pos_ < text_.size() && digit(text_[pos_])) ++pos_;
  }
  if (pos_ < text_.size() && identStart(text_[pos_]))
    throw ExpressionError(pos_, "expected an operator after a number");
  const std::string_view digits = text_.substr(begin, pos_ - begin);
  t.kind = Token::Kind::Number;
  t.text = std::string(digits);
  if (isFloat) {
    double d = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
    if (ec != std::errc{}) throw ExpressionError(begin, "number out of range");
    t.value = Value(d);
  } else {
    std::int64_t i = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
    if (ec != std::errc{}) throw ExpressionError(begin, "integer out of range (64-bit)");
    t.value = Value(i);
  }
  return t;
}

Token Lexer::string(Token& t, char quote) {
  ++pos_;
  std::string out;
  while (true) {
    if (pos_ >= text_.size()) throw ExpressionError(t.offset, "unterminated string");
    const char c = text_[pos_++];
    if (c == quote) break;
    if (c == '\\') {
      if (pos_ >= text_.size()) throw ExpressionError(t.offset, "unterminated string");
      const char e = text_[pos_++];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      continue;
    }
    out += c;
  }
  t.kind = Token::Kind::String;
  t.value = Value(std::move(out));
  return t;
}

}  // namespace kafkalint
