// A rule as the engine runs it: what its file says, its parameter values, and the check its
// template bound to them when the rule was added.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "kafkalint/rules.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

class Check;

using RuleParams = std::map<std::string, Value, std::less<>>;

struct RuleSet::Compiled {
  Compiled();
  ~Compiled();

  RuleInfo info;
  RuleParams params;
  std::unique_ptr<const Check> check;  // never null once the rule is in a RuleSet

  [[nodiscard]] bool appliesTo(EntityKind kind) const {
    for (EntityKind k : info.scope) {
      if (k == kind) return true;
    }
    return false;
  }
};

}  // namespace kafkalint
