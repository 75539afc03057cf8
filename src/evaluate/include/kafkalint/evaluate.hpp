// Stage 3, evaluate: run every rule over every entity and collect findings.
#pragma once

#include <memory>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

// Findings in report order (sortFindings). Never throws for bad configuration values: a rule that
// cannot be evaluated becomes a finding of the evaluation-error rule.
std::vector<Finding> evaluate(const Model& model, const RuleSet& rules, const Resolver& resolver);

// evaluate() in steps, for entities that become complete one by one (live topics, while the rest
// of the cluster is being read): entity() runs the entity checks of one complete entity now;
// finish() runs them for every entity of the model not evaluated yet, then the model checks, and
// returns what evaluate() would have returned.
class Evaluation {
 public:
  Evaluation(const Model& model, const RuleSet& rules, const Resolver& resolver);
  ~Evaluation();
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  void entity(const Entity& entity);
  std::vector<Finding> finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kafkalint
