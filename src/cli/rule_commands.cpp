// `kafkalint rules`, `kafkalint explain`, `kafkalint config show` (rule_commands.hpp).
#include "kafkalint/rule_commands.hpp"

#include "kafkalint/errors.hpp"
#include "kafkalint/report.hpp"

namespace kafkalint {

RuleSet loadRules(const std::vector<std::string>& dirs) {
  try {
    RuleSet rules = RuleSet::builtin();
    for (const std::string& d : dirs) rules.addDirectory(d);
    return rules;
  } catch (const InputError& e) {
    throw UsageError(std::string("rule file: ") + e.what());
  }
}

void listRules(std::ostream& out, const std::vector<std::string>& ruleDirs, bool json) {
  writeRuleList(out, loadRules(ruleDirs), json);
}

void explainRule(std::ostream& out, const std::string& idOrName, const std::vector<std::string>& ruleDirs) {
  const RuleSet rules = loadRules(ruleDirs);
  const RuleInfo* rule = rules.find(idOrName);
  if (rule == nullptr) throw UsageError("no rule with id or name '" + idOrName + "' (kafkalint rules lists them)");
  writeRuleExplanation(out, *rule);
}

void showConfiguration(std::ostream& out, const ConfigSource& source, const std::vector<CommandLineSetting>& settings,
                       bool json) {
  ToolConfig config = readToolConfig(source);
  applyCommandLine(config, settings);
  RuleSet rules = loadRules(config.ruleDirs.value);
  configureRules(rules, config);
  writeToolConfig(out, config, rules, json);
}

}  // namespace kafkalint
