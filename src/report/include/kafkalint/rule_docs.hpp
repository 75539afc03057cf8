// Rule documentation, from the rules the engine runs: `kafkalint rules` (the list), `kafkalint
// explain ID` (a rule's page as text) and `kafkalint rules --docs DIR` (the same pages in
// Markdown, docs/rules/, with the reference of templates, fields and functions).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "kafkalint/rules.hpp"

namespace kafkalint {

// id, severity, name, summary: aligned text, or a JSON array.
void writeRuleList(std::ostream& out, const RuleSet& rules, bool json);
// The same as a Markdown table (the README's rule table).
void writeRuleTable(std::ostream& out, const RuleSet& rules);
// A rule's page as text (kafkalint explain) and as Markdown (docs/rules/ID.md).
void writeRuleExplanation(std::ostream& out, const RuleInfo& rule);
void writeRulePage(std::ostream& out, const RuleInfo& rule);

// docs/rules/README.md: the index of the rules and the reference of templates, fields, functions.
void writeRuleIndex(std::ostream& out, const RuleSet& rules);

// Every page of the rule documentation by file name: README.md (the index and the reference of
// templates, rule-file fields and functions) and ID.md for each rule.
std::map<std::string, std::string> ruleDocPages(const RuleSet& rules);
// Writes the pages into `dir` and removes other *.md files there; with `checkOnly`, changes
// nothing. Returns the names of the files that were (or would be) written or removed.
// Throws InputError when the directory cannot be read or written.
std::vector<std::string> syncRuleDocs(const RuleSet& rules, const std::string& dir, bool checkOnly);
// `kafkalint rules --docs DIR [--check]`: syncRuleDocs, saying on `log` what changed or is out of
// date. Returns the exit code: 1 when checking and a page is out of date, else 0.
int runRuleDocs(std::ostream& log, const RuleSet& rules, const std::string& dir, bool checkOnly);

}  // namespace kafkalint
