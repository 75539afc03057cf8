// kafkalint's command line: check, rules, explain, config show. Each subcommand's callback hands
// the parsed options to the cli library (kafkalint/check.hpp, kafkalint/rule_commands.hpp).
#include <CLI/CLI.hpp>
#include <iostream>

#include "kafkalint/check.hpp"
#include "kafkalint/command_line.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/report.hpp"
#include "kafkalint/rule_commands.hpp"

namespace kafkalint {
namespace {

int run(int argc, char** argv) {
  CLI::App app{"kafkalint: finds Kafka configurations that can lose messages", "kafkalint"};
  app.footer(kExitCodesHelp);
  app.set_version_flag("--version", std::string(toolVersion()));
  app.require_subcommand(1);
  int exitCode = 0;

  CLI::App* checkCommand = app.add_subcommand("check", "audit configuration files and directories");
  checkCommand->footer(kExitCodesHelp);
  CheckOptions check(*checkCommand);
  checkCommand->callback([&] {
    RunResult result = runCheck(check.request(RunEnvironment::ofProcess()));
    exitCode = publish(result, std::cout, std::cerr);
  });

  RulesRequest rules;
  CLI::App* rulesCommand = app.add_subcommand("rules", "list every rule: id, severity, name, summary");
  rulesCommand->add_option("--format", rules.format, "list format")->check(CLI::IsMember({"text", "json", "markdown"}));
  rulesCommand->add_option("--rules", rules.ruleDirs, "directory of additional rule files (YAML)")
      ->allow_extra_args(false);
  rulesCommand->add_option("--docs", rules.docsDir, "DIR: write every rule's page (Markdown) and the index into DIR");
  rulesCommand->add_flag("--check", rules.checkDocs, "with --docs: write nothing; exit 1 when a page is out of date");
  rulesCommand->add_option("--test", rules.testDir,
                           "DIR: run the rule tests (*.tests.yaml) under DIR against the built-in rules, --rules "
                           "and DIR's rule files; exit 1 when a case fails");
  rulesCommand->callback([&] { exitCode = runRulesCommand(std::cout, std::cerr, rules); });

  CLI::App* configCommand = app.add_subcommand("config", "the tool configuration (.kafkalint.toml)");
  configCommand->require_subcommand(1);
  CLI::App* showCommand =
      configCommand->add_subcommand("show", "print the effective configuration and where each value comes from");
  ConfigShowOptions show(*showCommand);
  showCommand->callback(
      [&] { showConfiguration(std::cout, show.source(RunEnvironment::ofProcess()), show.settings(), show.json()); });

  std::string explainId;
  std::vector<std::string> explainDirs;
  CLI::App* explainCommand = app.add_subcommand("explain", "full text of one rule: why it matters, how to fix it");
  explainCommand->add_option("rule", explainId, "rule id or name, e.g. KL0102")->required();
  explainCommand->add_option("--rules", explainDirs, "directory of additional rule files (YAML)")
      ->allow_extra_args(false);
  explainCommand->callback([&] { explainRule(std::cout, explainId, explainDirs); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << errorLine(e.what()) << "\nRun 'kafkalint --help' for usage.\n";
    return static_cast<int>(ExitCode::InputError);
  } catch (const UsageError& e) {  // rules, explain, config show; check returns its own
    std::cerr << errorLine(e.what()) << "\n";
    return static_cast<int>(ExitCode::InputError);
  }
  return exitCode;
}

}  // namespace
}  // namespace kafkalint

int main(int argc, char** argv) {
  try {
    return kafkalint::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kafkalint: internal error: " << e.what() << "\n";
    return 2;
  }
}
