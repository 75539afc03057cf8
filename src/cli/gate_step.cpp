// The gate of a check (check_steps.hpp): what the team accepted set aside, the verdict, and
// --write-baseline, which records the accepted findings and reports the run against them.
#include "check_steps.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint::check {

GateResult gate(const CheckRequest& request, const Configured& configured, const LoadResult& loaded,
                std::vector<Finding> findings, RunResult& run) {
  const ToolConfig& config = configured.config;
  GateOptions options;
  options.config = &config;
  options.baseline = configured.baseline ? &*configured.baseline : nullptr;
  options.recordBaseline = request.writeBaseline;
  options.minSeverity = *parseSeverity(config.minSeverity.value);
  options.showSuppressed = request.showSuppressed;
  options.today = request.environment.today;
  options.verdict.failOn = config.failOn.value == "never" ? std::nullopt : parseSeverity(config.failOn.value);
  options.verdict.inputErrors = loaded.errors.size();
  options.verdict.allowEmpty = request.allowEmpty;
  GateResult result = applyGate(std::move(findings), loaded.model, configured.rules, options);

  const std::string& path = request.writeBaseline;
  if (!path.empty()) {
    if (auto failure = writeAtomically(path, baselineText(result.accepted, loaded.model.files))) {
      throw UsageError("cannot write " + path + ": " + *failure);
    }
    if (!request.quiet) {
      run.messages.push_back("kafkalint: wrote " + path + ": " + std::to_string(result.accepted.size()) +
                             (result.accepted.size() == 1 ? " finding" : " findings") + " accepted");
    }
  }
  return result;
}

}  // namespace kafkalint::check
