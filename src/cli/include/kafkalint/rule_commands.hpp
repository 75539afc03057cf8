// `kafkalint rules`, `kafkalint explain` and `kafkalint config show`. Each throws UsageError for
// what the user must fix.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kafkalint/config.hpp"
#include "kafkalint/rules.hpp"
#include "kafkalint/settings.hpp"

namespace kafkalint {

// The built-in rules plus those of the --rules directories; "rule file: ..." errors.
RuleSet loadRules(const std::vector<std::string>& dirs);

// `kafkalint rules`: the list (text, json, or the README's Markdown table), every rule's page
// (--docs DIR, --check), or the rule tests under a directory (--test DIR).
struct RulesRequest {
  std::string format = "text";
  std::vector<std::string> ruleDirs;
  std::string docsDir;
  bool checkDocs = false;
  std::string testDir;
};
// Returns the exit code: 1 when a rule test fails or a page is out of date.
int runRulesCommand(std::ostream& out, std::ostream& log, const RulesRequest& request);
void explainRule(std::ostream& out, const std::string& idOrName, const std::vector<std::string>& ruleDirs);
// The effective configuration (the file, its profile, the command line) and where each value
// comes from.
void showConfiguration(std::ostream& out, const ConfigSource& source, const std::vector<CommandLineSetting>& settings,
                       bool json);

}  // namespace kafkalint
