#include "kafkalint/value.hpp"

#include <charconv>
#include <cmath>

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
      // printf's %g, without its locale.
      char buf[64];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 6);
      return ec == std::errc{} ? std::string(buf, end) : std::to_string(d);
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
