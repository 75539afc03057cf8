// The gate, applied after evaluation: what a team has accepted is set aside (exclusions, inline
// suppressions, [[suppress]] entries, the baseline), and what is left decides the verdict of the
// run, its exit code. Docs: docs/configuration.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kafkalint/budget.hpp"
#include "kafkalint/config.hpp"
#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/identity.hpp"
#include "kafkalint/rules.hpp"
#include "kafkalint/verdict.hpp"

namespace kafkalint {

// The findings accepted when the baseline was written.
struct BaselineEntry {
  FindingIdentity identity;
  std::size_t count = 1;  // findings with this identity
  std::string file;       // informative: where it was reported
  std::string message;
  std::uint32_t line = 0;  // of the entry in the baseline file
};
struct Baseline {
  std::string path;
  std::vector<BaselineEntry> entries;
};

// Throws InputError naming file and line.
Baseline readBaseline(const std::string& path);
Baseline parseBaseline(const std::string& path, std::string_view content);
std::string baselineText(const std::vector<Finding>& findings, const SourceFiles& files);

struct GateOptions {
  // Exclusions, suppression entries (located in the model's files: locateSuppressionEntries),
  // inline suppressions on or off. nullptr: none of them.
  const ToolConfig* config = nullptr;
  const Baseline* baseline = nullptr;
  // --write-baseline FILE: the run's own accepted findings are its baseline (FILE names it in the
  // reports), instead of `baseline`.
  std::string recordBaseline;
  Severity minSeverity = Severity::Note;
  bool showSuppressed = false;
  Date today;
  VerdictRules verdict;
};

struct GateSummary {
  std::size_t suppressedInline = 0;
  std::size_t suppressedByEntry = 0;
  std::size_t baselined = 0;  // matched the baseline
  std::size_t excluded = 0;   // on excluded entities
  std::size_t belowMinSeverity = 0;
  bool baselineUsed = false;
  std::string baselinePath;
  std::vector<BaselineEntry> staleBaseline;  // entries no finding matched any more
  bool showSuppressed = false;
};

struct GateResult {
  std::vector<Finding> reported;  // what the reports show (suppressed ones only with showSuppressed)
  std::vector<Finding> accepted;  // unsuppressed findings: what a baseline written now records
  GateSummary summary;
  Verdict verdict;
};

// Applies exclusions, inline suppressions (model.directives), suppression entries and the
// baseline to the findings, adds findings of the suppression rules (KL9011-KL9013) for
// malformed, unknown, unused and expired suppressions, and decides the verdict.
GateResult applyGate(std::vector<Finding> findings, const Model& model, const RuleSet& rules,
                     const GateOptions& options);

// Whether the tool configuration excludes an entity (`exclude`).
bool isExcluded(const ToolConfig& config, EntityKind kind, std::string_view name);
// The budgets of the topics the configuration does not exclude.
std::vector<TopicBudget> excludeBudgets(std::vector<TopicBudget> budgets, const ToolConfig& config);

// The baseline --write-baseline writes, without reading it back.
Baseline baselineOf(const std::vector<Finding>& findings, const std::string& path);

// Whether the finding counts for --fail-on: reported, not suppressed, not in the baseline.
bool countsForGate(const Finding& finding);

}  // namespace kafkalint
