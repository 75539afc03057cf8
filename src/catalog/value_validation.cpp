// Checking a written value against a key's type and valid values, as Kafka's ConfigDef parses
// and validates it (Java's number parsers, enum lists, ranges).
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "kafkalint/catalog.hpp"
#include "kafkalint/catalog_data.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

using namespace catalog_data;

namespace {

// Java's Integer/Short/Long.parseLong: optional sign, decimal digits, nothing else.
bool parseJavaInteger(std::string_view s, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size() && out >= lo && out <= hi;
}

bool parseJavaDouble(std::string_view s, double& out) {
  if (s.empty()) return false;
  std::string tmp(s);
  if (!tmp.empty() && std::string_view("dDfF").find(tmp.back()) != std::string_view::npos) tmp.pop_back();
  if (tmp.empty() || tmp.find_first_of("xXpP") != std::string::npos) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size() && errno != ERANGE;
}

bool enumContains(std::string_view values, std::string_view v, bool caseInsensitive) {
  for (std::string_view item : splitView(values, '|')) {
    if (item.size() >= 2 && item.substr(item.size() - 2) == ":*") {
      if (v.substr(0, item.size() - 1) == item.substr(0, item.size() - 1)) return true;
      continue;
    }
    if (caseInsensitive ? equalsIgnoreCase(item, v) : item == v) return true;
  }
  return false;
}

std::string enumList(std::string_view values) {
  std::string out;
  for (std::string_view item : splitView(values, '|')) {
    if (!out.empty()) out += ", ";
    if (item.size() >= 2 && item.substr(item.size() - 2) == ":*") {
      out += std::string(item.substr(0, item.size() - 1)) + "<duration>";
    } else {
      out += item;
    }
  }
  return out;
}

std::string number(double d) {
  if (d == std::floor(d) && std::fabs(d) < 9.3e18) return std::to_string(static_cast<long long>(d));
  return trimDouble(d);
}

std::optional<std::string> checkRange(const KeyHistory& h, double v, std::string_view text) {
  if (!h.alsoAllowed.empty() && text == h.alsoAllowed) return std::nullopt;
  bool low = h.hasMin && v < h.min;
  bool high = h.hasMax && v > h.max;
  if (!low && !high) return std::nullopt;
  std::string msg =
      h.hasMax ? "must be between " + number(h.min) + " and " + number(h.max) : "must be at least " + number(h.min);
  if (!h.alsoAllowed.empty()) msg += " (or " + std::string(h.alsoAllowed) + ")";
  return msg;
}

}  // namespace

std::optional<std::string> validateValue(const KeySpec& spec, std::string_view raw) {
  // Kafka's ConfigDef trims values before parsing them.
  const std::string_view text = trimView(raw);
  const KeyHistory& h = *spec.history;
  double numeric = 0;
  bool isNumeric = false;
  switch (spec.type) {
    case Type::Boolean:
      if (!equalsIgnoreCase(text, "true") && !equalsIgnoreCase(text, "false")) {
        return std::string("expected true or false");
      }
      break;
    case Type::Short:
    case Type::Int:
    case Type::Long: {
      std::int64_t lo = std::numeric_limits<std::int64_t>::min();
      std::int64_t hi = std::numeric_limits<std::int64_t>::max();
      const char* what = "a 64-bit integer (long)";
      if (spec.type == Type::Int) {
        lo = std::numeric_limits<std::int32_t>::min();
        hi = std::numeric_limits<std::int32_t>::max();
        what = "a 32-bit integer (int)";
      } else if (spec.type == Type::Short) {
        lo = std::numeric_limits<std::int16_t>::min();
        hi = std::numeric_limits<std::int16_t>::max();
        what = "a 16-bit integer (short)";
      }
      std::int64_t v = 0;
      if (!parseJavaInteger(text, lo, hi, v)) return "expected " + std::string(what);
      numeric = double(v);
      isNumeric = true;
      break;
    }
    case Type::Double:
      if (!parseJavaDouble(text, numeric)) return std::string("expected a number (double)");
      isNumeric = true;
      break;
    case Type::List:
      if (h.validKind == ValidKind::Enum || h.validKind == ValidKind::EnumCaseInsensitive) {
        if (text.empty()) break;
        for (std::string_view item : splitView(text, ',')) {
          item = trimView(item);
          if (!enumContains(h.enumValues, item, h.validKind == ValidKind::EnumCaseInsensitive)) {
            return "each element must be one of: " + enumList(h.enumValues) + " (got '" + std::string(item) + "')";
          }
        }
        return std::nullopt;
      }
      break;
    case Type::String:
    case Type::Class:
    case Type::Password:
      break;
  }
  switch (h.validKind) {
    case ValidKind::Any:
      break;
    case ValidKind::Range:
      if (isNumeric) return checkRange(h, numeric, text);
      break;
    case ValidKind::Enum:
    case ValidKind::EnumCaseInsensitive:
      if (!enumContains(h.enumValues, text, h.validKind == ValidKind::EnumCaseInsensitive)) {
        return "must be one of: " + enumList(h.enumValues);
      }
      break;
    case ValidKind::NonEmpty:
      if (text.empty()) return std::string("must not be empty");
      break;
  }
  return std::nullopt;
}

}  // namespace kafkalint
