// Applying the gate to the findings: exclusions, inline suppressions, [[suppress]] entries and
// the baseline, in that order, plus the findings about suppressions themselves (KL9011-KL9013).
#include "kafkalint/gate.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kafkalint/glob.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kInvalid = "KL9011";
constexpr std::string_view kUnused = "KL9012";
constexpr std::string_view kExpired = "KL9013";

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

// A parsed `kafkalint: ignore ID[, ID...] -- reason` comment.
struct Directive {
  const DirectiveComment* comment = nullptr;
  bool wholeFile = false;
  std::string reason;
  std::vector<std::string> ruleIds;  // resolved, suppressible
  std::vector<bool> used;
};

struct Problem {
  SourceLocation location;
  std::string message;
};

std::optional<Directive> parseDirective(const DirectiveComment& c, const RuleSet& rules,
                                        std::vector<Problem>& problems) {
  const std::string_view text = trim(c.text);
  const std::size_t verbEnd = std::min(text.find_first_of(" \t"), text.size());
  const std::string_view verb = text.substr(0, verbEnd);
  auto problem = [&](std::string what) {
    problems.push_back({c.location, "kafkalint: " + std::string(text.substr(0, 80)) + ": " + std::move(what)});
  };
  if (verb != "ignore" && verb != "ignore-file") {
    problem(verb.empty() ? "an empty directive; expected `kafkalint: ignore RULE -- reason`"
                         : "unknown directive '" + std::string(verb) +
                               "'; expected `kafkalint: ignore RULE -- reason` or `kafkalint: ignore-file RULE -- "
                               "reason`");
    return std::nullopt;
  }
  Directive d;
  d.comment = &c;
  d.wholeFile = verb == "ignore-file";
  std::string_view rest = text.substr(verbEnd);
  const std::size_t dashes = rest.find("--");
  const std::string_view ids = dashes == std::string_view::npos ? rest : rest.substr(0, dashes);
  if (dashes == std::string_view::npos || trim(rest.substr(dashes + 2)).empty()) {
    problem("a reason is required: `kafkalint: " + std::string(verb) + " " +
            std::string(trim(ids).empty() ? "RULE" : trim(ids)) +
            " -- why this is acceptable`; without one the directive suppresses nothing");
    return std::nullopt;
  }
  d.reason = std::string(trim(rest.substr(dashes + 2)));
  std::size_t pos = 0;
  const std::string list(ids);
  bool any = false;
  while (pos < list.size()) {
    const std::size_t start = list.find_first_not_of(" \t,", pos);
    if (start == std::string::npos) break;
    const std::size_t end = std::min(list.find_first_of(" \t,", start), list.size());
    const std::string id = list.substr(start, end - start);
    pos = end;
    any = true;
    const RuleInfo* rule = rules.find(id);
    if (rule == nullptr) {
      problem("'" + id + "' is not a rule id or name (kafkalint rules lists them)");
    } else if (!rule->suppressible) {
      problem(rule->id + " [" + rule->name + "] cannot be suppressed: it reports checks that could not be made");
    } else if (std::find(d.ruleIds.begin(), d.ruleIds.end(), rule->id) == d.ruleIds.end()) {
      d.ruleIds.push_back(rule->id);
    }
  }
  if (!any) {
    problem("names no rule: `kafkalint: " + std::string(verb) + " KL0102 -- reason`");
    return std::nullopt;
  }
  if (d.ruleIds.empty()) return std::nullopt;
  d.used.assign(d.ruleIds.size(), false);
  return d;
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

}  // namespace

bool isExcluded(const ToolConfig& config, EntityKind kind, std::string_view name) {
  for (const std::string& glob : config.exclude.value) {
    if (entityMatches(glob, kind, name)) return true;
  }
  return false;
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

GateResult applyGate(std::vector<Finding> findings, Model& model, const RuleSet& rules, const GateOptions& options) {
  GateResult result;
  GateSummary& summary = result.summary;
  summary.showSuppressed = options.showSuppressed;
  const ToolConfig empty;
  const ToolConfig& config = options.config != nullptr ? *options.config : empty;
  std::vector<Problem> invalid;

  // Inline directives, by file and line.
  std::vector<Directive> directives;
  if (config.inlineSuppressions.value) {
    for (const DirectiveComment& c : model.directives) {
      if (auto d = parseDirective(c, rules, invalid)) directives.push_back(std::move(*d));
    }
  }
  std::map<FileId, std::vector<std::size_t>> directivesByFile;
  for (std::size_t i = 0; i < directives.size(); ++i) {
    directivesByFile[directives[i].comment->location.file].push_back(i);
  }

  // Suppression entries, located in their files.
  struct EntryState {
    const SuppressionEntry* entry;
    SourceLocation location;
    bool expired = false;
    std::size_t matched = 0;
  };
  std::vector<EntryState> entries;
  std::map<std::string, FileId> entryFiles;
  for (const SuppressionEntry& e : config.suppressions) {
    auto [it, added] = entryFiles.try_emplace(e.sourceFile, kNoFile);
    if (added) it->second = model.files.add(e.sourceFile);
    entries.push_back({&e, {it->second, e.line, 1}, e.expires && options.today > *e.expires, 0});
  }

  // Baseline identities still to be matched.
  std::map<FindingIdentity, std::size_t> remaining;
  if (options.baseline != nullptr) {
    summary.baselineUsed = true;
    summary.baselinePath = options.baseline->path;
    for (const BaselineEntry& e : options.baseline->entries) remaining[e.identity] += e.count;
  }

  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& f : findings) {
    const RuleInfo* rule = rules.find(f.ruleId);
    const bool suppressible = rule == nullptr || rule->suppressible;
    if (suppressible) {
      if (auto it = directivesByFile.find(f.location.file); it != directivesByFile.end() && f.location.valid()) {
        for (std::size_t index : it->second) {
          Directive& d = directives[index];
          if (!d.wholeFile && d.comment->appliesToLine != f.location.line) continue;
          for (std::size_t r = 0; r < d.ruleIds.size(); ++r) {
            if (d.ruleIds[r] != f.ruleId) continue;
            d.used[r] = true;
            if (f.suppressions.empty()) f.suppressions.push_back({Suppression::Kind::InSource, d.reason});
          }
        }
      }
      const std::string path = f.location.valid() ? model.files.path(f.location.file) : "";
      for (EntryState& s : entries) {
        const SuppressionEntry& e = *s.entry;
        if (std::find(e.rules.begin(), e.rules.end(), f.ruleId) == e.rules.end()) continue;
        if (!entityMatches(e.entity, f.entityKind, f.entityName)) continue;
        if (!e.file.empty() && !globMatch(e.file, path, true)) continue;
        ++s.matched;
        if (!s.expired && f.suppressions.empty()) f.suppressions.push_back({Suppression::Kind::External, e.reason});
      }
      // Exclusions come after matching, so a suppression of an excluded entity is not "unused".
      if (isExcluded(config, f.entityKind, f.entityName)) {
        ++summary.excluded;
        continue;
      }
    }
    // Every result gets a baseline state when a baseline is given (SARIF), suppressed ones too.
    if (options.baseline != nullptr) {
      auto it = suppressible ? remaining.find(identityOf(f)) : remaining.end();
      if (it != remaining.end() && it->second > 0) {
        --it->second;
        f.baselineState = BaselineState::Unchanged;
      } else {
        f.baselineState = BaselineState::New;
      }
    }
    if (!f.suppressions.empty()) {
      ++(f.suppressions.front().kind == Suppression::Kind::InSource ? summary.suppressedInline
                                                                    : summary.suppressedByEntry);
    } else if (f.baselineState == BaselineState::Unchanged) {
      ++summary.baselined;
    }
    if (f.suppressions.empty() && suppressible) result.accepted.push_back(f);
    kept.push_back(std::move(f));
  }

  // Findings about the suppressions themselves.
  std::vector<Finding> diagnostics;
  if (ruleOn(rules, kInvalid)) {
    for (Problem& p : invalid) diagnostics.push_back(gateFinding(rules, kInvalid, p.location, model.files, p.message));
  }
  if (ruleOn(rules, kUnused)) {
    for (const Directive& d : directives) {
      for (std::size_t r = 0; r < d.ruleIds.size(); ++r) {
        if (d.used[r] || !ruleOn(rules, d.ruleIds[r])) continue;  // a rule turned off finds nothing to suppress
        diagnostics.push_back(
            gateFinding(rules, kUnused, d.comment->location, model.files,
                        "kafkalint: " + std::string(d.wholeFile ? "ignore-file " : "ignore ") + d.ruleIds[r] +
                            " matches no finding " +
                            (d.wholeFile ? std::string("in this file")
                                         : "on line " + std::to_string(d.comment->appliesToLine) +
                                               (d.comment->ownLine ? " (the line after the directive)" : "")) +
                            "; remove it, or put it on the line the finding is reported on"));
      }
    }
    for (const EntryState& s : entries) {
      if (s.matched > 0 || s.expired) continue;
      const bool anyOn = std::any_of(s.entry->rules.begin(), s.entry->rules.end(),
                                     [&](const std::string& id) { return ruleOn(rules, id); });
      if (!anyOn) continue;
      std::string what;
      for (const std::string& id : s.entry->rules) what += (what.empty() ? "" : ", ") + id;
      if (!s.entry->entity.empty()) what += " on " + s.entry->entity;
      if (!s.entry->file.empty()) what += " in " + s.entry->file;
      diagnostics.push_back(gateFinding(rules, kUnused, s.location, model.files,
                                        "[[suppress]] " + what + " matches no finding; remove the entry"));
    }
  }
  if (ruleOn(rules, kExpired)) {
    for (const EntryState& s : entries) {
      if (!s.expired) continue;
      std::string ids;
      for (const std::string& id : s.entry->rules) ids += (ids.empty() ? "" : ", ") + id;
      diagnostics.push_back(
          gateFinding(rules, kExpired, s.location, model.files,
                      "[[suppress]] " + ids + (s.entry->entity.empty() ? "" : " on " + s.entry->entity) +
                          " expired on " + s.entry->expires->str() + ", so it no longer suppresses (" +
                          std::to_string(s.matched) + (s.matched == 1 ? " finding is" : " findings are") +
                          " reported again); fix them, or renew the entry with a new date and reason"));
    }
  }
  for (Finding& d : diagnostics) {
    if (options.baseline != nullptr) d.baselineState = BaselineState::New;
    kept.push_back(std::move(d));
  }

  for (const auto& [identity, n] : remaining) {
    if (n == 0) continue;
    for (const BaselineEntry& e : options.baseline->entries) {
      if (e.identity == identity) {
        BaselineEntry stale = e;
        stale.count = n;
        summary.staleBaseline.push_back(std::move(stale));
        break;
      }
    }
  }

  for (Finding& f : kept) {
    if (f.severity < options.minSeverity) {
      ++summary.belowMinSeverity;
      continue;
    }
    if (!countsForGate(f) && !options.showSuppressed) continue;
    result.reported.push_back(std::move(f));
  }
  sortFindings(result.reported, model.files);
  return result;
}

}  // namespace kafkalint
