// The gate: tool configuration, inline suppressions, [[suppress]] entries, baselines.
#include "kafkalint/gate.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "kafkalint/errors.hpp"
#include "kafkalint/glob.hpp"
#include "support.hpp"

namespace kafkalint {
namespace {

using test::Audit;
using test::audit;
using test::auditWritten;
using test::builtinRules;

namespace fs = std::filesystem;

fs::path freshDir() {
  static std::atomic<int> counter{0};
  fs::path dir =
      fs::temp_directory_path() / ("kafkalint-gate-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
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

GateResult gate(Audit& a, const ToolConfig* config = nullptr, const Baseline* baseline = nullptr,
                Severity minSeverity = Severity::Note, bool showSuppressed = false) {
  // As a run does: the suppression entries located in the files of the run.
  ToolConfig located = config != nullptr ? *config : ToolConfig{};
  locateSuppressionEntries(located, a.loaded.model.files);
  GateOptions options;
  options.config = config != nullptr ? &located : nullptr;
  options.baseline = baseline;
  options.minSeverity = minSeverity;
  options.showSuppressed = showSuppressed;
  options.today = Date{2026, 11, 22};
  return applyGate(a.findings, a.loaded.model, builtinRules(), options);
}

std::vector<const Finding*> byRule(const GateResult& g, std::string_view id) {
  std::vector<const Finding*> out;
  for (const Finding& f : g.reported) {
    if (f.ruleId == id) out.push_back(&f);
  }
  return out;
}

std::string describe(const GateResult& g) {
  std::string out;
  for (const Finding& f : g.reported) {
    out += f.ruleId + " line " + std::to_string(f.location.line) + ": " + f.message +
           (f.suppressions.empty() ? "" : " [suppressed: " + f.suppressions[0].justification + "]") + "\n";
  }
  return out;
}

// --- comments -------------------------------------------------------------------------------

TEST_CASE("a directive on its own line applies to the next line that is not a comment") {
  Audit a = audit(
      "# kafkalint: ignore KL0301 -- the gateway resends from its own journal\n"
      "# kafkalint: ignore KL0302 -- as above\n"
      "acks=1\nretries=0\n",
      {.name = "p.properties", .kind = "producer"});
  REQUIRE(a.loaded.model.directives.size() == 2);
  CHECK(a.loaded.model.directives[0].appliesToLine == 3);
  CHECK(a.loaded.model.directives[1].appliesToLine == 3);
  GateResult g = gate(a);
  INFO(describe(g));
  CHECK(byRule(g, "KL0301").empty());
  CHECK(g.summary.suppressedInline == 1);
  // KL0302 is reported on line 4, not line 3: the second directive suppresses nothing.
  CHECK(byRule(g, "KL0302").size() == 1);
  REQUIRE(byRule(g, "KL9012").size() == 1);
  CHECK(byRule(g, "KL9012")[0]->location.line == 2);
}

TEST_CASE("in a .properties file a # after a value is part of the value, not a directive") {
  Audit a = audit("acks=1 # kafkalint: ignore KL0301 -- no\n", {.name = "p.properties", .kind = "producer"});
  CHECK(a.loaded.model.directives.empty());
}

TEST_CASE("YAML and TOML directives after a value apply to their own line; # inside quotes is text") {
  Audit a = auditWritten({{"topic.yaml",
                           "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\n"
                           "spec:\n  partitions: 3\n"
                           "  replicas: 1 # kafkalint: ignore topic-replication-factor -- scratch topic\n"
                           "  config:\n    retention.ms: \"1 # kafkalint: ignore KL0202 -- inside a string\"\n"},
                          {"spec.toml",
                           "kafkalint = \"cluster-spec/v1\"\n[cluster]\nname = \"c\"\nbrokers = 3\n[[topics]]\n"
                           "name = \"t1\"\nreplication_factor = 1  # kafkalint: ignore KL0201 -- test data\n"}});
  CHECK(a.loaded.model.directives.size() == 2);
  GateResult g = gate(a);
  INFO(describe(g));
  CHECK(byRule(g, "KL0201").empty());
  CHECK(g.summary.suppressedInline == 2);
  CHECK(byRule(g, "KL9012").empty());
}

TEST_CASE("ignore-file suppresses a rule anywhere in the file") {
  Audit a = audit(
      "# kafkalint: ignore-file KL0301, producer-retries-disabled -- a load-test producer\n"
      "acks=0\nretries=0\n",
      {.name = "p.properties", .kind = "producer"});
  GateResult g = gate(a);
  INFO(describe(g));
  CHECK(byRule(g, "KL0301").empty());
  CHECK(byRule(g, "KL0302").empty());
  CHECK(g.summary.suppressedInline == 2);
}

TEST_CASE("malformed directives, unknown rules and fail-closed rules are findings, and suppress nothing") {
  Audit a = audit(
      "# kafkalint: ignore KL0301\n"                          // no reason
      "acks=1\n"                                              //
      "# kafkalint: ignore KL0302 --   \n"                    // empty reason
      "retries=0\n"                                           //
      "# kafkalint: disable KL0301 -- wrong verb\n"           //
      "# kafkalint: ignore KL9999 -- no such rule\n"          //
      "# kafkalint: ignore KL9004 -- cannot be suppressed\n"  //
      "# kafkalint: ignore -- no rule\n"                      //
      "linger.ms=5\n",
      {.name = "p.properties", .kind = "producer"});
  GateResult g = gate(a);
  INFO(describe(g));
  CHECK(byRule(g, "KL0301").size() == 1);
  CHECK(byRule(g, "KL0302").size() == 1);
  const auto invalid = byRule(g, "KL9011");
  REQUIRE(invalid.size() == 6);
  CHECK(invalid[0]->location.line == 1);
  CHECK(invalid[0]->message.find("a reason is required") != std::string::npos);
  CHECK(invalid[2]->message.find("unknown directive 'disable'") != std::string::npos);
  CHECK(invalid[3]->message.find("'KL9999' is not a rule id or name") != std::string::npos);
  CHECK(invalid[4]->message.find("cannot be suppressed") != std::string::npos);
  CHECK(invalid[5]->message.find("names no rule") != std::string::npos);
  CHECK(invalid[0]->severity == Severity::Error);
}

TEST_CASE("--no-inline-suppressions: directives neither suppress nor produce findings") {
  Audit a = audit("# kafkalint: ignore KL0301 -- accepted\nacks=1\n# kafkalint: bogus\n",
                  {.name = "p.properties", .kind = "producer"});
  ToolConfig config;
  config.inlineSuppressions.value = false;
  GateResult g = gate(a, &config);
  CHECK(byRule(g, "KL0301").size() == 1);
  CHECK(byRule(g, "KL9011").empty());
  CHECK(byRule(g, "KL9012").empty());
  CHECK(g.summary.suppressedInline == 0);
}

TEST_CASE("suppressed findings are counted, and reported only with --show-suppressed") {
  Audit a = audit("# kafkalint: ignore KL0301 -- accepted\nacks=1\n", {.name = "p.properties", .kind = "producer"});
  GateResult hidden = gate(a);
  CHECK(byRule(hidden, "KL0301").empty());
  GateResult shown = gate(a, nullptr, nullptr, Severity::Note, true);
  REQUIRE(byRule(shown, "KL0301").size() == 1);
  const Finding& f = *byRule(shown, "KL0301")[0];
  CHECK_FALSE(countsForGate(f));
  REQUIRE(f.suppressions.size() == 1);
  CHECK(f.suppressions[0].kind == Suppression::Kind::InSource);
  CHECK(f.suppressions[0].justification == "accepted");
  CHECK(shown.summary.suppressedInline == 1);
}

// --- globs ------------------------------------------------------------------------------------

TEST_CASE("globs: * and ? within a name, ** across directories in paths") {
  CHECK(globMatch("_confluent-*", "_confluent-metrics", false));
  CHECK_FALSE(globMatch("_confluent-*", "confluent-metrics", false));
  CHECK(globMatch("orders.v?", "orders.v2", false));
  CHECK(globMatch("*", "", false));
  CHECK(globMatch("a*b*c", "a-b-b-c", false));
  CHECK_FALSE(globMatch("a*b*c", "a-b-b-d", false));
  CHECK(globMatch("envs/*/broker.properties", "envs/dev/broker.properties", true));
  CHECK_FALSE(globMatch("envs/*.properties", "envs/dev/broker.properties", true));
  CHECK(globMatch("envs/**/broker.properties", "envs/dev/eu/broker.properties", true));
  CHECK(globMatch("envs/**/broker.properties", "envs/broker.properties", true));
  CHECK(globMatch("**", "a/b/c", true));
  // Quadratic at worst: a pattern that backtracks exponentially elsewhere returns at once here.
  CHECK_FALSE(globMatch(std::string(30, '*') + "b", std::string(5000, 'a'), false));
}

TEST_CASE("excluded entities are left out of the findings and counted") {
  Audit a = auditWritten({{"spec.yaml",
                           "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                           "topics:\n  - {name: _confluent-metrics, replication_factor: 1}\n"
                           "  - {name: orders, replication_factor: 1}\n"}});
  ToolConfig config;
  config.exclude.value = {"topic:_confluent-*"};
  GateResult g = gate(a, &config);
  INFO(describe(g));
  REQUIRE(byRule(g, "KL0201").size() == 1);
  CHECK(byRule(g, "KL0201")[0]->entityName == "orders");
  CHECK(g.summary.excluded >= 1);
  CHECK(isExcluded(config, EntityKind::Topic, "_confluent-command"));
  CHECK_FALSE(isExcluded(config, EntityKind::Producer, "_confluent-command"));
  CHECK(configError("exclude = [\"topics:_x*\"]\n").find("'topics' in 'topics:_x*' is not an entity kind") !=
        std::string::npos);
}

// --- [[suppress]] entries ---------------------------------------------------------------------

TEST_CASE("a [[suppress]] entry accepts findings by rule, entity and file until it expires") {
  Audit a =
      auditWritten({{"spec.yaml",
                     "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                     "topics:\n  - {name: legacy-a, replication_factor: 1}\n"
                     "  - {name: legacy-b, replication_factor: 1}\n  - {name: orders, replication_factor: 1}\n"}});
  ToolConfig config = configFrom(
      "[[suppress]]\nrule = \"topic-replication-factor\"\nentity = \"topic:legacy-*\"\nfile = \"**/spec.yaml\"\n"
      "reason = \"migrated in Q1 (PLAT-7)\"\nexpires = 2027-03-31\n"
      "\n[[suppress]]\nrule = [\"KL0202\"]\nentity = \"topic:nothing-*\"\nreason = \"matches nothing\"\n"
      "\n[[suppress]]\nrule = \"KL0201\"\nentity = \"orders\"\nreason = \"too late\"\nexpires = \"2026-11-01\"\n");
  RuleSet rules = RuleSet::builtin();
  configureRules(rules, config);
  GateResult g = gate(a, &config);
  INFO(describe(g));
  REQUIRE(byRule(g, "KL0201").size() == 1);  // orders: its entry expired
  CHECK(byRule(g, "KL0201")[0]->entityName == "orders");
  CHECK(g.summary.suppressedByEntry == 2);
  const auto unused = byRule(g, "KL9012");
  REQUIRE(unused.size() == 1);
  CHECK(unused[0]->location.line == 8);
  CHECK(a.loaded.model.files.path(unused[0]->location.file).ends_with(".kafkalint.toml"));
  const auto expired = byRule(g, "KL9013");
  REQUIRE(expired.size() == 1);
  CHECK(expired[0]->location.line == 13);
  CHECK(expired[0]->message.find("expired on 2026-11-01") != std::string::npos);
  CHECK(expired[0]->message.find("1 finding is reported again") != std::string::npos);
}

TEST_CASE("a [[suppress]] entry needs a rule and a reason, and a real date") {
  CHECK(configError("[[suppress]]\nrule = \"KL0201\"\n").find(":1:1: a [[suppress]] entry needs a reason") !=
        std::string::npos);
  CHECK(configError("[[suppress]]\nreason = \"x\"\n").find("needs rule") != std::string::npos);
  CHECK(configError("[[suppress]]\nrule = \"KL0201\"\nreason = \"x\"\nexpires = \"2027-02-30\"\n").find(":4:") !=
        std::string::npos);
  CHECK(configError("[[suppress]]\nrule = \"KL0201\"\nreason = \"x\"\nexpires = \"soon\"\n").find("expected a date") !=
        std::string::npos);
}

TEST_CASE("a suppression file holds only [[suppress]] entries") {
  const fs::path dir = freshDir();
  ToolConfig config;
  loadSuppressionFile(config, writeFile(dir / "s.toml", "[[suppress]]\nrule = \"KL0201\"\nreason = \"x\"\n"));
  CHECK(config.suppressions.size() == 1);
  CHECK_THROWS_WITH_AS(loadSuppressionFile(config, writeFile(dir / "t.toml", "fail-on = \"never\"\n")),
                       doctest::Contains("expected only [[suppress]] entries"), InputError);
}

// --- baselines --------------------------------------------------------------------------------

TEST_CASE("a baseline written and read back accepts the same findings; new and stale ones are told apart") {
  Audit before = audit("acks=1\nretries=0\nenable.idempotence=false\n", {.name = "p.properties", .kind = "producer"});
  GateResult first = gate(before);
  const fs::path file = freshDir() / "baseline.toml";
  writeFile(file, baselineText(first.accepted, before.loaded.model.files));
  const Baseline baseline = readBaseline(file.string());
  CHECK(baseline.entries.size() == first.accepted.size());

  // The same findings, moved to other lines: all in the baseline.
  Audit moved = audit("# a comment\n\nenable.idempotence=false\nretries=0\nacks=1\n",
                      {.name = "p.properties", .kind = "producer"});
  GateResult same = gate(moved, nullptr, &baseline);
  INFO(describe(same));
  CHECK(same.reported.empty());
  CHECK(same.summary.baselined == first.accepted.size());
  CHECK(same.summary.staleBaseline.empty());

  // One fixed, one new.
  Audit changed = audit("acks=0\nretries=0\nenable.idempotence=false\ndelivery.timeout.ms=1000\n",
                        {.name = "p.properties", .kind = "producer"});
  GateResult next = gate(changed, nullptr, &baseline, Severity::Note, true);
  INFO(describe(next));
  for (const Finding& f : next.reported) {
    CHECK(f.baselineState != BaselineState::None);
  }
  bool anyNew = false;
  for (const Finding& f : next.reported) anyNew = anyNew || f.baselineState == BaselineState::New;
  CHECK(anyNew);
}

TEST_CASE("a baseline counts findings: a second finding with the same identity is new") {
  Audit a = audit("acks=1\nacks=0\nacks=1\n", {.name = "p.properties", .kind = "producer"});
  REQUIRE(a.byRule("KL9003").size() == 2);
  std::vector<Finding> one;
  for (const Finding& f : a.findings) {
    if (f.ruleId != "KL9003" || one.empty() || one.back().ruleId != "KL9003") one.push_back(f);
  }
  const Baseline baseline = baselineOf(one, "b.toml");
  GateResult g = gate(a, nullptr, &baseline);
  INFO(describe(g));
  REQUIRE(byRule(g, "KL9003").size() == 1);
  CHECK(byRule(g, "KL9003")[0]->baselineState == BaselineState::New);
}

TEST_CASE("a stale baseline entry is reported with its line") {
  const fs::path file = freshDir() / "b.toml";
  writeFile(
      file,
      "version = 1\n\n[[finding]]\nrule = \"KL0201\"\nentity = \"topic:gone\"\nkeys = [\"replication.factor\"]\n");
  const Baseline baseline = readBaseline(file.string());
  Audit a = audit("acks=all\n", {.name = "p.properties", .kind = "producer"});
  GateResult g = gate(a, nullptr, &baseline);
  REQUIRE(g.summary.staleBaseline.size() == 1);
  CHECK(g.summary.staleBaseline[0].line == 3);
  CHECK(g.summary.staleBaseline[0].identity.entity == "topic:gone");
}

TEST_CASE("findings of rules that could not check are never accepted by a baseline") {
  Audit a = audit("acks=${ACKS}\n", {.name = "p.properties", .kind = "producer"});
  REQUIRE(a.has("KL9004"));
  const Baseline baseline = baselineOf(a.findings, "b.toml");
  GateResult g = gate(a, nullptr, &baseline);
  INFO(describe(g));
  REQUIRE(byRule(g, "KL9004").size() == 1);
  CHECK(byRule(g, "KL9004")[0]->baselineState == BaselineState::New);
  CHECK(countsForGate(*byRule(g, "KL9004")[0]));
  for (const Finding& f : g.accepted) CHECK(f.ruleId != "KL9004");
}

TEST_CASE("a malformed baseline is an error naming file and line") {
  const fs::path dir = freshDir();
  CHECK_THROWS_WITH_AS(readBaseline(writeFile(dir / "a.toml", "[[finding]]\nrule = \"KL0201\"\n")),
                       doctest::Contains("a.toml:1: not a kafkalint baseline"), InputError);
  CHECK_THROWS_WITH_AS(readBaseline(writeFile(dir / "b.toml", "version = 1\n[[finding]]\nrule = \"KL0201\"\n")),
                       doctest::Contains("b.toml:2:1: a [[finding]] entry needs 'entity'"), InputError);
  CHECK_THROWS_WITH_AS(
      readBaseline(writeFile(dir / "c.toml", "version = 1\n[[finding]]\nrule = \"KL0201\"\nentity = \"x\"\n")),
      doctest::Contains("c.toml:4:"), InputError);
  CHECK_THROWS_WITH_AS(readBaseline(writeFile(dir / "d.toml", "version = 2\n")),
                       doctest::Contains("unsupported baseline version"), InputError);
  CHECK_THROWS_WITH_AS(readBaseline(writeFile(dir / "e.toml", "version = 1\nextra = 1\n")),
                       doctest::Contains("e.toml:2:9: unknown key 'extra'"), InputError);
}

TEST_CASE("baseline text escapes what TOML needs and does not depend on the finding order") {
  Finding f;
  f.ruleId = "KL0201";
  f.ruleName = "topic-replication-factor";
  f.entityKind = EntityKind::Topic;
  f.entityName = "we\"ird\\name\x01";
  f.keys = {"replication.factor"};
  f.message = "line one\nline two";
  Finding g = f;
  g.entityName = "another";
  SourceFiles files;
  const std::string text = baselineText({f, g}, files);
  CHECK(text == baselineText({g, f}, files));
  const fs::path file = freshDir() / "b.toml";
  writeFile(file, text);
  const Baseline b = readBaseline(file.string());
  REQUIRE(b.entries.size() == 2);
  CHECK(b.entries[1].identity == identityOf(f));
  CHECK(b.entries[1].message == "line one\nline two");
}

TEST_CASE("min-severity leaves findings out of the report and counts them") {
  Audit a =
      audit("acks=1\nauto.offset.reset=latest\nenable.auto.commit=true\n", {.name = "c.properties", .kind = "client"});
  GateResult all = gate(a);
  GateResult errors = gate(a, nullptr, nullptr, Severity::Error);
  CHECK(errors.reported.size() < all.reported.size());
  for (const Finding& f : errors.reported) CHECK(f.severity == Severity::Error);
  CHECK(errors.summary.belowMinSeverity == all.reported.size() - errors.reported.size());
}

}  // namespace
}  // namespace kafkalint
