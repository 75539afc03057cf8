// The tool configuration: .kafkalint.toml's keys and values, rule selection, severities,
// parameters, profiles, and where the file is found.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "kafkalint/config.hpp"
#include "kafkalint/errors.hpp"
#include "support.hpp"

namespace kafkalint {
namespace {

using test::Audit;
using test::auditWritten;

namespace fs = std::filesystem;

fs::path freshDir() {
  static std::atomic<int> counter{0};
  fs::path dir =
      fs::temp_directory_path() / ("kafkalint-config-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  return dir;
}

std::string writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
  return path.string();
}

ToolConfig configFrom(const std::string& text, const std::string& profile = "") {
  return loadToolConfig(writeFile(freshDir() / ".kafkalint.toml", text), profile);
}

// The error loading or applying a configuration gives ("" when there is none).
std::string configError(const std::string& text, const std::string& profile = "") {
  try {
    ToolConfig config = configFrom(text, profile);
    RuleSet rules = RuleSet::builtin();
    configureRules(rules, config);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("unknown keys in the configuration are errors at their line, with a suggestion") {
  const std::string e = configError("fail-on = \"error\"\nfail_on = \"warning\"\n");
  CHECK(e.find(".kafkalint.toml:2:1: unknown key 'fail_on'; did you mean 'fail-on'?") != std::string::npos);
  CHECK(configError("[[suppress]]\nrule = \"KL0201\"\nreason = \"x\"\nexpiry = 2027-01-01\n")
            .find(":4:1: unknown key 'expiry' (expected one of: rule, entity, file, reason, expires)") !=
        std::string::npos);
}

TEST_CASE("values of the wrong kind are errors naming what was expected") {
  CHECK(configError("fail-on = \"errors\"\n").find(":1:") != std::string::npos);
  CHECK(configError("ignore = \"KL0109\"\n").find("expected a list of strings for 'ignore'") != std::string::npos);
  CHECK(configError("kafka-version = \"three\"\n").find("expected a Kafka release") != std::string::npos);
  CHECK(configError("inline-suppressions = \"no\"\n").find("expected inline-suppressions = true or false") !=
        std::string::npos);
  CHECK(configError("fail-on = [\n").find("TOML syntax error") != std::string::npos);
}

TEST_CASE("select, ignore and severity take ids, names and tags; unknown ones are errors") {
  ToolConfig config = configFrom(
      "select = [\"topic\"]\nignore = [\"topic-replication-factor-unset\"]\n[severity]\nKL0202 = \"warning\"\n");
  RuleSet rules = RuleSet::builtin();
  configureRules(rules, config);
  CHECK(rules.find("KL0201")->enabled);
  CHECK_FALSE(rules.find("KL0204")->enabled);
  CHECK_FALSE(rules.find("KL0301")->enabled);  // not tagged topic
  CHECK(rules.find("KL9009")->enabled);        // checks that could not be made always run
  CHECK(rules.find("KL9004")->enabled);
  CHECK(rules.find("KL0202")->severity == Severity::Warning);

  CHECK(configError("ignore = [\"KL0201x\"]\n")
            .find("'KL0201x' is not a rule id, rule name or tag; did you mean "
                  "'KL0201'?") != std::string::npos);
  CHECK(configError("select = [\"durabilty\"]\n").find("did you mean 'durability'?") != std::string::npos);
  CHECK(configError("[severity]\nKL0202 = \"fatal\"\n").find(":2:") != std::string::npos);
}

TEST_CASE("the rules that report checks that could not be made cannot be turned off or downgraded") {
  CHECK(configError("ignore = [\"KL9009\"]\n").find("cannot be turned off") != std::string::npos);
  CHECK(configError("ignore = [\"could-not-verify\"]\n").find("cannot be turned off") != std::string::npos);
  CHECK(configError("[severity]\nKL9010 = \"note\"\n").find("keeps its severity") != std::string::npos);
  CHECK(configError("[[suppress]]\nrule = \"KL9004\"\nreason = \"x\"\n").find("cannot be suppressed") !=
        std::string::npos);
  // A tag that spans them ignores the others and leaves them on.
  ToolConfig config = configFrom("ignore = [\"gate\"]\n");
  RuleSet rules = RuleSet::builtin();
  configureRules(rules, config);
  CHECK(rules.find("KL9009")->enabled);
}

TEST_CASE("parameters: for every rule that has one, or for one rule; wrong names and kinds are errors") {
  ToolConfig config = configFrom("[params]\nmin_replication_factor = 2\n");
  RuleSet rules = RuleSet::builtin();
  configureRules(rules, config);
  Audit a = auditWritten({{"spec.yaml",
                           "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                           "topics:\n  - {name: t2, replication_factor: 2, config: {min.insync.replicas: 1}}\n"}});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1"), *KafkaVersion::parse("4.1")});
  const std::vector<Finding> findings = evaluate(a.loaded.model, rules, resolver);
  const bool kl0201 =
      std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.ruleId == "KL0201"; });
  CHECK_FALSE(kl0201);  // replication factor 2 is enough for a two-zone cluster
  CHECK(std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.ruleId == "KL0201"; }));

  CHECK(configError("[params]\nmin_replication = 2\n").find("no rule has a parameter 'min_replication'") !=
        std::string::npos);
  CHECK(configError("[params.KL0201]\nmin_rf = 2\n").find("has no parameter 'min_rf'") != std::string::npos);
  CHECK(configError("[params.KL0201]\nmin_replication_factor = \"two\"\n").find("expects") != std::string::npos);
  CHECK(configError("[params.KL0201]\nmin_replication_factor = 2\n").empty());
}

TEST_CASE("profiles replace the settings they give and keep the others; an unknown profile is an error") {
  const std::string text =
      "fail-on = \"warning\"\nignore = [\"KL0109\"]\n[severity]\nKL0402 = \"note\"\n"
      "[profiles.dev]\nignore = [\"replication\"]\n[profiles.dev.params]\nmin_replication_factor = 1\n";
  ToolConfig dev = configFrom(text, "dev");
  CHECK(dev.failOn.value == "warning");
  CHECK(dev.failOn.origin.kind == ConfigOrigin::Kind::File);
  CHECK(dev.ignore.value == std::vector<std::string>{"replication"});
  CHECK(dev.ignore.origin.str().starts_with("profile dev ("));
  CHECK(dev.ignore.origin.line == 6);
  CHECK(dev.params.at("min_replication_factor").value == Value(std::int64_t{1}));
  CHECK(dev.severity.at("KL0402").value == "note");
  ToolConfig base = configFrom(text);
  CHECK(base.ignore.value == std::vector<std::string>{"KL0109"});
  CHECK(base.profiles == std::vector<std::string>{"dev"});
  CHECK(configError(text, "prod").find("--profile prod: no such profile (defined: dev)") != std::string::npos);
}

TEST_CASE("the configuration is found upwards from the working directory, up to the repository root") {
  const fs::path repo = freshDir();
  fs::create_directories(repo / ".git");
  writeFile(repo / ".kafkalint.toml", "");
  fs::create_directories(repo / "a" / "b");
  CHECK(discoverToolConfig(repo / "a" / "b") == repo / ".kafkalint.toml");
  writeFile(repo / "a" / ".kafkalint.toml", "");
  CHECK(discoverToolConfig(repo / "a" / "b") == repo / "a" / ".kafkalint.toml");
  // Not above the repository root.
  const fs::path outer = freshDir();
  writeFile(outer / ".kafkalint.toml", "");
  fs::create_directories(outer / "inner" / ".git");
  CHECK_FALSE(discoverToolConfig(outer / "inner").has_value());
}

}  // namespace
}  // namespace kafkalint
