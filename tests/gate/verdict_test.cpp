// The verdict of the gate, --write-baseline in one pass, excluded budgets, and the one finding
// identity.
#include <doctest/doctest.h>

#include "kafkalint/gate.hpp"
#include "kafkalint/text.hpp"
#include "support.hpp"

namespace kafkalint {
namespace {

using test::Audit;
using test::audit;
using test::builtinRules;

// --- the verdict ------------------------------------------------------------------------------

Finding findingOf(std::string_view rule, Severity severity) {
  Finding f;
  f.ruleId = std::string(rule);
  f.severity = severity;
  return f;
}

TEST_CASE("the verdict: 2 wins over 3, and 3 over 1; fail-on decides 1") {
  Audit a = audit("acks=all\n", {.name = "p.properties", .kind = "producer"});
  const Model& model = a.loaded.model;
  const RuleSet& rules = builtinRules();
  const std::vector<Finding> warning = {findingOf("KL0304", Severity::Warning)};
  CHECK(decideVerdict(warning, model, rules, {}).exitCode == ExitCode::Ok);
  const Verdict failing = decideVerdict(warning, model, rules, {.failOn = Severity::Warning});
  CHECK(failing.exitCode == ExitCode::Findings);
  CHECK(failing.failing == 1);
  CHECK(decideVerdict(warning, model, rules, {.failOn = std::nullopt}).exitCode == ExitCode::Ok);  // never
  std::vector<Finding> unverified = {findingOf("KL0301", Severity::Error), findingOf("KL9009", Severity::Error)};
  const Verdict three = decideVerdict(unverified, model, rules, {});
  CHECK(three.exitCode == ExitCode::CouldNotVerify);
  CHECK(three.unverified == 1);
  CHECK_FALSE(three.auditComplete());
  CHECK(decideVerdict(unverified, model, rules, {.inputErrors = 1}).exitCode == ExitCode::InputError);
  // Accepted findings do not fail the run.
  unverified[0].suppressions.push_back({Suppression::Kind::InSource, "accepted"});
  CHECK(decideVerdict({unverified[0]}, model, rules, {}).exitCode == ExitCode::Ok);
}

TEST_CASE("the verdict: nothing checked is exit 2, unless --allow-empty") {
  const Model empty;
  const Verdict v = decideVerdict({}, empty, builtinRules(), {});
  CHECK(v.exitCode == ExitCode::InputError);
  CHECK(v.nothingChecked);
  CHECK(v.description() == "usage error or input that could not be used");
  CHECK(decideVerdict({}, empty, builtinRules(), {.allowEmpty = true}).exitCode == ExitCode::Ok);
  const Verdict unreadable = decideVerdict({}, empty, builtinRules(), {.inputErrors = 1});
  CHECK(unreadable.exitCode == ExitCode::InputError);
  CHECK_FALSE(unreadable.nothingChecked);  // the input error says why
}

TEST_CASE("applyGate returns the verdict over what it leaves") {
  Audit a = audit("# kafkalint: ignore KL0301 -- accepted\nacks=0\n", {.name = "p.properties", .kind = "producer"});
  GateOptions options;
  CHECK(applyGate(a.findings, a.loaded.model, builtinRules(), options).verdict.exitCode == ExitCode::Ok);
  ToolConfig config;
  config.inlineSuppressions.value = false;
  options.config = &config;
  const GateResult g = applyGate(a.findings, a.loaded.model, builtinRules(), options);
  CHECK(g.verdict.exitCode == ExitCode::Findings);
  CHECK(g.verdict.failing == 1);
}

TEST_CASE("--write-baseline: the accepted findings are the run's baseline, in one pass") {
  Audit a = audit("# kafkalint: ignore KL0301 -- accepted\nacks=0\nretries=0\nenable.idempotence=false\n",
                  {.name = "p.properties", .kind = "producer"});
  GateOptions options;
  options.recordBaseline = "new-baseline.toml";
  options.showSuppressed = true;
  const std::size_t files = a.loaded.model.files.size();
  const GateResult g = applyGate(a.findings, a.loaded.model, builtinRules(), options);
  CHECK(a.loaded.model.files.size() == files);  // the gate only reads the model
  CHECK(g.verdict.exitCode == ExitCode::Ok);
  CHECK(g.summary.baselineUsed);
  CHECK(g.summary.baselinePath == "new-baseline.toml");
  CHECK(g.summary.baselined == g.accepted.size());
  CHECK(g.summary.staleBaseline.empty());
  for (const Finding& f : g.reported) {
    CHECK(f.baselineState == (f.suppressions.empty() ? BaselineState::Unchanged : BaselineState::New));
  }
  // The same as writing the baseline and reading it back.
  const Baseline written = baselineOf(g.accepted, "new-baseline.toml");
  GateOptions again;
  again.baseline = &written;
  again.showSuppressed = true;
  const GateResult g2 = applyGate(a.findings, a.loaded.model, builtinRules(), again);
  CHECK(g2.summary.baselined == g.summary.baselined);
  CHECK(g2.reported.size() == g.reported.size());
}

TEST_CASE("excluded topics have no durability budget in the reports") {
  Model model;
  Entity& kept = model.entities.emplace_back();
  kept.kind = EntityKind::Topic;
  kept.name = "orders";
  Entity& excluded = model.entities.emplace_back();
  excluded.kind = EntityKind::Topic;
  excluded.name = "_confluent-metrics";
  std::vector<TopicBudget> budgets(2);
  budgets[0].topic = &kept;
  budgets[1].topic = &excluded;
  ToolConfig config;
  config.exclude.value = {"topic:_confluent-*"};
  const std::vector<TopicBudget> left = excludeBudgets(budgets, config);
  REQUIRE(left.size() == 1);
  CHECK(left[0].topic->name == "orders");
}

TEST_CASE("one identity: the baseline's key and the reports' fingerprint") {
  Finding f = findingOf("KL0201", Severity::Error);
  f.entityKind = EntityKind::Topic;
  f.entityName = "orders";
  f.keys = {"replication.factor"};
  CHECK(identityOf(f).entity == "topic:orders");
  CHECK(fingerprint(f) == identityOf(f).fingerprint());
  // Pinned: fingerprints must not change between releases (baselines and code scanning use them).
  CHECK(fingerprint(f) == stableHash("KL0201\x1ftopic\x1forders\x1freplication.factor"));
  f.cluster = "prod";
  f.relatedTopic = "t";
  CHECK(fingerprint(f) == stableHash("KL0201\x1ftopic\x1forders\x1freplication.factor\x1eprod\x1dt"));
}

}  // namespace
}  // namespace kafkalint
