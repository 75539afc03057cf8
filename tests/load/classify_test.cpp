// What a file configures, decided from its keys and its name.
#include "load/classify.hpp"

#include <doctest/doctest.h>

#include "kafkalint/properties_parser.hpp"

namespace kafkalint {
namespace {

Classification of(const std::string& text, const std::string& name = "x.properties") {
  const PropertiesDocument doc = parseProperties(text, name);
  std::vector<KeyOccurrence> keys;
  for (const auto& e : doc.entries) keys.push_back({e.key, e.value, e.keyPosition.line});
  return classify(keys, name);
}

using Kinds = std::vector<EntityKind>;

TEST_CASE("brokers in ZooKeeper and KRaft mode") {
  CHECK(of("broker.id=0\nzookeeper.connect=zk:2181\n").kinds == Kinds{EntityKind::Broker});
  CHECK(of("process.roles=broker,controller\nnode.id=1\n").kinds == Kinds{EntityKind::Broker});
  CHECK(of("process.roles=broker\nnode.id=1\n").kinds == Kinds{EntityKind::Broker});
  CHECK(of("log.retention.hours=24\nlog.segment.bytes=1000\n").kinds == Kinds{EntityKind::Broker});
  Classification c = of("broker.id=0\nlog.dirs=/d\n");
  CHECK(c.reason == "broker: broker.id (line 1), log.dirs (line 2)");
}

TEST_CASE("a KRaft controller-only node") {
  Classification c = of("process.roles = controller \nnode.id=1\n");
  CHECK(c.kinds == Kinds{EntityKind::Controller});
  CHECK(c.reason.find("hosts no topic partitions") != std::string::npos);
}

TEST_CASE("producers, consumers and files shared by both") {
  CHECK(of("acks=all\n").kinds == Kinds{EntityKind::Producer});
  CHECK(of("group.id=g\n").kinds == Kinds{EntityKind::Consumer});
  CHECK(of("key.deserializer=x\nbootstrap.servers=b\n").kinds == Kinds{EntityKind::Consumer});
  CHECK(of("acks=all\ngroup.id=g\n").kinds == Kinds{EntityKind::Producer, EntityKind::Consumer});
  CHECK(of("acks=all\nsession.timeout.ms=45000\n").kinds == Kinds{EntityKind::Producer, EntityKind::Consumer});
  Classification shared = of("bootstrap.servers=b\nsecurity.protocol=SSL\n");
  CHECK(shared.kinds == Kinds{EntityKind::Producer, EntityKind::Consumer});
  CHECK(shared.reason.find("use --kind") != std::string::npos);
}

TEST_CASE("the file name decides when the keys do not") {
  CHECK(of("bootstrap.servers=b\n", "orders-producer.properties").kinds == Kinds{EntityKind::Producer});
  CHECK(of("bootstrap.servers=b\n", "audit-consumer.properties").kinds == Kinds{EntityKind::Consumer});
}

TEST_CASE("client dialects") {
  CHECK(of("request.required.acks=1\nqueue.buffering.max.ms=5\n").dialect == "librdkafka");
  CHECK(of("bootstrap.servers=b\nsasl.mechanisms=PLAIN\nsasl.username=u\n").dialect == "librdkafka");
  CHECK(of("acks=all\nkey.serializer=x\n").dialect == "java");
  CHECK(of("acks=all\n").dialect == "java");
  Classification scala = of("metadata.broker.list=b\nproducer.type=sync\nserializer.class=x\n");
  CHECK(scala.dialect == "scala");
  CHECK(scala.kinds == Kinds{EntityKind::Producer});
  Classification oldConsumer = of("zookeeper.connect=zk:2181\ngroup.id=g\n");
  CHECK(oldConsumer.dialect == "scala");
  CHECK(oldConsumer.kinds == Kinds{EntityKind::Consumer});
  CHECK(oldConsumer.reason ==
        "consumer; dialect scala (zookeeper.connect with group.id: the Kafka 0.8 high-level "
        "consumer)");
}

TEST_CASE("Connect workers and connectors") {
  CHECK(of("group.id=c\nkey.converter=x\nconfig.storage.topic=t\n").kinds == Kinds{EntityKind::Connect});
  Classification connector = of("name=jdbc\nconnector.class=io.X\ntasks.max=1\n");
  CHECK(connector.status == InputRecord::Status::Skipped);
}

TEST_CASE("files that are not Kafka configs") {
  Classification log4j = of("log4j.rootLogger=INFO, stdout\nlog4j.appender.stdout=x\n");
  CHECK(log4j.status == InputRecord::Status::Skipped);
  CHECK(log4j.reason.rfind("a logging (log4j) configuration", 0) == 0);
  CHECK(of("").status == InputRecord::Status::Unclassified);
  CHECK(of("# only comments\n").status == InputRecord::Status::Unclassified);
  Classification other = of("colour=blue\nsize=3\n");
  CHECK(other.status == InputRecord::Status::Unclassified);
  CHECK(other.reason == "none of its 2 keys identifies a Kafka broker, producer, consumer or Connect worker config");
}

}  // namespace
}  // namespace kafkalint
