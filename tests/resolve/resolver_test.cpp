// Effective values and their provenance: explicit, topic override, inherited from the broker,
// Kafka's default for the release, client defaults and values the clients derive themselves.
#include <doctest/doctest.h>

#include "support.hpp"

namespace kafkalint::test {
namespace {

struct Resolved {
  LoadResult loaded;
  std::unique_ptr<Resolver> resolver;

  Resolved(const std::string& text, const std::string& version, const std::string& kind = "") {
    LoadOptions options;
    if (!kind.empty()) options.kindOverrides.push_back(parseKindOverride(kind + "=f.properties"));
    loadPropertiesText(loaded, "f.properties", text, false, options, "f.properties");
    resolver = std::make_unique<Resolver>(ResolveOptions{*KafkaVersion::parse(version)});
  }
  EffectiveValue get(const std::string& key, std::size_t entity = 0) {
    EntityView view(*resolver, loaded.model.entities.at(entity));
    return view.get(key);
  }
  std::string describe(const std::string& key, std::size_t entity = 0) {
    return describeProvenance(get(key, entity).provenance, loaded.model.files);
  }
};

TEST_CASE("an explicit value carries its file and line") {
  Resolved r("broker.id=1\nlog.dirs=/d\nmin.insync.replicas = 2 \n", "3.7");
  EffectiveValue v = r.get("min.insync.replicas");
  CHECK(v.value == Value(2));
  CHECK(v.text == "2");
  CHECK(v.provenance.kind == ProvenanceKind::Explicit);
  CHECK(v.provenance.location.line == 3);
  CHECK(r.describe("min.insync.replicas") == "set at f.properties:3");
}

TEST_CASE("an unset key takes Kafka's default for the audited release") {
  CHECK(Resolved("broker.id=1\nlog.dirs=/d\n", "0.10.2").get("unclean.leader.election.enable").value == Value(true));
  CHECK(Resolved("broker.id=1\nlog.dirs=/d\n", "0.11.0").get("unclean.leader.election.enable").value == Value(false));
  CHECK(Resolved("broker.id=1\nlog.dirs=/d\n", "2.4").get("replica.lag.time.max.ms").value == Value(10000));
  CHECK(Resolved("broker.id=1\nlog.dirs=/d\n", "2.5").get("replica.lag.time.max.ms").value == Value(30000));
  Resolved r("broker.id=1\nlog.dirs=/d\n", "3.7");
  CHECK(r.get("min.insync.replicas").provenance.kind == ProvenanceKind::KafkaDefault);
  CHECK(r.describe("min.insync.replicas") == "Kafka 3.7 default");
}

TEST_CASE("a key the release does not have has no value") {
  EffectiveValue v = Resolved("broker.id=1\nlog.dirs=/d\n", "0.10.2").get("transaction.state.log.min.isr");
  CHECK_FALSE(v.exists);
  CHECK(v.value.isNull());
}

TEST_CASE("a key written for another release is ignored, as Kafka ignores it") {
  Resolved r("broker.id=1\nlog.dirs=/d\nshare.coordinator.state.topic.replication.factor=1\n", "3.9");
  CHECK(r.get("share.coordinator.state.topic.replication.factor").value.isNull());
}

TEST_CASE("a topic config falls back to its broker property, then to Kafka's default") {
  Resolved r("broker.id=1\nlog.dirs=/d\nmin.insync.replicas=2\n", "3.7");
  Model& model = r.loaded.model;
  Entity& broker = model.entities.front();

  Entity topic;
  topic.kind = EntityKind::Topic;
  topic.name = "orders";
  topic.inheritsFrom = &broker;
  topic.settings.push_back({"retention.ms", "1000", {0, 9, 1}, {0, 9, 14}, ProvenanceKind::Explicit});
  model.entities.push_back(topic);
  const Entity& t = model.entities.back();

  EntityView view(*r.resolver, t);
  EffectiveValue minIsr = view.get("min.insync.replicas");
  CHECK(minIsr.value == Value(2));
  CHECK(minIsr.provenance.kind == ProvenanceKind::BrokerSetting);
  CHECK(minIsr.provenance.via == "min.insync.replicas");
  CHECK(describeProvenance(minIsr.provenance, model.files) ==
        "inherited from broker setting min.insync.replicas at f.properties:3");

  EffectiveValue unclean = view.get("unclean.leader.election.enable");
  CHECK(unclean.value == Value(false));
  CHECK(unclean.provenance.kind == ProvenanceKind::KafkaDefault);
  CHECK(unclean.provenance.detail == "Kafka 3.7 default (not set on the topic or the broker)");

  EffectiveValue retention = view.get("retention.ms");
  CHECK(retention.provenance.kind == ProvenanceKind::TopicOverride);
  CHECK(retention.value == Value(1000));

  // flush.ms falls back to log.flush.interval.ms, whose default is null.
  CHECK(view.get("flush.ms").value.isNull());
}

TEST_CASE("Java producer defaults follow the client release") {
  CHECK(Resolved("key.serializer=x\n", "2.8").get("acks").value == Value("1"));
  CHECK(Resolved("key.serializer=x\n", "3.0").get("acks").value == Value("all"));
  CHECK(Resolved("key.serializer=x\n", "2.0").get("retries").value == Value(0));
  CHECK(Resolved("key.serializer=x\n", "2.1").get("retries").value == Value(2147483647));
  CHECK(Resolved("key.serializer=x\n", "2.0").get("delivery.timeout.ms").value.isNull());
  CHECK(Resolved("key.serializer=x\n", "3.9").get("linger.ms").value == Value(0));
  CHECK(Resolved("key.serializer=x\n", "4.0").get("linger.ms").value == Value(5));
}

TEST_CASE("Java clients can be audited at another release than the brokers") {
  LoadResult loaded;
  loadPropertiesText(loaded, "p.properties", "key.serializer=x\n", false, {}, "p.properties");
  loadPropertiesText(loaded, "s.properties", "broker.id=1\nlog.dirs=/d\n", false, {}, "s.properties");
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("0.10.2"), *KafkaVersion::parse("2.8")});
  EntityView producer(resolver, loaded.model.entities[0]);
  EntityView broker(resolver, loaded.model.entities[1]);
  CHECK(producer.get("enable.idempotence").exists);  // read as a 2.8 client: 0.10.2 had no idempotence
  CHECK(producer.get("acks").provenance.detail == "Kafka 2.8 Java client default");
  CHECK(broker.get("unclean.leader.election.enable").value == Value(true));
}

TEST_CASE("Java producer idempotence: version bugs and silent disabling are derived") {
  CHECK(Resolved("key.serializer=x\n", "2.8").get("enable.idempotence").value == Value(false));
  Resolved bug("key.serializer=x\n", "3.1.0");
  CHECK(bug.get("enable.idempotence").value == Value(false));
  CHECK(bug.get("enable.idempotence").provenance.kind == ProvenanceKind::Derived);
  CHECK(bug.describe("enable.idempotence").find("KAFKA-13598") != std::string::npos);
  CHECK(Resolved("key.serializer=x\n", "3.1.1").get("enable.idempotence").value == Value(true));
  Resolved conflict("acks=1\n", "3.7");
  CHECK(conflict.get("enable.idempotence").value == Value(false));
  CHECK(conflict.describe("enable.idempotence").find("because acks=1 conflicts with it (KAFKA-13673)") !=
        std::string::npos);
  CHECK(Resolved("acks=1\nenable.idempotence=true\n", "3.7").get("enable.idempotence").value == Value(true));
  CHECK(Resolved("max.in.flight.requests.per.connection=6\n", "3.7", "producer").get("enable.idempotence").value ==
        Value(false));
}

TEST_CASE("before 3.0, an idempotent Java producer replaces the acks and retries defaults") {
  Resolved idem("enable.idempotence=true\n", "2.0");
  CHECK(idem.get("acks").value == Value("all"));
  CHECK(idem.get("acks").provenance.kind == ProvenanceKind::Derived);
  CHECK(idem.get("retries").value == Value(2147483647));
  Resolved tx("transactional.id=t\n", "2.8");
  CHECK(tx.get("enable.idempotence").value == Value(true));
  CHECK(tx.get("acks").value == Value("all"));
  CHECK(Resolved("acks=1\nenable.idempotence=true\n", "2.8").get("acks").value == Value("1"));
  CHECK(Resolved("transactional.id=t\n", "3.0.0").get("enable.idempotence").value == Value(true));
}

TEST_CASE("Java producer raises a defaulted delivery timeout but keeps an explicit one") {
  Resolved raised("acks=all\nrequest.timeout.ms=200000\nlinger.ms=100\n", "3.7");
  CHECK(raised.get("delivery.timeout.ms").value == Value(200100));
  CHECK(raised.get("delivery.timeout.ms").provenance.kind == ProvenanceKind::Derived);
  CHECK(Resolved("acks=all\ndelivery.timeout.ms=1000\n", "3.7").get("delivery.timeout.ms").value == Value(1000));
}

TEST_CASE("a Java consumer without group.id does not auto-commit") {
  CHECK(Resolved("key.deserializer=x\n", "3.7").get("enable.auto.commit").value == Value(false));
  CHECK(Resolved("key.deserializer=x\ngroup.id=g\n", "3.7").get("enable.auto.commit").value == Value(true));
  CHECK(Resolved("key.deserializer=x\n", "2.1").get("enable.auto.commit").value == Value(true));
}

TEST_CASE("librdkafka: aliases, spellings and its own defaults") {
  Resolved r("request.required.acks=1\nlinger.ms=20\nsasl.username=u\n", "3.7");
  REQUIRE(r.loaded.model.entities.front().dialect == "librdkafka");
  EffectiveValue acks = r.get("acks");
  CHECK(acks.value == Value("1"));
  CHECK(acks.name == "request.required.acks");
  EffectiveValue linger = r.get("linger.ms");
  CHECK(linger.value == Value(20));
  CHECK(linger.name == "linger.ms");
  EffectiveValue timeout = r.get("delivery.timeout.ms");
  CHECK(timeout.value == Value(300000));
  CHECK(timeout.name == "message.timeout.ms");
  CHECK(timeout.provenance.detail == "librdkafka 2.0.2 default");
  CHECK(r.get("enable.idempotence").value == Value(false));
  CHECK(r.get("max.in.flight.requests.per.connection").value == Value(1000000));
}

TEST_CASE("librdkafka: idempotence caps max.in.flight, transactions turn idempotence on") {
  Resolved idem("enable.idempotence=true\nqueue.buffering.max.ms=1\n", "3.7");
  CHECK(idem.get("max.in.flight.requests.per.connection").value == Value(5));
  Resolved tx("transactional.id=t\nqueue.buffering.max.ms=1\n", "3.7");
  CHECK(tx.get("enable.idempotence").value == Value(true));
  CHECK(tx.get("delivery.timeout.ms").value == Value(60000));
}

TEST_CASE("librdkafka consumer spellings map to Kafka's vocabulary") {
  for (auto [written, meaning] : {std::pair{"smallest", "earliest"},
                                  {"beginning", "earliest"},
                                  {"largest", "latest"},
                                  {"end", "latest"},
                                  {"error", "none"},
                                  {"LATEST", "latest"}}) {
    Resolved r(std::string("group.id=g\nenable.auto.offset.store=false\nauto.offset.reset=") + written + "\n", "3.7");
    CHECK(r.get("auto.offset.reset").value == Value(meaning));
  }
  Resolved r("group.id=g\nenable.auto.offset.store=false\n", "3.7");
  CHECK(r.get("auto.offset.reset").value == Value("latest"));
  CHECK(r.get("enable.auto.commit").value == Value(true));
  CHECK(r.get("isolation.level").value == Value("read_committed"));
}

TEST_CASE("Scala clients use their own keys and defaults") {
  Resolved p("metadata.broker.list=h:9092\nproducer.type=async\n", "0.8.2");
  REQUIRE(p.loaded.model.entities.front().dialect == "scala");
  CHECK(p.get("acks").value == Value("0"));
  CHECK(p.get("acks").name == "request.required.acks");
  CHECK(p.get("retries").value == Value(3));
  CHECK_FALSE(p.get("enable.idempotence").exists);
  Resolved c("zookeeper.connect=zk:2181\ngroup.id=g\nauto.offset.reset=smallest\n", "0.8.2");
  CHECK(c.get("auto.offset.reset").value == Value("earliest"));
  CHECK(c.get("enable.auto.commit").name == "auto.commit.enable");
}

TEST_CASE("placeholders and secrets") {
  Resolved r("acks={{ acks }}\nsasl.jaas.config=org.Plain required password=\"p\";\n", "3.7", "producer");
  CHECK(r.get("acks").value.isUnknown());
  CHECK(r.get("sasl.jaas.config").secret);
}

}  // namespace
}  // namespace kafkalint::test
