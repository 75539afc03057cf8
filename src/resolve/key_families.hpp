// Keys that no catalog table lists but that are legitimate by pattern: per-listener overrides,
// config providers, plugin and third-party settings carried in the same file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kafkalint/catalog.hpp"

namespace kafkalint {

// A note naming the family `key` belongs to for configs of `scope`, or nullopt.
std::optional<std::string> keyFamily(ConfigScope scope, std::string_view key);

}  // namespace kafkalint
