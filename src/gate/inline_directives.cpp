// Inline suppressions: `kafkalint: ignore RULE[, RULE...] -- reason` and `ignore-file` comments
// (docs/configuration.md), parsed from model.directives and matched with findings by file and line.
#include <algorithm>

#include "gate_steps.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint::gate {

namespace {

constexpr std::string_view kInvalid = "KL9011";
constexpr std::string_view kUnused = "KL9012";

}  // namespace

InlineDirectives::InlineDirectives(const Model& model, const RuleSet& rules, bool enabled) {
  if (!enabled) return;  // --no-inline-suppressions: directives neither suppress nor produce findings
  for (const DirectiveComment& c : model.directives) parse(c, rules);
  for (std::size_t i = 0; i < directives_.size(); ++i) {
    byFile_[directives_[i].comment->location.file].push_back(i);
  }
}

void InlineDirectives::parse(const DirectiveComment& c, const RuleSet& rules) {
  const std::string_view text = trimView(c.text);
  const std::size_t verbEnd = std::min(text.find_first_of(" \t"), text.size());
  const std::string_view verb = text.substr(0, verbEnd);
  auto problem = [&](std::string what) {
    invalid_.push_back({c.location, "kafkalint: " + std::string(text.substr(0, 80)) + ": " + std::move(what)});
  };
  if (verb != "ignore" && verb != "ignore-file") {
    return problem(verb.empty() ? "an empty directive; expected `kafkalint: ignore RULE -- reason`"
                                : "unknown directive '" + std::string(verb) +
                                      "'; expected `kafkalint: ignore RULE -- reason` or `kafkalint: ignore-file "
                                      "RULE -- reason`");
  }
  const std::string_view rest = text.substr(verbEnd);
  const std::size_t dashes = rest.find("--");
  const std::string_view ids = trimView(dashes == std::string_view::npos ? rest : rest.substr(0, dashes));
  const std::string_view reason = dashes == std::string_view::npos ? "" : trimView(rest.substr(dashes + 2));
  if (reason.empty()) {
    return problem("a reason is required: `kafkalint: " + std::string(verb) + " " +
                   std::string(ids.empty() ? "RULE" : ids) +
                   " -- why this is acceptable`; without one the directive suppresses nothing");
  }
  Directive d{&c, verb == "ignore-file", std::string(reason), {}, {}};
  bool any = false;
  for (std::size_t pos = 0; pos < ids.size();) {
    const std::size_t start = ids.find_first_not_of(" \t,", pos);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(ids.find_first_of(" \t,", start), ids.size());
    const std::string id(ids.substr(start, end - start));
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
  if (!any) return problem("names no rule: `kafkalint: " + std::string(verb) + " KL0102 -- reason`");
  if (d.ruleIds.empty()) return;
  d.used.assign(d.ruleIds.size(), false);
  directives_.push_back(std::move(d));
}

void InlineDirectives::apply(Finding& f) {
  if (!f.location.valid()) return;
  const auto it = byFile_.find(f.location.file);
  if (it == byFile_.end()) return;
  for (std::size_t index : it->second) {
    Directive& d = directives_[index];
    if (!d.wholeFile && d.comment->appliesToLine != f.location.line) continue;
    for (std::size_t r = 0; r < d.ruleIds.size(); ++r) {
      if (d.ruleIds[r] != f.ruleId) continue;
      d.used[r] = true;
      if (f.suppressions.empty()) f.suppressions.push_back({Suppression::Kind::InSource, d.reason});
    }
  }
}

void InlineDirectives::addInvalid(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const {
  if (!ruleOn(rules, kInvalid)) return;
  for (const Problem& p : invalid_) out.push_back(gateFinding(rules, kInvalid, p.location, files, p.message));
}

void InlineDirectives::addUnused(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const {
  if (!ruleOn(rules, kUnused)) return;
  for (const Directive& d : directives_) {
    for (std::size_t r = 0; r < d.ruleIds.size(); ++r) {
      if (d.used[r] || !ruleOn(rules, d.ruleIds[r])) continue;  // a rule turned off finds nothing to suppress
      const std::string where = d.wholeFile ? "in this file"
                                            : "on line " + std::to_string(d.comment->appliesToLine) +
                                                  (d.comment->ownLine ? " (the line after the directive)" : "");
      out.push_back(gateFinding(rules, kUnused, d.comment->location, files,
                                "kafkalint: " + std::string(d.wholeFile ? "ignore-file " : "ignore ") + d.ruleIds[r] +
                                    " matches no finding " + where +
                                    "; remove it, or put it on the line the finding is reported on"));
    }
  }
}

}  // namespace kafkalint::gate
