// What the rule language's operators do with values: equality across types (text that is a
// number compares as a number), arithmetic, ordering and three-valued logic. Null and unknown
// values propagate; an operation that makes no sense throws EvaluationError.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "kafkalint/value.hpp"

namespace kafkalint {

// Null or unknown: nothing to compute with.
bool indeterminate(const Value& v);
// A number, or text that is one.
std::optional<double> asNumber(const Value& v);
bool equalValues(const Value& a, const Value& b);
// + - * / %; "+" joins text that is not a number.
Value arithmetic(const std::string& op, const Value& a, const Value& b);
// == != < <= > >=
Value compare(const std::string& op, const Value& a, const Value& b);
// and / or: the right side is evaluated only when the left does not decide.
Value logical(bool isAnd, const Value& a, const std::function<Value()>& rhs);
// `a in list`
Value membership(const Value& a, const Value& list);
// not, unary minus
Value negation(const std::string& op, const Value& v);

}  // namespace kafkalint
