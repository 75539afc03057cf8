// Keys a dialect does not know as settings of its configuration, explained: those legitimate by
// pattern (per-listener overrides, config providers, plugin and third-party settings carried in the
// same file), and those of another kind of configuration.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kafkalint/catalog.hpp"

namespace kafkalint {

// A note naming the family `key` belongs to for configs of `scope`, or nullopt.
std::optional<std::string> keyFamily(ConfigScope scope, std::string_view key);

// When `key` belongs to another kind of configuration than `scope` ("it is a topic-level config"),
// a note saying which (misplaced_keys.cpp); else nullopt.
std::optional<std::string> otherScopeNote(ConfigScope scope, std::string_view key);

}  // namespace kafkalint
