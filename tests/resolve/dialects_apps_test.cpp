// The spring and sarama dialects, and librdkafka's aliases and spellings: effective values and the
// provenance text findings print.
#include <doctest/doctest.h>

#include "support.hpp"

namespace kafkalint::test {
namespace {

// The effective value of `key` for the first entity of `kind` in `a`.
EffectiveValue effective(const Audit& a, EntityKind kind, const std::string& key, const std::string& version = "4.1") {
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  for (const Entity& e : a.loaded.model.entities) {
    if (e.kind != kind) continue;
    EntityView view(resolver, e);
    return view.get(key);
  }
  FAIL("no such entity");
  return {};
}

TEST_CASE("spring dialect: listener containers do not auto-commit; isolation.level is always written") {
  Audit a = auditTempFiles({{"application.yml", "spring:\n  kafka:\n    consumer:\n      group-id: g\n"}});
  const EffectiveValue commit = effective(a, EntityKind::Consumer, "enable.auto.commit");
  CHECK(commit.value == Value(false));
  CHECK(commit.provenance.kind == ProvenanceKind::ClientDefault);
  CHECK(commit.provenance.detail.starts_with("Spring Kafka default: the listener container commits offsets"));
  const EffectiveValue isolation = effective(a, EntityKind::Consumer, "isolation.level");
  CHECK(isolation.value == Value("read_uncommitted"));
  CHECK(isolation.provenance.detail.find("always written") != std::string::npos);
  // Everything else is the Java client's.
  const EffectiveValue reset = effective(a, EntityKind::Consumer, "auto.offset.reset");
  CHECK(reset.provenance.detail == "Kafka 4.1 Java client default");
}

TEST_CASE("spring dialect: an explicit enable-auto-commit and Java version defaults still apply") {
  Audit a = auditTempFiles(
      {{"application.properties", "spring.kafka.consumer.enable-auto-commit=true\nspring.kafka.producer.retries=3\n"}});
  CHECK(effective(a, EntityKind::Consumer, "enable.auto.commit").value == Value(true));
  CHECK(effective(a, EntityKind::Producer, "acks", "2.8").value == Value("1"));
}

TEST_CASE("sarama dialect: defaults and their provenance") {
  Audit a = auditTempFiles({{"sarama.yaml",
                             "Producer:\n  Return:\n    Successes: true\nConsumer:\n  Return:\n    "
                             "Errors: true\n"}});
  INFO(a.describe());
  const EffectiveValue acks = effective(a, EntityKind::Producer, "acks");
  CHECK(acks.value == Value("1"));
  CHECK(acks.name == "Producer.RequiredAcks");
  CHECK(acks.provenance.detail == "Sarama default RequiredAcks is WaitForLocal (acks=1)");
  CHECK(effective(a, EntityKind::Producer, "retries").value == Value(std::int64_t{3}));
  CHECK(effective(a, EntityKind::Producer, "enable.idempotence").value == Value(false));
  CHECK(effective(a, EntityKind::Producer, "max.in.flight.requests.per.connection").value == Value(std::int64_t{5}));
  CHECK(effective(a, EntityKind::Consumer, "enable.auto.commit").value == Value(true));
  CHECK(effective(a, EntityKind::Consumer, "auto.offset.reset").value == Value("latest"));
  CHECK(effective(a, EntityKind::Consumer, "session.timeout.ms").value == Value(std::int64_t{10000}));
  CHECK(effective(a, EntityKind::Consumer, "isolation.level").value == Value("read_uncommitted"));
  CHECK_FALSE(effective(a, EntityKind::Producer, "delivery.timeout.ms").exists);
  CHECK(a.has("KL0301"));
  CHECK(a.byRule("KL0301").front()->message.find("Sarama default RequiredAcks is WaitForLocal (acks=1)") !=
        std::string::npos);
}

TEST_CASE("sarama dialect: Go spellings and numbers") {
  Audit a = auditTempFiles({{"sarama.yaml",
                             "Net:\n  MaxOpenRequests: 1\nProducer:\n  RequiredAcks: -1\n  Idempotent: true\n"
                             "Consumer:\n  Offsets:\n    Initial: -2\n    AutoCommit:\n      Interval: 1m30s\n"
                             "  IsolationLevel: ReadCommitted\n"}});
  INFO(a.describe());
  CHECK(effective(a, EntityKind::Producer, "acks").value == Value("all"));
  CHECK(effective(a, EntityKind::Consumer, "auto.offset.reset").value == Value("earliest"));
  CHECK(effective(a, EntityKind::Consumer, "auto.commit.interval.ms").value == Value(std::int64_t{90000}));
  CHECK(effective(a, EntityKind::Consumer, "isolation.level").value == Value("read_committed"));
  CHECK(a.findings.empty());

  Audit bad = auditTempFiles({{"sarama.yaml", "Producer:\n  RequiredAcks: WaitForEveryone\n"}});
  CHECK(bad.has("KL9002"));
}

TEST_CASE("librdkafka dialect: aliases, reset spellings and the store-after-processing pattern") {
  AuditOptions librdkafka{.name = "client.properties", .kind = "client:librdkafka"};
  Audit aliases =
      audit("request.required.acks=1\nmessage.send.max.retries=0\nmessage.timeout.ms=100\nqueue.buffering.max.ms=50\n",
            librdkafka);
  CHECK(effective(aliases, EntityKind::Producer, "acks").value == Value("1"));
  CHECK(effective(aliases, EntityKind::Producer, "retries").value == Value(std::int64_t{0}));
  CHECK(effective(aliases, EntityKind::Producer, "delivery.timeout.ms").value == Value(std::int64_t{100}));
  CHECK(effective(aliases, EntityKind::Producer, "linger.ms").value == Value(std::int64_t{50}));
  CHECK(aliases.has("KL0301"));
  CHECK(aliases.has("KL0302"));

  // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
  for (const auto& spelled : std::vector<std::pair<std::string, std::string>>{{"smallest", "earliest"},
                                                                              {"beginning", "earliest"},
                                                                              {"largest", "latest"},
                                                                              {"end", "latest"},
                                                                              {"error", "none"}}) {
    const std::string& spelling = spelled.first;
    CAPTURE(spelling);
    Audit a = audit("group.id=g\nauto.offset.reset=" + spelling + "\n", librdkafka);
    CHECK(effective(a, EntityKind::Consumer, "auto.offset.reset").value == Value(spelled.second));
  }

  Audit stored = audit("group.id=g\nenable.auto.offset.store=false\n", librdkafka);
  CHECK_FALSE(stored.has("KL0401"));
  Audit automatic = audit("group.id=g\n", librdkafka);
  CHECK(automatic.has("KL0401"));
}

}  // namespace
}  // namespace kafkalint::test
