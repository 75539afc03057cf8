// The settings .kafkalint.toml and the command line both set (settings.hpp): one table, which the
// TOML reader, the options, the merge and `config show` all follow.
#include "kafkalint/settings.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kafkalint/command_line.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/rule_commands.hpp"

namespace kafkalint {
namespace {

const SettingSpec& setting(std::string_view key) {
  for (const SettingSpec& s : toolSettings()) {
    if (s.key == key) return s;
  }
  FAIL("no setting " << key);
  return toolSettings().front();
}

CommandLineSetting given(std::string_view key, std::size_t form, std::vector<std::string> values = {}) {
  const SettingSpec& s = setting(key);
  return {&s, &s.commandLine.at(form), std::move(values)};
}

// The line of `config show` that starts with `start`.
std::string lineOf(const std::string& text, const std::string& start) {
  const std::size_t at = text.find("\n" + start);
  if (at == std::string::npos) return "";
  return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

std::string shown(const ToolConfig& config, bool json) {
  std::ostringstream out;
  writeToolConfig(out, config, RuleSet::builtin(), json);
  return out.str();
}

TEST_CASE("every setting has a key, a command-line form with help, and a field") {
  std::set<std::string_view> keys, options;
  for (const SettingSpec& s : toolSettings()) {
    CHECK(keys.insert(s.key).second);
    REQUIRE_FALSE(s.commandLine.empty());
    for (const CommandLineForm& f : s.commandLine) {
      CHECK(f.option.starts_with("--"));
      CHECK_FALSE(f.help.empty());
      CHECK(options.insert(f.option).second);
    }
  }
  CHECK(keys.size() == 10);
}

TEST_CASE("the TOML reader reads every row's key, checked as the row says") {
  const ToolConfig config = parseToolConfig(
      "/repo/.kafkalint.toml",
      "kafka-version = \"3.7\"\nfail-on = \"warning\"\nrule-dirs = [\"rules\"]\nexclude = [\"topic:_*\"]\n"
      "baseline = \"ci/b.toml\"\ninline-suppressions = false\n",
      "");
  CHECK(config.kafkaVersion.value == "3.7");
  CHECK(config.failOn.value == "warning");
  CHECK(config.failOn.origin.line == 2);
  CHECK(config.ruleDirs.value == std::vector<std::string>{"/repo/rules"});  // relative to the file
  CHECK(config.baseline.value == "/repo/ci/b.toml");
  CHECK_FALSE(config.inlineSuppressions.value);
  auto error = [](const std::string& text) {
    try {
      parseToolConfig("c.toml", text, "");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error("min-severity = \"fatal\"\n") ==
        "c.toml:1:16: expected min-severity = \"error\", \"warning\" or \"note\"");
  CHECK(error("exclude = [\"\"]\n") == "c.toml:1:11: an empty exclusion would match nothing");
  CHECK(error("client-version = \"x\"\n") == "c.toml:1:18: expected a Kafka release such as \"3.7\" or \"2.8.2\"");
  CHECK(error("select = \"x\"\n") == "c.toml:1:10: expected a list of strings for 'select', e.g. [\"KL0109\"]");
  CHECK(error("fail_on = 1\n")
            .find("(expected one of: kafka-version, client-version, fail-on, min-severity, "
                  "rule-dirs, select, ignore, exclude, baseline, inline-suppressions, severity, "
                  "params, suppress, suppression-files, profiles)") != std::string::npos);
}

TEST_CASE("a command-line value replaces the file's, or adds to its list") {
  ToolConfig config = parseToolConfig("c.toml", "fail-on = \"never\"\nselect = [\"a\"]\nexclude = [\"x\"]\n", "");
  applyCommandLine(config, {given("fail-on", 0, {"warning"}), given("select", 0, {"b"}), given("exclude", 0, {"y"}),
                            given("inline-suppressions", 0)});
  CHECK(config.failOn.value == "warning");
  CHECK(config.failOn.origin.kind == ConfigOrigin::Kind::CommandLine);
  CHECK(config.select.value == std::vector<std::string>{"b"});
  CHECK(config.exclude.value == std::vector<std::string>{"x", "y"});
  CHECK_FALSE(config.inlineSuppressions.value);
  applyCommandLine(config, {given("fail-on", 1)});  // --exit-zero
  CHECK(config.failOn.value == "never");
}

TEST_CASE("config show prints every row with its origin, in text and JSON") {
  ToolConfig config = parseToolConfig("c.toml", "min-severity = \"warning\"\n", "");
  applyCommandLine(config, {given("baseline", 0, {"b.toml"})});
  const std::string text = shown(config, false);
  for (const SettingSpec& s : toolSettings()) CHECK(text.find("\n" + std::string(s.key) + " = ") != std::string::npos);
  CHECK(text.find("kafka-version = (newest known)") != std::string::npos);
  CHECK(text.find("select = [] (every rule)") != std::string::npos);
  CHECK(lineOf(text, "min-severity = \"warning\" ").ends_with("  # c.toml:1"));
  CHECK(lineOf(text, "baseline = \"b.toml\" ").ends_with("  # command line"));
  const auto json = nlohmann::json::parse(shown(config, true));
  CHECK(json["kafka-version"]["value"].is_null());
  CHECK(json["select"]["value"] == nlohmann::json::array());
  CHECK(json["inline-suppressions"]["value"] == true);
  CHECK(json["baseline"]["origin"] == "command line");
}

TEST_CASE("config show shows what a check with the same options would use") {
  std::ostringstream out;
  ConfigSource none;
  none.none = true;
  showConfiguration(out, none, {given("fail-on", 1), given("ignore", 0, {"KL0109"})}, false);
  CHECK(lineOf(out.str(), "fail-on = \"never\" ").ends_with("  # command line"));
  CHECK(out.str().find("; off: [\"KL0109\"]") != std::string::npos);
  CHECK_THROWS_WITH_AS(showConfiguration(out, none, {given("rule-dirs", 0, {"/nonexistent"})}, false),
                       doctest::Contains("rule file: /nonexistent"), UsageError);
}

TEST_CASE("every form of every row is an option of check and config show") {
  for (const char* name : {"check", "show"}) {
    CLI::App app;
    CLI::App* command = app.add_subcommand(name);
    SettingOptions options;
    options.addTo(*command);
    for (const SettingSpec& s : toolSettings()) {
      for (const CommandLineForm& f : s.commandLine) CHECK(command->get_option_no_throw(std::string(f.option)));
    }
    app.parse(std::string(name) + " --min-severity warning --exit-zero --select a --select b", false);
    const std::vector<CommandLineSetting> given = options.given();
    REQUIRE(given.size() == 3);
    CHECK(given[0].form->option == "--exit-zero");  // table order: fail-on's forms, then min-severity...
    CHECK(given[1].values == std::vector<std::string>{"warning"});
    CHECK(given[2].values == std::vector<std::string>{"a", "b"});
    CHECK_THROWS_AS(app.parse(std::string(name) + " --fail-on sometimes", false), CLI::ValidationError);
  }
}

}  // namespace
}  // namespace kafkalint
