// The checks behind rule templates: one class per template, one file per check (as clang-tidy).
// A rule file instantiates a template by name; the engine calls the check for each entity and
// once for the whole model.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiled_rule.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

// A rule key whose value could not be known, and the rules that needed it.
struct UnverifiedKey {
  std::set<std::string> ruleIds;
  std::string reason;
};

struct CheckContext {
  const Model& model;
  const RuleSet& rules;
  const Resolver& resolver;
  std::vector<Finding>& findings;
  // Per entity: key -> what could not be verified. Filled by expression rules.
  std::map<const Entity*, std::map<std::string, UnverifiedKey>> unverified;
  // Rule evaluation failures, reported by the evaluation-error rule.
  std::vector<std::pair<const Entity*, std::string>> evaluationErrors;
  // The topics of the model by name, for rules over the topics a client uses.
  std::multimap<std::string, const Entity*, std::less<>> topicsByName;
  // The views of brokers and clusters, shared by the entities that read them.
  SharedViews* views = nullptr;

  // The topic a client's reference names: one of the client's cluster (or of any cluster when
  // the client or the topic has none). nullptr when the input does not describe it.
  [[nodiscard]] const Entity* findTopic(const Entity& client, std::string_view name) const;
};

class Check {
 public:
  virtual ~Check() = default;
  // Called for every entity the rule's scope covers.
  virtual void checkEntity(const RuleSet::Compiled& /*rule*/, EntityView& /*view*/, CheckContext& /*ctx*/) {}
  // Called once, after every entity was checked.
  virtual void checkModel(const RuleSet::Compiled& /*rule*/, CheckContext& /*ctx*/) {}
};

std::unique_ptr<Check> makeCheck(std::string_view templateName);
// What is wrong with a rule's parameters for its template (checked when the rule is loaded), or
// nullopt when they are fine.
std::optional<std::string> templateParamError(std::string_view templateName,
                                              const std::map<std::string, Value, std::less<>>& params);

// Shared by the checks.
Finding makeFinding(const RuleInfo& rule, const Entity& entity, std::string message, SourceLocation location);
EffectiveEntry effectiveEntry(const EffectiveValue& value);
// Written-setting checks (unknown keys, invalid values, duplicates) see a client file shared by
// producers and consumers once, through its first entity, and skip live entities.
bool ownsWrittenSettings(const Entity& entity);

}  // namespace kafkalint
