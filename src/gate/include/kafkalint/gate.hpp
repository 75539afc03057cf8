// The gate, applied after evaluation: what a team has accepted is set aside (exclusions, inline
// suppressions, [[suppress]] entries, the baseline), and what is left decides the verdict of the
// run, its exit code. Docs: docs/configuration.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kafkalint/config.hpp"
#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

// A finding's identity, independent of lines and message text: rule, entity, keys.
struct FindingIdentity {
  std::string rule;
  std::string entity;  // "topic:orders"
  std::string cluster;
  std::string topic;  // rules over the topics a client uses
  std::vector<std::string> keys;
  friend auto operator<=>(const FindingIdentity&, const FindingIdentity&) = default;
};
FindingIdentity identityOf(const Finding& finding);

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
  const ToolConfig* config = nullptr;  // exclusions, suppression entries, inline suppressions on or off
  const Baseline* baseline = nullptr;
  Severity minSeverity = Severity::Note;
  bool showSuppressed = false;
  Date today;
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
  std::vector<Finding> accepted;  // unsuppressed findings, for --write-baseline
  GateSummary summary;
};

// Applies exclusions, inline suppressions (model.directives), suppression entries and the
// baseline to the findings, adding findings of the suppression rules (KL9011-KL9013) for
// malformed, unknown, unused and expired suppressions.
// The files of the suppression entries are added to model.files, so that findings can point at them.
GateResult applyGate(std::vector<Finding> findings, Model& model, const RuleSet& rules, const GateOptions& options);

// Whether the tool configuration excludes an entity (`exclude`).
bool isExcluded(const ToolConfig& config, EntityKind kind, std::string_view name);

// The baseline --write-baseline writes, without reading it back.
Baseline baselineOf(const std::vector<Finding>& findings, const std::string& path);

// Whether the finding counts for --fail-on: reported, not suppressed, not in the baseline.
bool countsForGate(const Finding& finding);

}  // namespace kafkalint
