#include "kafkalint/typed_value.hpp"

#include <charconv>
#include <cstdlib>

#include "kafkalint/text.hpp"

namespace kafkalint {

std::optional<std::string> placeholderReason(std::string_view text) {
  if (auto open = text.find("{{"); open != std::string_view::npos && text.find("}}", open) != std::string_view::npos) {
    return std::string("a template placeholder (") + std::string(text) + ")";
  }
  if (auto open = text.find("{%"); open != std::string_view::npos && text.find("%}", open) != std::string_view::npos) {
    return std::string("a template directive");
  }
  if (auto open = text.find("${"); open != std::string_view::npos) {
    auto close = text.find('}', open);
    if (close != std::string_view::npos) {
      std::string_view inner = text.substr(open + 2, close - open - 2);
      // Kafka config providers (KIP-297): ${provider:[path:]key}
      auto colon = inner.find(':');
      if (colon != std::string_view::npos && colon > 0 &&
          inner.substr(0, colon).find_first_not_of(
              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") == std::string_view::npos &&
          inner.substr(0, colon) != "env" && inner.find(":-") == std::string_view::npos) {
        return "a config provider reference resolved at run time (" + std::string(text.substr(open, close - open + 1)) +
               ")";
      }
      return "a placeholder (" + std::string(text.substr(open, close - open + 1)) + ")";
    }
  }
  return std::nullopt;
}

Value typedValue(ConfigType type, std::string_view raw) {
  const std::string_view text = trimView(raw);
  switch (type) {
    case ConfigType::Boolean:
      if (equalsIgnoreCase(text, "true")) return Value(true);
      if (equalsIgnoreCase(text, "false")) return Value(false);
      return Value::unknown("not a boolean");
    case ConfigType::Int:
    case ConfigType::Short:
    case ConfigType::Long: {
      std::string_view digits = text;
      if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
      std::int64_t v = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size()) {
        return Value::unknown("not an integer");
      }
      return Value(v);
    }
    case ConfigType::Double: {
      std::string tmp(text);
      char* end = nullptr;
      double d = std::strtod(tmp.c_str(), &end);
      if (tmp.empty() || end != tmp.c_str() + tmp.size()) return Value::unknown("not a number");
      return Value(d);
    }
    case ConfigType::List: {
      Value::List items;
      if (!text.empty()) {
        for (std::string_view item : splitView(text, ',')) items.emplace_back(std::string(trimView(item)));
      }
      return Value(std::move(items));
    }
    case ConfigType::String:
    case ConfigType::Class:
    case ConfigType::Password:
      return Value(std::string(text));
  }
  return Value::unknown("unsupported type");
}

}  // namespace kafkalint
