// How Spring Boot reads its configuration: nested YAML keys as dotted property paths, relaxed
// binding, ${NAME:default} placeholders, Duration and DataSize values. The Spring Boot reader and
// the ThingsBoard reader (an application config of the same kind) share these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/config_tree.hpp"

namespace kafkalint {

// One property: its dotted path as written (bracketed map keys kept) and the nodes it came from.
struct FlatEntry {
  std::string path;
  const TreeNode* key;
  const TreeNode* value;
};

// A YAML document as Spring sees it: nested keys joined with dots, lists of scalars as one value.
void flatten(const TreeNode& node, const std::string& prefix, const TreeNode* keyNode, std::vector<FlatEntry>& out);

// Segments of a property path: dots separate, [..] is one segment (a map key kept verbatim).
std::vector<std::string> segments(std::string_view path);

// Relaxed binding: camelCase, snake_case and kebab-case are the same property ("auto-offset-reset").
std::string canonical(std::string_view segment);

// Spring's ${NAME:default} placeholders replaced by their defaults. `resolved` lists the ones
// replaced; a placeholder without a default stays (its value is unknown).
std::string resolvePlaceholders(std::string_view text, std::vector<std::string>& resolved);

// How a value read through placeholders came about: "the default of ${X:1}, assuming the
// environment does not set X" ("" when none was replaced).
std::string placeholderDetail(const std::vector<std::string>& resolved);

// A Spring Duration (10s, 500ms, or a number of milliseconds) in milliseconds; other text as is.
std::string durationMs(std::string_view text);

// A Spring DataSize (1KB, 10MB, or a number of bytes) in bytes; other text as is.
std::string dataSizeBytes(std::string_view text);

}  // namespace kafkalint
