#include "readers/spring/spring_properties.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

struct Unit {
  std::string_view suffix;
  long long factor;
};

// `normalised` (trimmed, its unit in the case of `units`) as a number times its unit's factor, or
// `original` as written when it is not a whole number with one of the units.
std::string scaled(const std::string& normalised, std::string_view original, std::initializer_list<Unit> units) {
  std::size_t digits = 0;
  while (digits < normalised.size() && std::isdigit(static_cast<unsigned char>(normalised[digits]))) ++digits;
  if (digits == 0 || digits > 12) return std::string(original);
  const long long n = std::stoll(normalised.substr(0, digits));
  const std::string_view unit = std::string_view(normalised).substr(digits);
  for (const Unit& u : units) {
    if (unit == u.suffix) return std::to_string(n * u.factor);
  }
  return std::string(original);
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
  return scaled(toLower(trimView(text)), text, {{"", 1}, {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}});
}

std::string dataSizeBytes(std::string_view text) {
  std::string t(trimView(text));
  for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return scaled(t, text, {{"", 1}, {"B", 1}, {"KB", 1024}, {"MB", 1024LL * 1024}});
}

}  // namespace kafkalint
