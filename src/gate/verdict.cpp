// The verdict of a run (verdict.hpp): the one place its exit code is worked out.
#include "kafkalint/verdict.hpp"

#include "kafkalint/gate.hpp"

namespace kafkalint {

std::string_view Verdict::description() const {
  switch (exitCode) {
    case ExitCode::Ok:
      return "no finding at or above --fail-on";
    case ExitCode::Findings:
      return "findings at or above --fail-on";
    case ExitCode::InputError:
      return "usage error or input that could not be used";
    case ExitCode::CouldNotVerify:
      return "a check could not be made against the live cluster";
  }
  return "";
}

Verdict decideVerdict(const std::vector<Finding>& reported, const Model& model, const RuleSet& rules,
                      const VerdictRules& verdictRules) {
  Verdict v;
  for (const Finding& f : reported) {
    if (verdictRules.failOn && countsForGate(f) && f.severity >= *verdictRules.failOn) ++v.failing;
    const RuleInfo* rule = rules.find(f.ruleId);
    if (rule != nullptr && rule->templateName == "cluster-unverified") ++v.unverified;
  }
  v.inputErrors = verdictRules.inputErrors;
  const bool empty = model.entities.empty() && !verdictRules.allowEmpty;
  v.nothingChecked = empty && v.inputErrors == 0;  // an input error says why by itself
  v.exitCode = v.inputErrors > 0 || empty ? ExitCode::InputError
               : v.unverified > 0         ? ExitCode::CouldNotVerify
               : v.failing > 0            ? ExitCode::Findings
                                          : ExitCode::Ok;
  return v;
}

}  // namespace kafkalint
