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

void listRules(std::ostream& out, const std::vector<std::string>& ruleDirs, bool json);
void explainRule(std::ostream& out, const std::string& idOrName, const std::vector<std::string>& ruleDirs);
// The effective configuration (the file, its profile, the command line) and where each value
// comes from.
void showConfiguration(std::ostream& out, const ConfigSource& source, const std::vector<CommandLineSetting>& settings,
                       bool json);

}  // namespace kafkalint
