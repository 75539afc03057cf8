// `kafkalint rules`, `kafkalint explain`, `kafkalint config show` (rule_commands.hpp).
#include "kafkalint/rule_commands.hpp"

#include "kafkalint/errors.hpp"
#include "kafkalint/report.hpp"
#include "kafkalint/rule_docs.hpp"
#include "kafkalint/rule_tests.hpp"

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

int runRulesCommand(std::ostream& out, std::ostream& log, const RulesRequest& request) {
  if (!request.testDir.empty()) {
    const RuleTestReport report = runRuleTests(request.testDir, request.ruleDirs);
    writeRuleTestReport(out, report);
    return report.exitCode();
  }
  const RuleSet rules = loadRules(request.ruleDirs);
  if (!request.docsDir.empty()) return runRuleDocs(log, rules, request.docsDir, request.checkDocs);
  if (request.format == "markdown") {
    writeRuleTable(out, rules);
  } else {
    writeRuleList(out, rules, request.format == "json");
  }
  return 0;
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
