// Template "evaluation-error": rules that failed while they were evaluated (a division by zero, a
// comparison of text with a list). The rule was not checked, so the failure is a finding.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

class EvaluationErrorCheck final : public Check {
 public:
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    for (const auto& [entity, error] : ctx.evaluationErrors) {
      ctx.findings.push_back(
          makeFinding(rule.info, *entity, "rule " + error + " (the rule was not checked)", entity->origin));
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindEvaluationErrorCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<EvaluationErrorCheck>();
}

}  // namespace kafkalint
