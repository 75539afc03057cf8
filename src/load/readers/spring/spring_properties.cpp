#include "readers/spring/spring_properties.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

// The leading digits of `t` as a number, or nullopt when there are none (or too many).
std::optional<long long> leadingNumber(const std::string& t, std::size_t& digits) {
  digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits == 0 || digits > 12) return std::nullopt;
  return std::stoll(t.substr(0, digits));
}

}  // namespace

void flatten(const TreeNode& node, const std::string& prefix, const TreeNode* keyNode, std::vector<FlatEntry>& out) {
  if (node.isMap()) {
    for (const auto& [k, v] : node.entries) {
      if (!k.isScalar()) continue;
      std::string path =
          prefix.empty() ? k.scalar : (startsWith(k.scalar, "[") ? prefix + k.scalar : prefix + "." + k.scalar);
      flatten(v, path, &k, out);
    }
    return;
  }
  if (keyNode == nullptr) return;
  if (node.isSeq()) {
    const bool scalars =
        std::all_of(node.items.begin(), node.items.end(), [](const TreeNode& i) { return i.isScalar(); });
    if (scalars) {
      out.push_back({prefix, keyNode, &node});
      return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      flatten(node.items[i], prefix + "[" + std::to_string(i) + "]", keyNode, out);
    }
    return;
  }
  out.push_back({prefix, keyNode, &node});
}

std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '[') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      const auto close = path.find(']', i);
      const std::size_t end = close == std::string_view::npos ? path.size() : close;
      out.emplace_back(path.substr(i, end - i + 1));
      i = end;
    } else if (c == '.') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string canonical(std::string_view segment) {
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const char c = segment[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && out.back() != '-') out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c == '_' ? '-' : c;
    }
  }
  return out;
}

std::string resolvePlaceholders(std::string_view text, std::vector<std::string>& resolved) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto open = text.find("${", i);
    if (open == std::string_view::npos) break;
    // The matching brace: defaults may hold nested placeholders.
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t j = open; j < text.size(); ++j) {
      if (text.compare(j, 2, "${") == 0) {
        ++depth;
        ++j;
      } else if (text[j] == '}' && --depth == 0) {
        close = j;
        break;
      }
    }
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string_view inner = text.substr(open + 2, close - open - 2);
    const auto colon = inner.find(':');
    if (colon == std::string_view::npos) {
      out.append(text.substr(open, close - open + 1));
    } else {
      resolved.emplace_back(text.substr(open, close - open + 1));
      std::vector<std::string> nested;
      out += resolvePlaceholders(inner.substr(colon + 1), nested);
    }
    i = close + 1;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

std::string placeholderDetail(const std::vector<std::string>& resolved) {
  if (resolved.empty()) return {};
  std::string names;
  for (const std::string& r : resolved) {
    const auto colon = r.find(':');
    names += (names.empty() ? "" : ", ") + r.substr(2, colon - 2);
  }
  return "the default of " + resolved.front() + (resolved.size() > 1 ? " (and others)" : "") +
         ", assuming the environment does not set " + names;
}

std::string durationMs(std::string_view text) {
  const std::string t = toLower(trimView(text));
  std::size_t digits = 0;
  const std::optional<long long> n = leadingNumber(t, digits);
  if (!n) return std::string(text);
  const std::string_view unit = std::string_view(t).substr(digits);
  if (unit.empty() || unit == "ms") return std::to_string(*n);
  if (unit == "s") return std::to_string(*n * 1000);
  if (unit == "m") return std::to_string(*n * 60'000);
  if (unit == "h") return std::to_string(*n * 3'600'000);
  return std::string(text);
}

std::string dataSizeBytes(std::string_view text) {
  std::string t(trimView(text));
  for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::size_t digits = 0;
  const std::optional<long long> n = leadingNumber(t, digits);
  if (!n) return std::string(text);
  const std::string_view unit = std::string_view(t).substr(digits);
  if (unit.empty() || unit == "B") return std::to_string(*n);
  if (unit == "KB") return std::to_string(*n * 1024);
  if (unit == "MB") return std::to_string(*n * 1024 * 1024);
  return std::string(text);
}

}  // namespace kafkalint
