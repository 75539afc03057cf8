// Message templates: literal text with {expression} holes; "{{" and "}}" are literal braces.
#include "language/expression.hpp"

namespace kafkalint {

MessageTemplate MessageTemplate::compile(std::string_view text, const ExpressionNames& names) {
  MessageTemplate t;
  t.text_ = std::string(text);
  std::string literal;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      i += 2;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      i += 2;
    } else if (c == '}') {
      throw ExpressionError(i, "unmatched '}' (write '}}' for a literal brace)");
    } else if (c == '{') {
      const std::size_t close = text.find('}', i + 1);
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
