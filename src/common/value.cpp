#include "kafkalint/value.hpp"

#include <cmath>
#include <cstdio>

namespace kafkalint {

std::string Value::str() const {
  switch (kind()) {
    case Kind::Null:
      return "null";
    case Kind::Unknown:
      return "?";
    case Kind::Bool:
      return asBool() ? "true" : "false";
    case Kind::Int:
      return std::to_string(asInt());
    case Kind::Double: {
      double d = asDouble();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
        return std::to_string(static_cast<long long>(d));
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", d);
      return buf;
    }
    case Kind::String:
      return asString();
    case Kind::List: {
      std::string out;
      for (const auto& v : asList()) {
        if (!out.empty()) out += ",";
        out += v.str();
      }
      return out;
    }
  }
  return {};
}

const char* kindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Unknown:
      return "unknown";
    case Value::Kind::Bool:
      return "boolean";
    case Value::Kind::Int:
      return "integer";
    case Value::Kind::Double:
      return "number";
    case Value::Kind::String:
      return "string";
    case Value::Kind::List:
      return "list";
  }
  return "?";
}

}  // namespace kafkalint
