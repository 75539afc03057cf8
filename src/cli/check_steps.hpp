// The steps of `kafkalint check` (run_check.cpp runs them in order), one file each. A step that
// meets something the user must fix throws UsageError; what it has to say besides goes into the
// run's messages.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "kafkalint/budget.hpp"
#include "kafkalint/check.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/kafka_version.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint::check {

// What is decided before anything is loaded.
struct Configured {
  ToolConfig config;  // the file, its profile and the command line
  KafkaVersion version;
  KafkaVersion clientVersion;
  LoadOptions load;  // --kind
  RuleSet rules;     // selected and configured
  std::optional<Baseline> baseline;
};

struct Evaluated {
  std::vector<Finding> findings;
  std::vector<TopicBudget> budgets;
};

// configure_step.cpp: the tool configuration, options that cannot take effect, the Kafka
// releases, --kind, the rules and the baseline.
Configured configure(const CheckRequest& request, RunResult& run);
// load_step.cpp: the files, their classification (-v), and the suppression files located.
LoadResult load(const CheckRequest& request, Configured& configured, RunResult& run);
// evaluate_step.cpp: every rule over every entity, and the durability budgets; the live cluster
// (cluster_step.cpp) read meanwhile, its topics evaluated as they arrive.
Evaluated evaluate(const CheckRequest& request, const Configured& configured, LoadResult& loaded, RunResult& run);
void readCluster(const CheckRequest& request, const RuleSet& rules, Model& model,
                 std::function<void(const Entity&)> onTopic, RunResult& run);
// gate_step.cpp: the gate and its verdict; --write-baseline writes the baseline here.
GateResult gate(const CheckRequest& request, const Configured& configured, const LoadResult& loaded,
                std::vector<Finding> findings, RunResult& run);
// report_step.cpp: every report rendered.
std::vector<RenderedReport> render(const CheckRequest& request, const std::vector<ReportOutput>& outputs,
                                   const Report& report);

// Writes `content` to a temporary file beside `path` and renames it, so that a file is never half
// written. The reason when it fails.
std::optional<std::string> writeAtomically(const std::string& path, std::string_view content);

}  // namespace kafkalint::check
