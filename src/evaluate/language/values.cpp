#include "language/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "kafkalint/text.hpp"
#include "language/expression.hpp"

namespace kafkalint {

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

namespace {

[[noreturn]] void needsNumbers(const std::string& op, const Value& a, const Value& b) {
  throw EvaluationError("'" + op + "' needs numbers, got " + kindName(a.kind()) + " and " + kindName(b.kind()));
}

bool integral(const Value& v, double number) {
  return (v.kind() == Kind::Int || (v.kind() == Kind::String && number == std::floor(number))) &&
         std::fabs(number) < 9e18;
}

// Exact integer arithmetic, or nullopt when the result is not an exact integer (overflow, a
// fraction): the caller then computes in doubles.
std::optional<Value> integerArithmetic(const std::string& op, std::int64_t i, std::int64_t j) {
  std::int64_t r = 0;
  if (op == "+" && !__builtin_add_overflow(i, j, &r)) return Value(r);
  if (op == "-" && !__builtin_sub_overflow(i, j, &r)) return Value(r);
  if (op == "*" && !__builtin_mul_overflow(i, j, &r)) return Value(r);
  if (op == "/" || op == "%") {
    if (j == 0) throw EvaluationError("division by zero");
    if (op == "%") return Value(j == -1 ? std::int64_t{0} : i % j);
    if (j != -1 && i % j == 0) return Value(i / j);
  }
  return std::nullopt;
}

}  // namespace

Value arithmetic(const std::string& op, const Value& a, const Value& b) {
  if (a.isUnknown()) return a;
  if (b.isUnknown()) return b;
  if (a.isNull() || b.isNull()) return Value::null();
  auto x = asNumber(a);
  auto y = asNumber(b);
  // "+" with text that is not a number joins the two, for messages: min.insync.replicas + " copies".
  if (op == "+" && ((a.kind() == Kind::String && !x) || (b.kind() == Kind::String && !y)))
    return Value(a.str() + b.str());
  if (!x || !y) needsNumbers(op, a, b);
  if (integral(a, *x) && integral(b, *y)) {
    if (auto exact = integerArithmetic(op, std::int64_t(*x), std::int64_t(*y))) return *exact;
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
  if (!x || !y) needsNumbers(op, a, b);
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

Value membership(const Value& a, const Value& list) {
  if (a.isUnknown()) return a;
  if (list.isUnknown()) return list;
  if (list.isNull()) return Value::null();
  if (list.kind() != Kind::List) {
    throw EvaluationError(std::string("'in' needs a list on its right, got ") + kindName(list.kind()));
  }
  for (const Value& item : list.asList()) {
    if (item.isUnknown()) return item;
    if (equalValues(a, item)) return Value(true);
  }
  return Value(false);
}

Value negation(const std::string& op, const Value& v) {
  if (indeterminate(v)) return v;
  if (op == "not") {
    if (v.kind() != Kind::Bool) throw EvaluationError(std::string("'not' needs a boolean, got ") + kindName(v.kind()));
    return Value(!v.asBool());
  }
  if (v.kind() == Kind::Int && v.asInt() != std::numeric_limits<std::int64_t>::min()) return Value(-v.asInt());
  if (v.isNumber()) return Value(-v.asDouble());
  throw EvaluationError(std::string("'-' needs a number, got ") + kindName(v.kind()));
}

}  // namespace kafkalint
