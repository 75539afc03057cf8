// The generated catalog: releases, defaults per release, validation of values.
#include "kafkalint/catalog.hpp"

#include <doctest/doctest.h>

#include "kafkalint/catalog_data.hpp"

namespace kafkalint {
namespace {

KafkaVersion v(const char* text) { return *KafkaVersion::parse(text); }

TEST_CASE("Kafka versions parse, compare and print") {
  CHECK(KafkaVersion::parse("3.7") == KafkaVersion{3, 7});
  CHECK(KafkaVersion::parse("0.10.2.2") == KafkaVersion{0, 10, 2, 2});
  CHECK(v("3.0.1") > v("3.0"));
  CHECK(v("0.10.2") < v("0.11"));
  CHECK(v("3.7.0").str() == "3.7");
  CHECK(v("3.0.1").str() == "3.0.1");
  CHECK(v("0.10.2").line() == "0.10.2");
  for (const char* bad : {"", "3.", ".3", "3.x", "1.2.3.4.5", "300.1", "-1", "3..7", "3.7 "}) {
    CAPTURE(bad);
    CHECK_FALSE(KafkaVersion::parse(bad));
  }
}

TEST_CASE("the catalog knows releases 0.8 to 4.1") {
  const Catalog& c = Catalog::instance();
  CHECK(c.newest() == v("4.1"));
  CHECK(c.oldestCovered() == v("2.0"));
  for (const char* known :
       {"0.8.2", "0.9", "0.10.1", "0.11", "1.0", "1.1", "2.0", "2.8", "3.0", "3.9", "4.0", "4.1.1"}) {
    CAPTURE(known);
    CHECK(c.isKnownRelease(v(known)));
  }
  for (const char* unknown : {"0.7", "1.2", "2.9", "3.10", "4.2", "5.0"}) {
    CAPTURE(unknown);
    CHECK_FALSE(c.isKnownRelease(v(unknown)));
  }
}

TEST_CASE("defaults follow the release, including pre-2.0 facts") {
  const Catalog& c = Catalog::instance();
  CHECK(c.at(ConfigScope::Producer, "acks", v("2.8"))->defaultValue == "1");
  CHECK(c.at(ConfigScope::Producer, "acks", v("3.0"))->defaultValue == "all");
  CHECK(c.at(ConfigScope::Producer, "acks", v("1.1"))->defaultValue == "1");
  CHECK(c.at(ConfigScope::Broker, "unclean.leader.election.enable", v("0.10.2"))->defaultValue == "true");
  CHECK(c.at(ConfigScope::Broker, "unclean.leader.election.enable", v("1.0"))->defaultValue == "false");
  CHECK(c.at(ConfigScope::Consumer, "session.timeout.ms", v("0.9"))->defaultValue == "30000");
  CHECK(c.at(ConfigScope::Consumer, "session.timeout.ms", v("2.8"))->defaultValue == "10000");
  CHECK(c.at(ConfigScope::Consumer, "session.timeout.ms", v("3.0"))->defaultValue == "45000");
  CHECK_FALSE(c.at(ConfigScope::Broker, "transaction.state.log.min.isr", v("0.10.2")));
  CHECK(c.at(ConfigScope::Broker, "transaction.state.log.min.isr", v("0.11"))->defaultValue == "2");
  CHECK_FALSE(c.at(ConfigScope::Broker, "zookeeper.connect", v("4.0")));
  CHECK(c.at(ConfigScope::Topic, "min.insync.replicas", v("3.7"))->serverDefault == "min.insync.replicas");
  auto groupId = c.at(ConfigScope::Consumer, "group.id", v("3.7"));
  CHECK_FALSE(groupId->hasDefault);
  CHECK_FALSE(groupId->required);
}

TEST_CASE("Connect and admin tables stop at 3.9; later releases reuse them") {
  const Catalog& c = Catalog::instance();
  CHECK(c.at(ConfigScope::Connect, "offset.storage.replication.factor", v("4.1")));
  KeyPresence p = c.presence(ConfigScope::Broker, "zookeeper.connect");
  CHECK(p.known);
  CHECK(p.lastVersion == "3.9");
  CHECK(p.removed);
  CHECK_FALSE(c.presence(ConfigScope::Connect, "offset.storage.topic").removed);
}

TEST_CASE("values are validated against type and valid values") {
  const Catalog& c = Catalog::instance();
  auto minIsr = *c.at(ConfigScope::Broker, "min.insync.replicas", v("3.7"));
  CHECK_FALSE(validateValue(minIsr, "2"));
  CHECK_FALSE(validateValue(minIsr, " 2 "));
  CHECK_FALSE(validateValue(minIsr, "+2"));
  CHECK(validateValue(minIsr, "0") == "must be at least 1");
  CHECK(validateValue(minIsr, "two") == "expected a 32-bit integer (int)");
  CHECK(validateValue(minIsr, "2147483648") == "expected a 32-bit integer (int)");
  CHECK(validateValue(minIsr, "") == "expected a 32-bit integer (int)");
  auto offsetsRf = *c.at(ConfigScope::Broker, "offsets.topic.replication.factor", v("3.7"));
  CHECK(validateValue(offsetsRf, "40000") == "expected a 16-bit integer (short)");
  auto acks = *c.at(ConfigScope::Producer, "acks", v("3.7"));
  CHECK_FALSE(validateValue(acks, "-1"));
  CHECK(validateValue(acks, "ALL") == "must be one of: all, -1, 0, 1");
  auto unclean = *c.at(ConfigScope::Broker, "unclean.leader.election.enable", v("3.7"));
  CHECK_FALSE(validateValue(unclean, "TRUE"));
  CHECK(validateValue(unclean, "yes") == "expected true or false");
  auto retries = *c.at(ConfigScope::Producer, "retries", v("3.7"));
  CHECK(validateValue(retries, "-1") == "must be between 0 and 2147483647");
  auto policy = *c.at(ConfigScope::Broker, "log.cleanup.policy", v("3.7"));
  CHECK_FALSE(validateValue(policy, "compact, delete"));
  CHECK(validateValue(policy, "compact,archive") == "each element must be one of: compact, delete (got 'archive')");
  auto reset = *c.at(ConfigScope::Consumer, "auto.offset.reset", v("4.0"));
  CHECK_FALSE(validateValue(reset, "by_duration:P1D"));
  CHECK(validateValue(*c.at(ConfigScope::Consumer, "auto.offset.reset", v("3.9")), "by_duration:P1D"));
  auto protocol = *c.at(ConfigScope::Producer, "security.protocol", v("3.7"));
  CHECK_FALSE(validateValue(protocol, "sasl_ssl"));
  auto connectRf = *c.at(ConfigScope::Connect, "config.storage.replication.factor", v("3.7"));
  CHECK_FALSE(validateValue(connectRf, "-1"));
  CHECK(validateValue(connectRf, "0") == "must be at least 1 (or -1)");
}

TEST_CASE("librdkafka properties resolve aliases, preferring global scope") {
  const Catalog& c = Catalog::instance();
  REQUIRE(c.librdkafka("acks"));
  CHECK(c.librdkafka("acks")->aliasOf == "request.required.acks");
  REQUIRE(c.librdkafka("enable.auto.commit"));
  CHECK_FALSE(c.librdkafka("enable.auto.commit")->topicScope);
  CHECK_FALSE(c.librdkafka("max.block.ms"));
}

}  // namespace
}  // namespace kafkalint

namespace kafkalint {
namespace {

TEST_CASE("password-typed keys are known from every scope and release") {
  const Catalog& c = Catalog::instance();
  CHECK(c.isPasswordKey("ssl.keystore.password"));
  CHECK(c.isPasswordKey("sasl.jaas.config"));
  CHECK(c.isPasswordKey("ssl.keystore.key"));
  CHECK_FALSE(c.isPasswordKey("acks"));
  CHECK_FALSE(c.isPasswordKey("ssl.keystore.location"));
}

}  // namespace
}  // namespace kafkalint
