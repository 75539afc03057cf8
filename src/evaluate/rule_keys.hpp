// Which configuration keys a rule may name: keys of the entity kinds in its scope (from the
// catalog, any release and dialect), entity properties (a topic's replication.factor), and
// `target:key` of a related entity (docs/rule-language.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kafkalint/rules.hpp"

namespace kafkalint {

// Why a rule may not name `key`, or nullopt when it may.
std::optional<std::string> ruleKeyError(const RuleInfo& rule, std::string_view key);

}  // namespace kafkalint
