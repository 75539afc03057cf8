// The checks implemented in code: unknown keys, invalid values, duplicates, unverifiable values,
// unclassified files, byte-order marks and rule evaluation errors.
#include <doctest/doctest.h>

#include "kafkalint/secrets.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

const std::string kBroker =
    "broker.id=1\nlog.dirs=/d\nmin.insync.replicas=2\ndefault.replication.factor=3\nauto.create.topics.enable=false\n";

// The single finding of `rule` (a copy: the audit is often a temporary).
Finding only(const Audit& a, const std::string& rule) {
  auto found = a.byRule(rule);
  INFO(a.describe());
  REQUIRE(found.size() == 1);
  return *found.front();
}

TEST_CASE("a misspelled durability key is an error that says what stays in effect") {
  Audit a = audit(kBroker + "min.insync.replica=2\n");
  // The misspelling leaves the real key at... the earlier explicit value here; without it, the default.
  Audit b = audit("broker.id=1\nlog.dirs=/d\nmin.insync.replica=2\n");
  const Finding& f = only(b, "KL9001");
  CHECK(f.severity == Severity::Error);
  CHECK(f.message ==
        "unknown key min.insync.replica; did you mean min.insync.replicas? The intended setting does not apply: "
        "min.insync.replicas stays 1 (Kafka 4.1 default).");
  CHECK(f.keys == std::vector<std::string>{"min.insync.replica"});
  CHECK(f.location.line == 3);
  CHECK(b.has("KL0102"));  // and the rule it would have satisfied still fires
  CHECK(only(a, "KL9001").severity == Severity::Error);
}

TEST_CASE("other misspellings are warnings, unknown keys without a close match are notes") {
  Audit a = audit(kBroker + "num.network.thread=3\nacme.plugin.mode=fast\n");
  auto found = a.byRule("KL9001");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->severity == Severity::Warning);
  CHECK(found[0]->message == "unknown key num.network.thread; did you mean num.network.threads?");
  CHECK(found[1]->severity == Severity::Note);
}

TEST_CASE("a missing last segment and underscores are recognised as misspellings") {
  Audit a = audit(kBroker + "unclean.leader.election=false\nAUTO_CREATE_TOPICS_ENABLE=false\n");
  auto found = a.byRule("KL9001");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message.find("did you mean unclean.leader.election.enable?") != std::string::npos);
  CHECK(found[1]->message.find("did you mean auto.create.topics.enable?") != std::string::npos);
}

TEST_CASE("keys of another config kind say where they belong") {
  CHECK(only(audit(kBroker + "segment.bytes=1000\n"), "KL9001").message ==
        "segment.bytes is not a Kafka 4.1 broker setting: it is a topic-level config; the broker setting is "
        "log.segment.bytes.");
  const Finding& f = only(audit("acks=all\nmin.insync.replicas=2\n"), "KL9001");
  CHECK(f.severity == Severity::Error);
  CHECK(f.message ==
        "min.insync.replicas is not a Kafka 4.1 Java producer setting: it is a topic/broker setting; "
        "producers ignore it.");
  CHECK(only(audit("acks=all\nrequest.required.acks=all\nkey.serializer=x\n"), "KL9001").message ==
        "request.required.acks is not a Kafka 4.1 Java producer setting: it is a librdkafka property; the Java "
        "producer ignores it.");
}

TEST_CASE("keys of another release say which release has them") {
  CHECK(only(audit(kBroker + "zookeeper.connect=zk:2181\n"), "KL9001").message ==
        "zookeeper.connect has no effect on Kafka 4.1 broker: Kafka 3.9 is the last release that has it. Kafka "
        "ignores keys it does not know (check --kafka-version).");
  CHECK(only(audit(kBroker + "share.coordinator.state.topic.replication.factor=3\n", {.version = "3.9"}), "KL9001")
            .message.find("it was added in Kafka 4.0") != std::string::npos);
}

TEST_CASE("a client file shared by producers and consumers accepts the keys of both") {
  Audit a =
      audit("acks=all\ngroup.id=g\nenable.auto.commit=false\nauto.offset.reset=earliest\nsession.timeout.ms=45000\n");
  CHECK_FALSE(a.has("KL9001"));
  CHECK(a.loaded.model.entities.size() == 2);
}

TEST_CASE("invalid values are errors that quote the value and the expectation") {
  const Finding& f = only(audit(kBroker + "num.partitions=lots\n"), "KL9002");
  CHECK(f.message == "num.partitions=lots is not valid for Kafka 4.1 broker: expected a 32-bit integer (int).");
  CHECK(f.location.line == 6);
  CHECK(f.location.column == 16);
  CHECK(only(audit(kBroker.substr(0, kBroker.find("min.insync")) + "min.insync.replicas=0\n"), "KL9002").message ==
        "min.insync.replicas=0 is not valid for Kafka 4.1 broker: must be at least 1.");
  CHECK(only(audit("acks=2\n"), "KL9002").message ==
        "acks=2 is not valid for Kafka 4.1 Java producer: must be one of: all, -1, 0, 1.");
  CHECK(only(audit("acks=all\nenable.idempotence=yes\n"), "KL9002").message ==
        "enable.idempotence=yes is not valid for Kafka 4.1 Java producer: expected true or false.");
  CHECK(only(audit("request.required.acks=all\nmessage.send.max.retries=lots\n"), "KL9002").message ==
        "message.send.max.retries=lots is not valid for librdkafka 2.0.2 producer: expected an integer.");
}

TEST_CASE("an invalid value is reported once, not also as unverifiable") {
  Audit a = audit("broker.id=1\nlog.dirs=/d\nmin.insync.replicas=two\n");
  CHECK(a.has("KL9002"));
  CHECK_FALSE(a.has("KL9004"));
  CHECK_FALSE(a.has("KL0102"));
}

TEST_CASE("values accepted the way librdkafka accepts them are not invalid") {
  Audit a = audit("security.protocol=SASL_SSL\nrequest.required.acks=ALL\nenable.idempotence=TRUE\nlinger.ms=0.5\n");
  CHECK_FALSE(a.has("KL9002"));
}

TEST_CASE("secret values never appear in invalid-value messages") {
  Audit a = audit("acks=all\nssl.key.password=hunter2\nsasl.jaas.config=hunter3\nssl.keystore.password=hunter4\n");
  for (const Finding& f : a.findings) CHECK(f.message.find("hunter") == std::string::npos);
}

TEST_CASE("duplicate keys: the earlier, ignored line is reported") {
  const Finding& f = only(audit(kBroker + "min.insync.replicas=1\n"), "KL9003");
  CHECK(f.location.line == 3);
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message ==
        "min.insync.replicas is set again at line 6; the later value 1 is in effect and this one (2) is "
        "ignored.");
  CHECK(only(audit(kBroker + "min.insync.replicas=2\n"), "KL9003").severity == Severity::Note);
  const Finding& alias = only(audit("acks=all\nrequest.required.acks=1\nqueue.buffering.max.ms=1\n"), "KL9003");
  CHECK(alias.message ==
        "acks is set again at line 2 (as request.required.acks); the later value 1 is in effect and "
        "this one (all) is ignored.");
}

TEST_CASE("duplicate secrets are reported without their values") {
  const Finding& f = only(audit("acks=all\nsasl.jaas.config=secret-1\nsasl.jaas.config=secret-2\n"), "KL9003");
  CHECK(f.message.find("secret-") == std::string::npos);
  CHECK(f.message.find(std::string(kRedacted)) != std::string::npos);
}

TEST_CASE("placeholders in values rules need are reported as not verified, naming the rules") {
  Audit a = audit("broker.id=1\nlog.dirs=/d\nmin.insync.replicas={{ isr }}\ndefault.replication.factor=3\n");
  const Finding& f = only(a, "KL9004");
  CHECK(f.severity == Severity::Error);
  CHECK(f.message ==
        "min.insync.replicas could not be checked: the value is a template placeholder ({{ isr }}). "
        "Rules KL0102, KL0104 need its value; audit the rendered configuration.");
  CHECK(f.location.line == 3);
  CHECK_FALSE(a.has("KL0102"));
  CHECK_FALSE(a.has("KL0104"));
}

TEST_CASE("config provider references are recognised") {
  const Finding& f = only(audit("acks=${file:/etc/kafka/client.properties:acks}\n", {.kind = "producer"}), "KL9004");
  CHECK(f.message.find("a config provider reference resolved at run time") != std::string::npos);
}

TEST_CASE("an unclassified file is a note naming --kind, and checks nothing") {
  Audit a = audit("colour=blue\n", {.name = "misc.properties"});
  const Finding& f = only(a, "KL9005");
  CHECK(f.severity == Severity::Note);
  CHECK(f.entityKind == EntityKind::File);
  CHECK(f.message.find("--kind") != std::string::npos);
  CHECK(a.loaded.model.entities.empty());
}

TEST_CASE("a byte-order mark in front of the first key is reported") {
  const Finding& f = only(audit("\xEF\xBB\xBF"
                                "broker.id=1\nlog.dirs=/d\n"),
                          "KL9006");
  CHECK(f.message.find("broker.id is not set") != std::string::npos);
}

TEST_CASE("a rule that fails while evaluating is reported, not passed") {
  RuleSet rules = RuleSet::builtin();
  rules.addFile("broken.yaml",
                "id: ACME0002\nname: acme-broken\nseverity: error\nscope: broker\nsummary: s\nrationale: r\n"
                "remediation: m\nkeys: [min.insync.replicas]\nrequire: min.insync.replicas / 0 > 1\nmessage: never\n",
                false);
  LoadResult loaded;
  loadPropertiesText(loaded, "s.properties", kBroker, false, {}, "s.properties");
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
  auto findings = evaluate(loaded.model, rules, resolver);
  bool reported = false;
  for (const Finding& f : findings) {
    if (f.ruleId == "KL9010") {
      reported = true;
      CHECK(f.message == "rule ACME0002 [acme-broken]: division by zero (the rule was not checked)");
    }
    CHECK(f.ruleId != "ACME0002");
  }
  CHECK(reported);
}

}  // namespace
}  // namespace kafkalint::test
