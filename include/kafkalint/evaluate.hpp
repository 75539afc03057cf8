// Stage 3, evaluate: run every rule over every entity and collect findings.
#pragma once

#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

// Findings in report order (sortFindings). Never throws for bad configuration values: a rule that
// cannot be evaluated becomes a finding of the evaluation-error rule.
std::vector<Finding> evaluate(const Model& model, const RuleSet& rules, const Resolver& resolver);

}  // namespace kafkalint
