// The steps of the gate (gate.cpp runs them in order): inline directives, [[suppress]] entries,
// the baseline match, and the findings about suppressions they produce.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/gate.hpp"

namespace kafkalint::gate {

// A finding of one of the suppression rules (KL9011-KL9013) at a place in the inputs.
Finding gateFinding(const RuleSet& rules, std::string_view ruleId, const SourceLocation& location,
                    const SourceFiles& files, std::string message);
bool ruleOn(const RuleSet& rules, std::string_view id);
// "[KIND:]GLOB" against an entity ("" matches any).
bool entityMatches(std::string_view selector, EntityKind kind, std::string_view name);

// The `kafkalint: ignore RULE -- reason` comments of the inputs, parsed once.
class InlineDirectives {
 public:
  InlineDirectives(const Model& model, const RuleSet& rules, bool enabled);
  // Suppresses the finding when a directive on its line (or an ignore-file one) names its rule;
  // every directive that does is used.
  void apply(Finding& finding);
  // KL9011 for the directives that cannot be applied, KL9012 for those that matched nothing.
  void addInvalid(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const;
  void addUnused(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const;

 private:
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
  void parse(const DirectiveComment& comment, const RuleSet& rules);

  std::vector<Directive> directives_;
  std::map<FileId, std::vector<std::size_t>> byFile_;
  std::vector<Problem> invalid_;
};

// The [[suppress]] entries of the tool configuration, and what each matched.
class SuppressionEntries {
 public:
  SuppressionEntries(const std::vector<SuppressionEntry>& entries, Date today);
  // Suppresses the finding when an entry that has not expired matches it; every entry that
  // matches counts, expired or not.
  void apply(Finding& finding, const SourceFiles& files);
  // KL9012 for the entries that matched nothing, KL9013 for the expired ones.
  void addUnused(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const;
  void addExpired(std::vector<Finding>& out, const RuleSet& rules, const SourceFiles& files) const;

 private:
  struct State {
    const SuppressionEntry* entry;
    bool expired = false;
    std::size_t matched = 0;
  };
  std::vector<State> entries_;
};

// Findings matched against a baseline, count by count, in the order they come.
class BaselineMatch {
 public:
  explicit BaselineMatch(const Baseline* baseline);
  // Sets the finding's baselineState (when there is a baseline): unchanged while its identity has
  // findings left in the baseline, else new. Findings that cannot be accepted are always new.
  void apply(Finding& finding, bool suppressible);
  // The entries with findings left over: fixed, or renamed.
  [[nodiscard]] std::vector<BaselineEntry> stale() const;

 private:
  const Baseline* baseline_;
  std::map<FindingIdentity, std::size_t> remaining_;
};

}  // namespace kafkalint::gate
