// [[suppress]] entries (docs/configuration.md): a finding is accepted when every selector of an
// entry that has not expired matches it; entries that match nothing, or expired, are findings.
#include <algorithm>

#include "gate_steps.hpp"
#include "kafkalint/glob.hpp"

namespace kafkalint::gate {

namespace {

constexpr std::string_view kUnused = "KL9012";
constexpr std::string_view kExpired = "KL9013";

std::string ruleList(const SuppressionEntry& e) {
  std::string ids;
  for (const std::string& id : e.rules) ids += (ids.empty() ? "" : ", ") + id;
  return ids;
}

}  // namespace

SuppressionEntries::SuppressionEntries(const std::vector<SuppressionEntry>& entries, Date today) {
  for (const SuppressionEntry& e : entries) entries_.push_back({&e, e.expires && today > *e.expires, 0});
}

void SuppressionEntries::apply(Finding& f, const SourceFiles& files) {
  if (entries_.empty()) return;
  const std::string path = f.location.valid() ? files.path(f.location.file) : "";
  for (State& s : entries_) {
    const SuppressionEntry& e = *s.entry;
    if (std::find(e.rules.begin(), e.rules.end(), f.ruleId) == e.rules.end()) continue;
    if (!entityMatches(e.entity, f.entityKind, f.entityName)) continue;
    if (!e.file.empty() && !globMatch(e.file, path, true)) continue;
    ++s.matched;
    if (!s.expired && f.suppressions.empty()) f.suppressions.push_back({Suppression::Kind::External, e.reason});
  }
}

void SuppressionEntries::addUnused(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const {
  if (!ruleOn(rules, kUnused)) return;
  for (const State& s : entries_) {
    if (s.matched > 0 || s.expired) continue;
    const bool anyOn = std::any_of(s.entry->rules.begin(), s.entry->rules.end(),
                                   [&](const std::string& id) { return ruleOn(rules, id); });
    if (!anyOn) continue;
    std::string what = ruleList(*s.entry);
    if (!s.entry->entity.empty()) what += " on " + s.entry->entity;
    if (!s.entry->file.empty()) what += " in " + s.entry->file;
    out.push_back(gateFinding(rules, kUnused, s.entry->location, files,
                              "[[suppress]] " + what + " matches no finding; remove the entry"));
  }
}

void SuppressionEntries::addExpired(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const {
  if (!ruleOn(rules, kExpired)) return;
  for (const State& s : entries_) {
    if (!s.expired) continue;
    const SuppressionEntry& e = *s.entry;
    out.push_back(gateFinding(rules, kExpired, e.location, files,
                              "[[suppress]] " + ruleList(e) + (e.entity.empty() ? "" : " on " + e.entity) +
                                  " expired on " + e.expires->str() + ", so it no longer suppresses (" +
                                  std::to_string(s.matched) + (s.matched == 1 ? " finding is" : " findings are") +
                                  " reported again); fix them, or renew the entry with a new date and reason"));
  }
}

}  // namespace kafkalint::gate
