// A rule with its conditions compiled, ready for the engine.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "language/expression.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

struct RuleSet::Compiled {
  RuleInfo info;
  std::optional<Expression> when;
  std::optional<Expression> require;
  std::optional<MessageTemplate> message;
  std::map<std::string, Value, std::less<>> params;
  std::set<std::string> readKeys;  // keys read by `when` and `require`

  [[nodiscard]] bool appliesTo(EntityKind kind) const {
    for (EntityKind k : info.scope) {
      if (k == kind) return true;
    }
    return false;
  }
};

}  // namespace kafkalint
