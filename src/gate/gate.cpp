// Applying the gate to the findings (gate.hpp): suppressions and exclusions, then the baseline,
// then the findings about suppressions, then what is reported, then the verdict.
#include "kafkalint/gate.hpp"

#include <map>
#include <optional>

#include "gate_steps.hpp"
#include "kafkalint/glob.hpp"

namespace kafkalint {

namespace gate {

Finding gateFinding(const RuleSet& rules, std::string_view ruleId, const SourceLocation& location,
                    const SourceFiles& files, std::string message) {
  const RuleInfo* rule = rules.find(ruleId);
  Finding f;
  f.ruleId = std::string(ruleId);
  f.ruleName = rule != nullptr ? rule->name : "";
  f.severity = rule != nullptr ? rule->severity : Severity::Warning;
  f.entityKind = EntityKind::File;
  f.entityName = location.valid() ? files.path(location.file) : "";
  f.message = std::move(message);
  f.location = location;
  return f;
}

bool ruleOn(const RuleSet& rules, std::string_view id) {
  const RuleInfo* r = rules.find(id);
  return r != nullptr && r->enabled;
}

bool entityMatches(std::string_view selector, EntityKind kind, std::string_view name) {
  if (selector.empty()) return true;
  const std::size_t colon = selector.find(':');
  if (colon != std::string_view::npos) {
    if (auto k = parseEntityKind(selector.substr(0, colon))) {
      return *k == kind && globMatch(selector.substr(colon + 1), name, false);
    }
  }
  return globMatch(selector, name, false);
}

}  // namespace gate

namespace {

// Rules that report checks that could not be made are never accepted.
bool suppressible(const RuleSet& rules, const Finding& f) {
  const RuleInfo* rule = rules.find(f.ruleId);
  return rule == nullptr || rule->suppressible;
}

// Suppressions marked, findings on excluded entities set aside (and counted).
std::vector<Finding> suppress(std::vector<Finding> findings, const Model& model, const RuleSet& rules,
                              const ToolConfig& config, gate::InlineDirectives& directives,
                              gate::SuppressionEntries& entries, GateSummary& summary) {
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& f : findings) {
    if (suppressible(rules, f)) {
      directives.apply(f);
      entries.apply(f, model.files);
      // Exclusions come after matching, so a suppression of an excluded entity is not "unused".
      if (isExcluded(config, f.entityKind, f.entityName)) {
        ++summary.excluded;
        continue;
      }
    }
    kept.push_back(std::move(f));
  }
  return kept;
}

std::vector<Finding> acceptedOf(const std::vector<Finding>& findings, const RuleSet& rules) {
  std::vector<Finding> accepted;
  for (const Finding& f : findings) {
    if (f.suppressions.empty() && suppressible(rules, f)) accepted.push_back(f);
  }
  return accepted;
}

void count(const Finding& f, GateSummary& summary) {
  if (!f.suppressions.empty()) {
    ++(f.suppressions.front().kind == Suppression::Kind::InSource ? summary.suppressedInline
                                                                  : summary.suppressedByEntry);
  } else if (f.baselineState == BaselineState::Unchanged) {
    ++summary.baselined;
  }
}

// What the reports show: at or above min-severity; accepted findings only with --show-suppressed.
std::vector<Finding> reportedOf(std::vector<Finding> findings, const Model& model, const GateOptions& options,
                                GateSummary& summary) {
  std::vector<Finding> reported;
  for (Finding& f : findings) {
    if (f.severity < options.minSeverity) {
      ++summary.belowMinSeverity;
      continue;
    }
    if (!countsForGate(f) && !options.showSuppressed) continue;
    reported.push_back(std::move(f));
  }
  sortFindings(reported, model.files);
  return reported;
}

}  // namespace

bool isExcluded(const ToolConfig& config, EntityKind kind, std::string_view name) {
  for (const std::string& glob : config.exclude.value) {
    if (gate::entityMatches(glob, kind, name)) return true;
  }
  return false;
}

std::vector<TopicBudget> excludeBudgets(std::vector<TopicBudget> budgets, const ToolConfig& config) {
  std::erase_if(budgets,
                [&config](const TopicBudget& b) { return isExcluded(config, EntityKind::Topic, b.topic->name); });
  return budgets;
}

bool countsForGate(const Finding& f) {
  return f.suppressions.empty() && f.baselineState != BaselineState::Unchanged &&
         f.baselineState != BaselineState::Absent;
}

Baseline baselineOf(const std::vector<Finding>& findings, const std::string& path) {
  Baseline b;
  b.path = path;
  std::map<FindingIdentity, std::size_t> counts;
  for (const Finding& f : findings) ++counts[identityOf(f)];
  for (auto& [id, n] : counts) b.entries.push_back({id, n, "", "", 0});
  return b;
}

GateResult applyGate(std::vector<Finding> findings, const Model& model, const RuleSet& rules,
                     const GateOptions& options) {
  static const ToolConfig kNone;
  const ToolConfig& config = options.config != nullptr ? *options.config : kNone;
  gate::InlineDirectives directives(model, rules, config.inlineSuppressions.value);
  gate::SuppressionEntries entries(config.suppressions, options.today);
  GateResult result;
  GateSummary& summary = result.summary;
  summary.showSuppressed = options.showSuppressed;
  std::vector<Finding> kept = suppress(std::move(findings), model, rules, config, directives, entries, summary);

  result.accepted = acceptedOf(kept, rules);
  std::optional<Baseline> recorded;
  if (!options.recordBaseline.empty()) recorded = baselineOf(result.accepted, options.recordBaseline);
  const Baseline* baseline = recorded ? &*recorded : options.baseline;
  gate::BaselineMatch match(baseline);
  for (Finding& f : kept) {
    match.apply(f, suppressible(rules, f));
    count(f, summary);
  }

  std::vector<Finding> diagnostics;
  directives.addInvalid(diagnostics, rules, model.files);
  directives.addUnused(diagnostics, rules, model.files);
  entries.addUnused(diagnostics, rules, model.files);
  entries.addExpired(diagnostics, rules, model.files);
  for (Finding& d : diagnostics) {
    if (baseline != nullptr) d.baselineState = BaselineState::New;
    kept.push_back(std::move(d));
  }
  if (baseline != nullptr) {
    summary.baselineUsed = true;
    summary.baselinePath = baseline->path;
    summary.staleBaseline = match.stale();
  }

  result.reported = reportedOf(std::move(kept), model, options, summary);
  result.verdict = decideVerdict(result.reported, model, rules, options.verdict);
  return result;
}

}  // namespace kafkalint
