// What one evaluation knows and collects while its checks run: the model and the resolver, the
// findings, what could not be verified (reported by the model checks at the end), and relations
// of the model that several checks look up.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kafkalint/finding.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

// A rule key whose value could not be known, and the rules that needed it.
struct UnverifiedKey {
  std::set<std::string> ruleIds;
  std::string reason;
};

class CheckContext {
 public:
  CheckContext(const Model& m, const RuleSet& r, const Resolver& res, SharedViews& shared)
      : model(m), rules(r), resolver(res), views(&shared) {}

  const Model& model;
  const RuleSet& rules;
  const Resolver& resolver;
  std::vector<Finding> findings;
  // Per entity: key -> what could not be verified. Filled by expression rules.
  std::map<const Entity*, std::map<std::string, UnverifiedKey>> unverified;
  // Rule evaluation failures, reported by the evaluation-error rule.
  std::vector<std::pair<const Entity*, std::string>> evaluationErrors;
  // The topics of the model by name, for rules over the topics a client uses.
  std::multimap<std::string, const Entity*, std::less<>> topicsByName;
  // The views of brokers and clusters, shared by the entities that read them.
  SharedViews* views;

  // The topic a client's reference names: one of the client's cluster (or of any cluster when
  // the client or the topic has none). nullptr when the input does not describe it.
  [[nodiscard]] const Entity* findTopic(const Entity& client, std::string_view name) const;
  // The transactional producer of the model writing a topic, or nullptr.
  [[nodiscard]] const Entity* transactionalWriter(const Entity& topic);

 private:
  std::optional<std::map<const Entity*, const Entity*>> transactionalWriters_;  // worked out on first use
};

}  // namespace kafkalint
