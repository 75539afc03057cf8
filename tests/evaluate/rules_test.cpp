// Every built-in rule, with configurations that must trigger it and configurations that must not
// (false alarms are bugs too). The last test checks that no rule is left without both.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "support.hpp"

namespace kafkalint::test {
namespace {

struct RuleCase {
  const char* rule;
  bool fires;
  const char* what;
  const char* text;
  const char* version = "4.1";
  const char* kind = "";
  const char* name = "test.properties";
};

constexpr const char* kBroker = "broker.id=1\nlog.dirs=/var/lib/kafka\n";
#define BROKER(extra) "broker.id=1\nlog.dirs=/var/lib/kafka\n" extra
#define SAFE_BROKER(extra)                                                                      \
  "broker.id=1\nlog.dirs=/var/lib/kafka\nmin.insync.replicas=2\ndefault.replication.factor=3\n" \
  "auto.create.topics.enable=false\n" extra

// A cluster spec: brokers, broker config (a YAML flow mapping) and a topics/clients section.
#define SPEC(brokers, config, rest) \
  "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: " brokers "\n  broker_config: {" config "}\n" rest
#define SAFE_CONFIG                                                                           \
  "min.insync.replicas: 2, default.replication.factor: 3, auto.create.topics.enable: false, " \
  "broker.rack: a"
#define TOPIC(fields) "topics:\n  - {name: t, " fields "}\n"
constexpr const char* kSpec = "spec.yaml";

const RuleCase kCases[] = {
    // KL0101 unclean leader election
    {"KL0101", true, "explicit true", BROKER("unclean.leader.election.enable=true\n")},
    {"KL0101", true, "default before 0.11", kBroker, "0.10.2"},
    {"KL0101", false, "default since 0.11", kBroker, "0.11.0"},
    {"KL0101", false, "explicit false", BROKER("unclean.leader.election.enable=false\n"), "0.10.2"},
    {"KL0101", false, "not on a KRaft controller",
     "process.roles=controller\nnode.id=3\nunclean.leader.election.enable=true\n"},

    // KL0102 min.insync.replicas
    {"KL0102", true, "default 1", kBroker},
    {"KL0102", true, "explicit 1", BROKER("min.insync.replicas=1\n")},
    {"KL0102", false, "explicit 2", BROKER("min.insync.replicas=2\n")},
    {"KL0102", false, "explicit 3", BROKER("min.insync.replicas=3\n")},
    {"KL0102", false, "controller-only node", "process.roles=controller\nnode.id=3\n"},

    // KL0103 default.replication.factor
    {"KL0103", true, "default 1", kBroker},
    {"KL0103", true, "explicit 2", BROKER("default.replication.factor=2\n")},
    {"KL0103", false, "explicit 3", BROKER("default.replication.factor=3\n")},

    // KL0104 RF > min ISR
    {"KL0104", true, "equal 2/2", BROKER("default.replication.factor=2\nmin.insync.replicas=2\n")},
    {"KL0104", true, "equal 3/3", BROKER("default.replication.factor=3\nmin.insync.replicas=3\n")},
    {"KL0104", true, "min ISR above RF", BROKER("default.replication.factor=3\nmin.insync.replicas=4\n")},
    {"KL0104", false, "3 and 2", BROKER("default.replication.factor=3\nmin.insync.replicas=2\n")},
    {"KL0104", false, "1 and 1 (reported by KL0103 instead)", kBroker},

    // KL0105 offsets topic RF
    {"KL0105", true, "explicit 1", BROKER("offsets.topic.replication.factor=1\n")},
    {"KL0105", true, "explicit 2", BROKER("offsets.topic.replication.factor=2\n")},
    {"KL0105", false, "default 3", kBroker},

    // KL0106 transaction state RF
    {"KL0106", true, "explicit 1", BROKER("transaction.state.log.replication.factor=1\n")},
    {"KL0106", false, "default 3", kBroker},
    {"KL0106", false, "absent before 0.11", BROKER("transaction.state.log.replication.factor=1\n"), "0.10.2"},

    // KL0107 transaction state min ISR
    {"KL0107", true, "explicit 1", BROKER("transaction.state.log.min.isr=1\n")},
    {"KL0107", false, "default 2", kBroker},

    // KL0108 transaction state margin
    {"KL0108", true, "min ISR equals RF", BROKER("transaction.state.log.min.isr=3\n")},
    {"KL0108", true, "min ISR above RF",
     BROKER("transaction.state.log.replication.factor=2\ntransaction.state.log.min.isr=3\n")},
    {"KL0108", false, "defaults 3 and 2", kBroker},
    {"KL0108", false, "1 and 1 (reported by KL0106/KL0107)",
     BROKER("transaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n")},

    // KL0109 auto topic creation
    {"KL0109", true, "default true", kBroker},
    {"KL0109", true, "explicit true", BROKER("auto.create.topics.enable=true\n")},
    {"KL0109", false, "explicit false", BROKER("auto.create.topics.enable=false\n")},

    // KL0110 / KL0111 share group state (Kafka 4.0+)
    {"KL0110", true, "explicit 1", BROKER("share.coordinator.state.topic.replication.factor=1\n")},
    {"KL0110", false, "default 3", kBroker},
    {"KL0110", false, "Kafka 3.9 has no share groups", BROKER("share.coordinator.state.topic.replication.factor=1\n"),
     "3.9"},
    {"KL0111", true, "explicit 1", BROKER("share.coordinator.state.topic.min.isr=1\n")},
    {"KL0111", false, "default 2", kBroker},

    // KL0301 acks
    {"KL0301", true, "acks=1", "acks=1\n"},
    {"KL0301", true, "acks=0", "acks=0\n"},
    {"KL0301", true, "Java default before 3.0", "key.serializer=x\n", "2.8"},
    {"KL0301", true, "librdkafka request.required.acks=1", "request.required.acks=1\nqueue.buffering.max.ms=5\n"},
    {"KL0301", true, "Scala producer default 0", "metadata.broker.list=h:9092\nproducer.type=sync\n"},
    {"KL0301", false, "acks=all", "acks=all\n"},
    {"KL0301", false, "acks=-1", "acks=-1\n"},
    {"KL0301", false, "Java default from 3.0", "key.serializer=x\n", "3.0"},
    {"KL0301", false, "Java 2.x idempotent producer replaces the default", "enable.idempotence=true\n", "2.8"},
    {"KL0301", false, "Java 2.x transactional producer", "transactional.id=t\n", "2.8"},
    {"KL0301", false, "librdkafka default", "queue.buffering.max.ms=5\nsasl.username=u\n"},
    {"KL0301", false, "not a consumer key", "group.id=g\nenable.auto.commit=false\n"},

    // KL0302 retries
    {"KL0302", true, "retries=0", "acks=all\nretries=0\n"},
    {"KL0302", true, "Java default before 2.1", "acks=all\n", "2.0"},
    {"KL0302", true, "librdkafka message.send.max.retries=0", "message.send.max.retries=0\nqueue.buffering.max.ms=5\n"},
    {"KL0302", false, "default since 2.1", "acks=all\n", "2.1"},
    {"KL0302", false, "Java 2.0 idempotent producer replaces the default", "acks=all\nenable.idempotence=true\n",
     "2.0"},
    {"KL0302", false, "retries=5", "acks=all\nretries=5\n"},

    // KL0303 delivery timeout
    {"KL0303", true, "explicit below request+linger", "acks=all\ndelivery.timeout.ms=30000\nlinger.ms=10\n"},
    {"KL0303", true, "librdkafka message.timeout.ms too low", "request.required.acks=-1\nmessage.timeout.ms=1000\n"},
    {"KL0303", false, "defaults", "acks=all\n"},
    {"KL0303", false, "default raised by the producer", "acks=all\nrequest.timeout.ms=200000\n"},
    {"KL0303", false, "librdkafka 0 = infinite", "request.required.acks=-1\nmessage.timeout.ms=0\n"},
    {"KL0303", false, "exactly request+linger", "acks=all\ndelivery.timeout.ms=30010\nlinger.ms=10\n"},

    // KL0304 idempotence off
    {"KL0304", true, "explicit false", "acks=all\nenable.idempotence=false\n"},
    {"KL0304", true, "Java default before 3.0", "acks=all\n", "2.8"},
    {"KL0304", true, "3.0.0 does not apply its default (KAFKA-13598)", "acks=all\n", "3.0.0"},
    {"KL0304", true, "3.x default turned off by acks=1", "acks=1\n", "3.7"},
    {"KL0304", true, "librdkafka default", "request.required.acks=-1\n"},
    {"KL0304", false, "Java default since 3.0.1", "acks=all\n", "3.0.1"},
    {"KL0304", false, "Java default 3.7", "acks=all\n", "3.7"},
    {"KL0304", false, "explicit true", "acks=all\nenable.idempotence=true\n", "2.8"},
    {"KL0304", false, "librdkafka transactional producer", "request.required.acks=-1\ntransactional.id=t\n"},
    {"KL0304", false, "Scala producer has no idempotence",
     "metadata.broker.list=h:9092\nproducer.type=sync\nrequest.required.acks=-1\n"},

    // KL0305 idempotence with too many requests in flight
    {"KL0305", true, "explicit idempotence and 10",
     "acks=all\nenable.idempotence=true\nmax.in.flight.requests.per.connection=10\n"},
    {"KL0305", true, "librdkafka explicit", "enable.idempotence=true\nmax.in.flight=6\nqueue.buffering.max.ms=1\n"},
    {"KL0305", false, "5 in flight", "acks=all\nenable.idempotence=true\nmax.in.flight.requests.per.connection=5\n"},
    {"KL0305", false, "default idempotence is turned off instead",
     "acks=all\nmax.in.flight.requests.per.connection=10\n"},
    {"KL0305", false, "librdkafka caps its default at 5", "enable.idempotence=true\nqueue.buffering.max.ms=1\n"},

    // KL0306 transactions without idempotence
    {"KL0306", true, "explicit false", "acks=all\ntransactional.id=t1\nenable.idempotence=false\n"},
    {"KL0306", true, "default turned off by acks=1", "acks=1\ntransactional.id=t1\n", "3.7"},
    {"KL0306", true, "librdkafka explicit false",
     "transactional.id=t1\nenable.idempotence=false\nqueue.buffering.max.ms=1\n"},
    {"KL0306", false, "default on", "acks=all\ntransactional.id=t1\n"},
    {"KL0306", false, "no transactional.id", "acks=all\nenable.idempotence=false\n"},

    // KL0308 Sarama: idempotence needs one open request per connection
    {"KL0308", true, "idempotent with Sarama's default 5 open requests",
     "Producer:\n  RequiredAcks: WaitForAll\n  Idempotent: true\n", "4.1", "", "sarama.yaml"},
    {"KL0308", true, "idempotent with 2 open requests",
     "Net:\n  MaxOpenRequests: 2\nProducer:\n  RequiredAcks: WaitForAll\n  Idempotent: true\n", "4.1", "",
     "sarama.yaml"},
    {"KL0308", false, "idempotent with 1 open request",
     "Net:\n  MaxOpenRequests: 1\nProducer:\n  RequiredAcks: WaitForAll\n  Idempotent: true\n", "4.1", "",
     "sarama.yaml"},
    {"KL0308", false, "not idempotent", "Producer:\n  RequiredAcks: WaitForAll\n", "4.1", "", "sarama.yaml"},
    {"KL0308", false, "a Java producer may have 5 in flight",
     "acks=all\nenable.idempotence=true\nmax.in.flight.requests.per.connection=5\n"},

    // KL0401 auto-commit
    {"KL0401", true, "Java default", "group.id=g\nkey.deserializer=x\n"},
    {"KL0401", true, "explicit true", "group.id=g\nenable.auto.commit=true\n"},
    {"KL0401", true, "librdkafka default", "group.id=g\nenable.auto.offset.store=true\nfetch.wait.max.ms=5\n"},
    {"KL0401", false, "Sarama commits only marked offsets", "Consumer:\n  Offsets:\n    Initial: OffsetOldest\n", "4.1",
     "", "sarama.yaml"},
    {"KL0401", false, "Spring listener containers commit", "spring.kafka.consumer.group-id=g\n", "4.1", "",
     "application.properties"},
    {"KL0401", true, "Scala auto.commit.enable default",
     "zookeeper.connect=zk:2181\ngroup.id=g\nconsumer.timeout.ms=10\n"},
    {"KL0401", false, "explicit false", "group.id=g\nenable.auto.commit=false\n"},
    {"KL0401", false, "Java consumer without group.id does not commit",
     "key.deserializer=x\nauto.offset.reset=earliest\n"},
    {"KL0401", false, "librdkafka store-after-processing pattern",
     "group.id=g\nenable.auto.offset.store=false\nfetch.wait.max.ms=5\n"},

    // KL0402 auto.offset.reset=latest
    {"KL0402", true, "Java default", "group.id=g\nenable.auto.commit=false\n"},
    {"KL0402", true, "explicit latest", "group.id=g\nauto.offset.reset=latest\n"},
    {"KL0402", true, "librdkafka largest", "group.id=g\nauto.offset.reset=largest\nenable.auto.offset.store=false\n"},
    {"KL0402", true, "librdkafka end", "group.id=g\nauto.offset.reset=end\nenable.auto.offset.store=false\n"},
    {"KL0402", false, "earliest", "group.id=g\nauto.offset.reset=earliest\n"},
    {"KL0402", false, "none", "group.id=g\nauto.offset.reset=none\n"},
    {"KL0402", false, "librdkafka smallest",
     "group.id=g\nauto.offset.reset=smallest\nenable.auto.offset.store=false\n"},
    {"KL0402", false, "librdkafka error", "group.id=g\nauto.offset.reset=error\nenable.auto.offset.store=false\n"},

    // KL0403 heartbeat vs session
    {"KL0403", true, "more than a third", "group.id=g\nsession.timeout.ms=10000\nheartbeat.interval.ms=5000\n"},
    {"KL0403", true, "heartbeat above session", "group.id=g\nsession.timeout.ms=10000\nheartbeat.interval.ms=12000\n"},
    {"KL0403", false, "defaults", "group.id=g\n"},
    {"KL0403", false, "exactly a third", "group.id=g\nsession.timeout.ms=9000\nheartbeat.interval.ms=3000\n"},

    // KL0404 max.poll.interval vs session
    {"KL0404", true, "poll interval below session",
     "group.id=g\nsession.timeout.ms=60000\nmax.poll.interval.ms=30000\n"},
    {"KL0404", false, "defaults", "group.id=g\n"},
    {"KL0404", false, "equal", "group.id=g\nsession.timeout.ms=60000\nmax.poll.interval.ms=60000\n"},

    // KL0601-KL0603 Connect internal topics
    {"KL0601", true, "config storage RF 1", "group.id=c\nkey.converter=x\nconfig.storage.replication.factor=1\n"},
    {"KL0601", false, "broker default (-1)", "group.id=c\nkey.converter=x\nconfig.storage.replication.factor=-1\n"},
    {"KL0601", false, "default 3", "group.id=c\nkey.converter=x\n"},
    {"KL0602", true, "offset storage RF 2", "group.id=c\nkey.converter=x\noffset.storage.replication.factor=2\n"},
    {"KL0602", false, "RF 3", "group.id=c\nkey.converter=x\noffset.storage.replication.factor=3\n"},
    {"KL0603", true, "status storage RF 1", "group.id=c\nkey.converter=x\nstatus.storage.replication.factor=1\n"},
    {"KL0603", false, "RF 3", "group.id=c\nkey.converter=x\nstatus.storage.replication.factor=3\n"},

    // KL0701 Scala clients
    {"KL0701", true, "Scala producer", "metadata.broker.list=h:9092\nproducer.type=async\nserializer.class=x\n"},
    {"KL0701", true, "Scala consumer", "zookeeper.connect=zk:2181\ngroup.id=g\nauto.commit.enable=false\n"},
    {"KL0701", false, "Java producer", "bootstrap.servers=h:9092\nacks=all\n"},

    // KL0801 plaintext secrets
    {"KL0801", true, "JAAS password",
     "bootstrap.servers=h:9092\nacks=all\nsasl.jaas.config=x.PlainLoginModule required "
     "username=\"u\" password=\"pw\";\n"},
    {"KL0801", true, "keystore password on a broker", BROKER("ssl.keystore.password=changeit\n")},
    {"KL0801", true, "librdkafka sasl.password", "bootstrap.servers=h:9092\nsasl.password=pw\n", "4.1",
     "client:librdkafka"},
    {"KL0801", true, "a password in a schema registry URL",
     "bootstrap.servers=h:9092\nacks=all\nschema.registry.url=https://u:pw@sr:8081\n"},
    {"KL0801", true, "compose environment",
     "services:\n  kafka:\n    image: confluentinc/cp-kafka:7.8.0\n    environment:\n      KAFKA_BROKER_ID: 1\n"
     "      KAFKA_SSL_KEY_PASSWORD: changeit\n",
     "4.1", "", "docker-compose.yml"},
    {"KL0801", false, "config provider reference",
     BROKER("ssl.keystore.password=${file:/etc/kafka/secrets.properties:keystore}\n")},
    {"KL0801", false, "environment reference in JAAS",
     "bootstrap.servers=h:9092\nacks=all\nsasl.jaas.config=x.PlainLoginModule required username=\"u\" "
     "password=\"${env:KAFKA_PASSWORD}\";\n"},
    {"KL0801", false, "Kerberos JAAS has no password",
     "bootstrap.servers=h:9092\nacks=all\nsasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required "
     "useKeyTab=true keyTab=\"/etc/k.keytab\" principal=\"kafka@X\";\n"},
    {"KL0801", false, "URLs and sources of credentials are not credentials",
     "bootstrap.servers=h:9092\nacks=all\nsasl.oauthbearer.token.endpoint.url=https://idp/token\n"
     "basic.auth.credentials.source=USER_INFO\nschema.registry.url=https://sr:8081\n"},
    {"KL0801", false, "a template placeholder", BROKER("ssl.key.password={{ .Values.keyPassword }}\n")},

    // Cluster-aware broker rules
    {"KL0112", true, "offsets RF 3 on one broker", SPEC("1", SAFE_CONFIG, ""), "4.1", "", kSpec},
    {"KL0112", true, "default RF 3 on two brokers",
     SPEC("2", SAFE_CONFIG ", offsets.topic.replication.factor: 2, transaction.state.log.replication.factor: 2", ""),
     "4.1", "", kSpec},
    {"KL0112", false, "three brokers", SPEC("3", SAFE_CONFIG, ""), "4.1", "", kSpec},
    {"KL0112", false, "no cluster known (a server.properties alone)", kBroker},
    {"KL0113", true, "min ISR 3 on three brokers", SPEC("3", "min.insync.replicas: 3", ""), "4.1", "", kSpec},
    {"KL0113", false, "min ISR 2 on three brokers", SPEC("3", SAFE_CONFIG, ""), "4.1", "", kSpec},

    // KL0201-KL0209 topics
    {"KL0201", true, "RF 1", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 1")), "4.1", "", kSpec},
    {"KL0201", true, "RF 2", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 2")), "4.1", "", kSpec},
    {"KL0201", false, "RF 3", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0201", false, "RF -1 takes the broker default (3)", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: -1")),
     "4.1", "", kSpec},
    {"KL0201", false, "RF unset: the broker rule reports default.replication.factor",
     SPEC("3", "min.insync.replicas: 2", TOPIC("partitions: 3")), "4.1", "", kSpec},
    {"KL0202", true, "override 1",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 1}")), "4.1", "", kSpec},
    {"KL0202", false, "override 2",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 2}")), "4.1", "", kSpec},
    {"KL0202", false, "inherited 1 (reported on the broker)",
     SPEC("3", "default.replication.factor: 3", TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0203", true, "no broker config in view",
     "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3, racks: [a, b, c]}\n" TOPIC("replication_factor: 3"),
     "4.1", "", kSpec},
    {"KL0203", false, "topic sets 2",
     "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3, racks: [a, b, c]}\n" TOPIC(
         "replication_factor: 3, config: {min.insync.replicas: 2}"),
     "4.1", "", kSpec},
    {"KL0203", false, "broker config in view", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "",
     kSpec},
    {"KL0204", true, "RF unset, no broker config in view",
     "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3, racks: [a, b, c]}\n" TOPIC(
         "config: {min.insync.replicas: 2}"),
     "4.1", "", kSpec},
    {"KL0204", true, "RF -1, no broker config in view",
     "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3, racks: [a, b, c]}\n" TOPIC(
         "replication_factor: -1, config: {min.insync.replicas: 2}"),
     "4.1", "", kSpec},
    {"KL0204", false, "RF -1 with the broker config in view", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: -1")),
     "4.1", "", kSpec},
    {"KL0205", true, "RF 2 with min ISR 2",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 2, config: {min.insync.replicas: 2}")), "4.1", "", kSpec},
    {"KL0205", false, "RF 3 with min ISR 2",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 2}")), "4.1", "", kSpec},
    {"KL0206", true, "topic enables unclean election",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {unclean.leader.election.enable: true}")), "4.1", "",
     kSpec},
    {"KL0206", false, "topic disables it",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {unclean.leader.election.enable: false}")), "4.1", "",
     kSpec},
    {"KL0207", true, "RF 3 on two brokers", SPEC("2", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0207", false, "RF 3 on three brokers", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "",
     kSpec},
    {"KL0208", true, "min ISR 3 on three brokers",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 3}")), "4.1", "", kSpec},
    {"KL0208", false, "min ISR 2 on three brokers",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 2}")), "4.1", "", kSpec},
    {"KL0209", true, "RF 3 over two racks",
     "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: [{id: 1, rack: a}, {id: 2, rack: b}, {id: 3, rack: "
     "a}]\n"
     "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n" TOPIC("replication_factor: 3"),
     "4.1", "", kSpec},
    {"KL0209", false, "RF 3 over three racks",
     "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: [{id: 1, rack: a}, {id: 2, rack: b}, {id: 3, rack: "
     "c}]\n"
     "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n" TOPIC("replication_factor: 3"),
     "4.1", "", kSpec},

    // KL0307 producer -> topic
    {"KL0307", true, "acks=all to a topic with min ISR 1",
     SPEC("3", SAFE_CONFIG,
          TOPIC("replication_factor: 3, config: {min.insync.replicas: 1}") "clients:\n  - {name: p, kind: producer, "
                                                                           "config: {acks: all}, produces: [t]}\n"),
     "4.1", "", kSpec},
    {"KL0307", false, "acks=all to a topic with min ISR 2",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3") "clients:\n  - {name: p, kind: producer, produces: [t]}\n"),
     "4.1", "", kSpec},
    {"KL0307", false, "a topic the input does not describe",
     SPEC("3", SAFE_CONFIG, "clients:\n  - {name: p, kind: producer, produces: [elsewhere]}\n"), "4.1", "", kSpec},

    // KL0405 consumer of a transactional topic
    {"KL0405", true, "Java consumer default read_uncommitted",
     SPEC("3", SAFE_CONFIG,
          TOPIC("replication_factor: 3") "clients:\n  - {name: p, kind: producer, config: {transactional.id: tx-1}, "
                                         "produces: [t]}\n"
                                         "  - {name: c, kind: consumer, config: {group.id: g, enable.auto.commit: "
                                         "false}, consumes: [t]}\n"),
     "4.1", "", kSpec},
    {"KL0405", false, "read_committed",
     SPEC("3", SAFE_CONFIG,
          TOPIC("replication_factor: 3") "clients:\n  - {name: p, kind: producer, config: {transactional.id: tx-1}, "
                                         "produces: [t]}\n"
                                         "  - {name: c, kind: consumer, config: {group.id: g, isolation.level: "
                                         "read_committed}, consumes: [t]}\n"),
     "4.1", "", kSpec},
    {"KL0405", false, "librdkafka consumer default read_committed",
     SPEC("3", SAFE_CONFIG,
          TOPIC("replication_factor: 3") "clients:\n  - {name: p, kind: producer, config: {transactional.id: tx-1}, "
                                         "produces: [t]}\n"
                                         "  - {name: c, kind: consumer, dialect: librdkafka, config: {group.id: g}, "
                                         "consumes: [t]}\n"),
     "4.1", "", kSpec},
    {"KL0405", false, "producer not transactional",
     SPEC("3", SAFE_CONFIG,
          TOPIC("replication_factor: 3") "clients:\n  - {name: p, kind: producer, produces: [t]}\n"
                                         "  - {name: c, kind: consumer, config: {group.id: g}, consumes: [t]}\n"),
     "4.1", "", kSpec},

    // KL0501 racks
    {"KL0501", true, "three brokers without racks", SPEC("3", "min.insync.replicas: 2", ""), "4.1", "", kSpec},
    {"KL0501", false, "three brokers with racks", SPEC("3", SAFE_CONFIG, "  racks: [a, b, c]\n"), "4.1", "", kSpec},
    {"KL0501", false, "a single broker", SPEC("1", "min.insync.replicas: 1", ""), "4.1", "", kSpec},

    // Diagnostics implemented in code
    {"KL9001", true, "misspelled durability key", SAFE_BROKER("unclean.leader.election=false\n")},
    {"KL9001", true, "key of another config kind", "acks=all\nmin.insync.replicas=2\n"},
    {"KL9001", true, "key removed in Kafka 4", SAFE_BROKER("zookeeper.connect=zk:2181\n")},
    {"KL9001", false, "per-listener override", SAFE_BROKER("listener.name.internal.ssl.keystore.location=/k\n")},
    {"KL9001", false, "Schema Registry settings in a client file", "acks=all\nschema.registry.url=http://sr:8081\n"},
    {"KL9001", false, "ZooKeeper key on Kafka 3.9", SAFE_BROKER("zookeeper.connect=zk:2181\n"), "3.9"},
    {"KL9002", true, "not an integer", SAFE_BROKER("num.partitions=many\n")},
    {"KL9002", true, "out of range", SAFE_BROKER("min.insync.replicas=0\n")},
    {"KL9002", true, "not in the valid set", "acks=2\n"},
    {"KL9002", false, "valid values with spaces around", SAFE_BROKER("num.partitions = 6 \n")},
    {"KL9003", true, "key set twice", SAFE_BROKER("min.insync.replicas=1\n")},
    {"KL9003", true, "alias set twice (librdkafka)", "acks=all\nrequest.required.acks=1\nqueue.buffering.max.ms=1\n"},
    {"KL9003", false, "distinct keys", SAFE_BROKER("num.partitions=3\n")},
    {"KL9004", true, "template placeholder", BROKER("min.insync.replicas={{ kafka_min_isr }}\n")},
    {"KL9004", true, "config provider reference",
     BROKER("min.insync.replicas=${file:/etc/kafka/isr.properties:isr}\n")},
    {"KL9004", false, "placeholder in a key no rule reads", SAFE_BROKER("log.dirs={{ dirs }}\n")},
    {"KL9005", true, "no Kafka keys", "color=blue\nsize=3\n"},
    {"KL9005", false, "a broker", kBroker},
    {"KL9006", true, "byte-order mark before a key",
     "\xEF\xBB\xBF"
     "broker.id=1\nlog.dirs=/d\n"},
    {"KL9007", true, "Spring overrides spring.kafka.properties.isolation.level",
     "spring:\n  kafka:\n    properties:\n      isolation.level: read_committed\n    consumer:\n      group-id: g\n",
     "4.1", "", "application.yml"},
    {"KL9007", true, "Jikkou ignores configs beside the spec",
     "apiVersion: kafka.jikkou.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t}\nconfigs: {min.insync.replicas: 2}\n"
     "spec: {partitions: 3, replicas: 3, configs: {min.insync.replicas: 2}}\n",
     "4.1", "", "topics.yaml"},
    {"KL9007", false, "Spring consumer setting in its place",
     "spring:\n  kafka:\n    consumer:\n      group-id: g\n      isolation-level: read_committed\n", "4.1", "",
     "application.yml"},
    {"KL9008", true, "a JulieOps plan the input does not have",
     "context: c\nprojects:\n  - name: p\n    topics:\n      - name: t\n        plan: gold\n"
     "        config: {replication.factor: \"3\", min.insync.replicas: \"2\"}\n",
     "4.1", "", "topology.yaml"},
    {"KL9008", true, "a Strimzi Kafka whose broker count is not known",
     "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: c, annotations: {strimzi.io/node-pools: "
     "enabled}}\n"
     "spec:\n  kafka:\n    config: {min.insync.replicas: 2, default.replication.factor: 3}\n",
     "4.1", "", "kafka.yaml"},
    {"KL9008", false, "a Strimzi Kafka with replicas",
     "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: c}\n"
     "spec:\n  kafka:\n    replicas: 3\n    config: {min.insync.replicas: 2, default.replication.factor: 3}\n",
     "4.1", "", "kafka.yaml"},
    {"KL9006", false, "byte-order mark before a comment", "\xEF\xBB\xBF# comment\nbroker.id=1\n"},

    // KL0210-KL0215 read a live cluster's partitions (kLiveCases); topics from files have none.
    {"KL0210", false, "a topic from a file", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0211", false, "a topic from a file",
     SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3, config: {min.insync.replicas: 4}")), "4.1", "", kSpec},
    {"KL0212", false, "a topic from a file", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0213", false, "a topic from a file", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
    {"KL0214", false, "a topic from a file",
     "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: [{id: 1, rack: a}, {id: 2, rack: b}, {id: 3, rack: "
     "a}]\n  broker_config: {min.insync.replicas: 2, default.replication.factor: 2}\n" TOPIC("replication_factor: 2"),
     "4.1", "", kSpec},
    {"KL0215", false, "a topic from a file", SPEC("3", SAFE_CONFIG, TOPIC("replication_factor: 3")), "4.1", "", kSpec},
};

// Rules over a live cluster's state: models built in code, as the cluster loader builds them.
struct LiveRuleCase {
  const char* rule;
  bool fires;
  const char* what;
  void (*build)(Model&);
};

const std::map<std::int32_t, std::string> kNoRacks = {{1, ""}, {2, ""}, {3, ""}};
const std::map<std::int32_t, std::string> kThreeZones = {{1, "a"}, {2, "b"}, {3, "c"}, {4, "a"}};

// One partition (id 0) of a topic "t" whose other partitions (1, 2) are healthy, with min ISR 2.
void withPartition(Model& m, LivePartition p, std::vector<LiveSetting> configs = {}) {
  auto partitions = inSyncPartitions(3, 3);
  partitions[0] = std::move(p);
  LiveClusterBuilder(m, kNoRacks).topic("t", partitions, configs);
}

const LiveRuleCase kLiveCases[] = {
    {"KL0210", true, "ISR 2 of 3 with min ISR 1",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1, 2}}, {{"min.insync.replicas", "1"}});
     }},
    {"KL0210", false, "every replica in sync",
     [](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3)); }},
    {"KL0210", false, "ISR 2 of 3 with min ISR 2 is at min ISR instead",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1, 2}});
     }},
    {"KL0211", true, "ISR 1 of 3 with min ISR 2",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1}});
     }},
    {"KL0211", true, "min ISR above the replication factor",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1, 2, 3}}, {{"min.insync.replicas", "4"}});
     }},
    {"KL0211", false, "every replica in sync",
     [](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3)); }},
    {"KL0211", false, "a leaderless partition is reported as leaderless only",
     [](Model& m) {
       withPartition(m, {0, -1, {1, 2, 3}, {1}});
     }},
    {"KL0211", false, "min ISR could not be read",
     [](Model& m) {
       auto partitions = inSyncPartitions(3, 3);
       partitions[0].isr = {1};
       Entity& t = LiveClusterBuilder(m, kNoRacks).topic("t", partitions);
       t.settings.erase(t.settings.begin(), t.settings.begin() + 2);  // only the metadata was read
       t.unverified = "DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED";
     }},
    {"KL0212", true, "ISR 2 of 3 with min ISR 2",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1, 2}});
     }},
    {"KL0212", false, "replication factor 2 and min ISR 2, both in sync (KL0205's case)",
     [](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 2)); }},
    {"KL0212", false, "ISR 1 of 3 is under min ISR instead",
     [](Model& m) {
       withPartition(m, {0, 1, {1, 2, 3}, {1}});
     }},
    {"KL0213", true, "no leader",
     [](Model& m) {
       withPartition(m, {0, -1, {1, 2, 3}, {3}});
     }},
    {"KL0213", true, "no leader, min ISR could not be read",
     [](Model& m) {
       auto partitions = inSyncPartitions(3, 3);
       partitions[0].leader = -1;
       Entity& t = LiveClusterBuilder(m, kNoRacks).topic("t", partitions);
       t.settings.erase(t.settings.begin(), t.settings.begin() + 2);
       t.unverified = "DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED";
     }},
    {"KL0213", false, "every partition led",
     [](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3)); }},
    {"KL0214", true, "two replicas in zone a although there are three zones",
     [](Model& m) {
       LiveClusterBuilder(m, kThreeZones).topic("t", {{0, 1, {1, 4, 2}, {1, 4, 2}}, {1, 2, {2, 3, 1}, {2, 3, 1}}});
     }},
    {"KL0214", false, "one replica per zone",
     [](Model& m) {
       LiveClusterBuilder(m, kThreeZones).topic("t", {{0, 1, {1, 2, 3}, {1, 2, 3}}});
     }},
    {"KL0214", false, "brokers without racks",
     [](Model& m) {
       LiveClusterBuilder(m, kNoRacks).topic("t", {{0, 1, {1, 2, 3}, {1, 2, 3}}});
     }},
    {"KL0214", false, "a replica's broker configs were not read",
     [](Model& m) {
       LiveClusterBuilder(m, {{1, "a"}, {2, "b"}, {3, "c"}}).topic("t", {{0, 1, {1, 5, 2}, {1, 5, 2}}});
     }},
    {"KL0214", false, "three replicas over both of two zones",
     [](Model& m) {
       LiveClusterBuilder(m, {{1, "a"}, {2, "b"}, {3, "a"}}).topic("t", {{0, 1, {1, 2, 3}, {1, 2, 3}}});
     }},
    {"KL0215", true, "one partition with 2 replicas, the others 3",
     [](Model& m) {
       auto partitions = inSyncPartitions(3, 3);
       partitions[2].replicas = partitions[2].isr = {3, 1};
       LiveClusterBuilder(m, kNoRacks).topic("t", partitions);
     }},
    {"KL0215", false, "every partition with 3 replicas",
     [](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3)); }},
};

std::string caseName(const RuleCase& c) {
  return std::string(c.rule) + (c.fires ? " fires: " : " stays quiet: ") + c.what;
}

TEST_CASE("every built-in rule fires on its bad configurations and stays quiet on good ones") {
  for (const RuleCase& c : kCases) {
    CAPTURE(caseName(c));
    AuditOptions options;
    options.version = c.version;
    options.kind = c.kind;
    options.name = c.name;
    Audit a = audit(c.text, options);
    INFO(a.describe());
    CHECK(a.has(c.rule) == c.fires);
    CHECK(a.loaded.errors.empty());
  }
}

TEST_CASE("the live rules fire on a live cluster's bad state and stay quiet on a healthy one") {
  for (const LiveRuleCase& c : kLiveCases) {
    CAPTURE(std::string(c.rule) + (c.fires ? " fires: " : " stays quiet: ") + c.what);
    Audit a = auditModel(c.build);
    INFO(a.describe());
    CHECK(a.byRule(c.rule).size() == (c.fires ? 1u : 0u));
  }
}

TEST_CASE("the built-in examples of the rule table cover every rule both ways") {
  std::map<std::string, std::pair<int, int>> coverage;
  for (const RuleCase& c : kCases) (c.fires ? coverage[c.rule].first : coverage[c.rule].second)++;
  for (const LiveRuleCase& c : kLiveCases) (c.fires ? coverage[c.rule].first : coverage[c.rule].second)++;
  for (const RuleInfo* rule : builtinRules().rules()) {
    if (rule->id == "KL9010") continue;  // evaluation errors: tested with a broken user rule in checks_test
    if (rule->id == "KL9009") continue;  // live clusters only: tests/load/live_model_test.cpp
    // Reported by the gate, not the engine: tests/gate/gate_test.cpp.
    if (rule->id == "KL9011" || rule->id == "KL9012" || rule->id == "KL9013") continue;
    CAPTURE(rule->id);
    CHECK(coverage[rule->id].first > 0);
    CHECK(coverage[rule->id].second > 0);
  }
}

}  // namespace
}  // namespace kafkalint::test
