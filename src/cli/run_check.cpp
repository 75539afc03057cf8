// `kafkalint check` (check.hpp): configuration, load, resolve and evaluate, gate, report, each a
// step of check_steps.hpp, and the one place where what the user must fix ends the run.
#include "check_steps.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

namespace {

std::string nothingCheckedMessage(const CheckRequest& request, const Model& model) {
  std::string inputs;
  for (const std::string& p : request.paths) inputs += (inputs.empty() ? "" : ", ") + p;
  return errorLine("nothing checked: no Kafka configuration found in " + inputs +
                   (model.inputs.empty() ? " (no *.properties files)" : " (see the notes above; -v lists why)"));
}

void runSteps(const CheckRequest& request, RunResult& run) {
  const std::vector<ReportOutput> outputs = planOutputs(request.outputs, request.environment.githubActions);
  check::Configured configured = check::configure(request, run);
  LoadResult loaded = check::load(request, configured, run);
  check::Evaluated evaluated = check::evaluate(request, configured, loaded, run);
  GateResult gate = check::gate(request, configured, loaded, std::move(evaluated.findings), run);
  const std::vector<TopicBudget> budgets = excludeBudgets(std::move(evaluated.budgets), configured.config);

  const Report report{loaded.model,  configured.rules,   gate.reported,
                      loaded.errors, configured.version, configured.clientVersion,
                      gate.verdict,  &budgets,           &gate.summary};
  run.reports = check::render(request, outputs, report);
  run.verdict = gate.verdict;
  if (gate.verdict.nothingChecked) run.closingMessages.push_back(nothingCheckedMessage(request, loaded.model));
}

}  // namespace

RunResult runCheck(const CheckRequest& request) {
  RunResult run{std::nullopt, {}, {}, {}, StageTimer(request.environment.timings)};
  try {
    runSteps(request, run);
  } catch (const UsageError& e) {
    run.messages.push_back(errorLine(e.what()));
    run.reports.clear();
    run.verdict.reset();
  }
  return run;
}

}  // namespace kafkalint
