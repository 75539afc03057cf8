"""The generated matrices of client configurations the oracles are asked about.

Each cell is a dict of settings (key -> text, None = not set). The same cells are given to the real
clients (refresh.py) and to kafkalint (compare.py), so both sides of every comparison describe the
same configuration. Cell ids are stable: a submatrix name and the index in its product, plus the
settings themselves are in the tables, so a reordering shows up as a diff, not as a silent change.

Adding a cell: add a value to a dimension (or a new submatrix) here, run `refresh.py` for the family
(the tables get the new rows), then `compare.py` (new disagreements must be fixed in src/ or listed
in known_disagreements.py).
"""
import itertools

UNSET = None


def product(prefix, dims, fixed=None):
    """Cells of the cartesian product of `dims` (a list of (key, values)), plus `fixed` settings."""
    keys = [k for k, _ in dims]
    cells = []
    for i, values in enumerate(itertools.product(*[v for _, v in dims])):
        settings = dict(fixed or {})
        for k, v in zip(keys, values):
            if v is not UNSET:
                settings[k] = v
        cells.append((f"{prefix}{i:03d}", settings))
    return cells


# ---------------------------------------------------------------- Java clients (kafka-clients)

# Releases the resolver models; each is loaded in its own class loader.
JAVA_RELEASES = ["2.0.1", "2.8.2", "3.0.0", "3.0.1", "3.1.0", "3.1.1", "3.2.3", "3.7.2", "3.9.1", "4.0.1", "4.1.1"]

# What is recorded per client (and asked of kafkalint): the keys the resolver reasons about.
JAVA_PRODUCER_KEYS = ["acks", "enable.idempotence", "retries", "max.in.flight.requests.per.connection",
                      "transactional.id", "delivery.timeout.ms", "linger.ms", "request.timeout.ms"]
JAVA_CONSUMER_KEYS = ["group.id", "enable.auto.commit", "group.protocol", "session.timeout.ms",
                      "heartbeat.interval.ms", "max.poll.interval.ms", "auto.offset.reset", "isolation.level"]


def java_producer_cells():
    # Idempotence and the settings that conflict with it (KAFKA-13598, KAFKA-13673, KAFKA-17927,
    # transactions): review items W1, I1, I2, KL0304-KL0306.
    cells = product("pi", [
        ("acks", [UNSET, "0", "1", "all"]),
        ("enable.idempotence", [UNSET, "true", "false"]),
        ("retries", [UNSET, "0", "3"]),
        ("max.in.flight.requests.per.connection", [UNSET, "1", "5", "6"]),
        ("transactional.id", [UNSET, "tx-1"]),
    ])
    cells += product("pa", [("acks", ["-1"]), ("enable.idempotence", [UNSET, "true", "false"])])
    # delivery.timeout.ms >= linger.ms + request.timeout.ms (KafkaProducer#configureDeliveryTimeout):
    # W2, KL0303, deliveryTimeoutDefault.
    cells += product("pt", [
        ("delivery.timeout.ms", [UNSET, "1000", "30000"]),
        ("linger.ms", [UNSET, "0", "100", "40000"]),
        ("request.timeout.ms", [UNSET, "1000", "30000", "200000"]),
    ])
    return cells


def java_consumer_cells():
    # group.id and auto-commit (KIP-289), the consumer group protocol (KIP-848): autoCommitDefault, I3.
    cells = product("cg", [
        ("group.id", [UNSET, "g", ""]),
        ("enable.auto.commit", [UNSET, "true", "false"]),
        ("group.protocol", [UNSET, "classic", "consumer"]),
    ])
    # Session, heartbeat and poll intervals per protocol: W7, W8, KL0403, KL0404.
    cells += product("ct", [
        ("group.protocol", [UNSET, "classic", "consumer"]),
        ("session.timeout.ms", [UNSET, "10000", "60000"]),
        ("heartbeat.interval.ms", [UNSET, "3000", "20000"]),
        ("max.poll.interval.ms", [UNSET, "5000"]),
    ], fixed={"group.id": "g"})
    cells += product("co", [
        ("auto.offset.reset", [UNSET, "earliest", "none", "by_duration:PT1H"]),
        ("isolation.level", [UNSET, "read_committed"]),
    ], fixed={"group.id": "g"})
    return cells


# ---------------------------------------------------------------- Sarama (Go)

# Module path and version; the Shopify path is the module's name before v1.41.
# v1.19.0 is the oldest release the Go module proxy serves here, v1.61.1 the newest.
SARAMA_RELEASES = [("github.com/Shopify/sarama", "v1.19.0"), ("github.com/Shopify/sarama", "v1.30.0"),
                   ("github.com/Shopify/sarama", "v1.38.1"), ("github.com/IBM/sarama", "v1.43.3"),
                   ("github.com/IBM/sarama", "v1.50.3"), ("github.com/IBM/sarama", "v1.61.1")]

SARAMA_PRODUCER_FIELDS = ["Producer.RequiredAcks", "Producer.Idempotent", "Producer.Retry.Max", "Producer.Retry.Backoff",
                          "Net.MaxOpenRequests", "Producer.Return.Errors", "Producer.Return.Successes",
                          "Producer.Transaction.ID", "Producer.MaxMessageBytes", "Producer.Timeout"]
SARAMA_CONSUMER_FIELDS = ["Consumer.Offsets.AutoCommit.Enable", "Consumer.Offsets.AutoCommit.Interval",
                          "Consumer.Offsets.Initial", "Consumer.IsolationLevel", "Consumer.Group.Session.Timeout",
                          "Consumer.Group.Heartbeat.Interval", "Consumer.Fetch.Min", "Consumer.Fetch.Default",
                          "Consumer.Fetch.Max", "Consumer.Return.Errors", "Net.MaxOpenRequests"]
# The Java key kafkalint answers for each field (what compare.py asks of the sarama dialect).
SARAMA_RULE_KEYS = {
    "Producer.RequiredAcks": "acks", "Producer.Idempotent": "enable.idempotence", "Producer.Retry.Max": "retries",
    "Producer.Retry.Backoff": "retry.backoff.ms", "Net.MaxOpenRequests": "max.in.flight.requests.per.connection",
    "Producer.Transaction.ID": "transactional.id",
    "Consumer.Offsets.AutoCommit.Enable": "enable.auto.commit",
    "Consumer.Offsets.AutoCommit.Interval": "auto.commit.interval.ms",
    "Consumer.Offsets.Initial": "auto.offset.reset", "Consumer.IsolationLevel": "isolation.level",
    "Consumer.Group.Session.Timeout": "session.timeout.ms", "Consumer.Group.Heartbeat.Interval": "heartbeat.interval.ms",
    "Consumer.Fetch.Min": "fetch.min.bytes",
}


def sarama_producer_cells():
    # Config.Validate() for idempotence and transactions: KL0308, W9.
    cells = product("si", [
        ("Producer.RequiredAcks", [UNSET, "NoResponse", "WaitForLocal", "WaitForAll"]),
        ("Producer.Idempotent", [UNSET, "true"]),
        ("Producer.Retry.Max", [UNSET, "0"]),
        ("Net.MaxOpenRequests", [UNSET, "1", "5"]),
        ("Producer.Transaction.ID", [UNSET, "tx-1"]),
        ("Version", [UNSET, "V2_8_0_0"]),
    ])
    cells += product("sr", [
        ("Producer.Return.Errors", [UNSET, "false"]),
        ("Producer.Return.Successes", [UNSET, "true"]),
        ("Producer.Retry.Backoff", [UNSET, "1s"]),
    ])
    return cells


def sarama_consumer_cells():
    cells = product("sc", [
        ("Consumer.Offsets.AutoCommit.Enable", [UNSET, "false"]),
        ("Consumer.Offsets.Initial", [UNSET, "OffsetOldest", "OffsetNewest"]),
        ("Consumer.IsolationLevel", [UNSET, "ReadCommitted"]),
        ("Consumer.Return.Errors", [UNSET, "true"]),
    ])
    cells += product("st", [
        ("Consumer.Group.Session.Timeout", [UNSET, "30s"]),
        ("Consumer.Group.Heartbeat.Interval", [UNSET, "20s", "40s"]),
        ("Consumer.Fetch.Max", [UNSET, "1000"]),
        ("Consumer.Fetch.Default", [UNSET, "2000"]),
    ])
    return cells


# ---------------------------------------------------------------- Spring Boot / Spring Kafka

# (label, Spring Boot version): the kafka-clients and spring-kafka versions are those the Boot BOM manages.
# Boot 4 moved KafkaProperties into its own module, spring-boot-kafka.
SPRING_RELEASES = [("boot2", "2.7.18"), ("boot3", "3.5.7"), ("boot4", "4.0.7")]
SPRING_MODULES = {"boot2": "spring-boot-autoconfigure", "boot3": "spring-boot-autoconfigure", "boot4": "spring-boot-kafka"}
SPRING_PRODUCER_KEYS = JAVA_PRODUCER_KEYS
SPRING_CONSUMER_KEYS = ["group.id", "enable.auto.commit", "isolation.level", "auto.offset.reset",
                        "session.timeout.ms", "max.poll.interval.ms"]


def spring_producer_cells():
    # application.yml property paths, as Spring Boot binds them (relaxed names).
    cells = product("bp", [
        ("spring.kafka.producer.acks", [UNSET, "1", "all"]),
        ("spring.kafka.producer.retries", [UNSET, "0"]),
        ("spring.kafka.producer.properties.enable.idempotence", [UNSET, "false"]),
        ("spring.kafka.producer.transaction-id-prefix", [UNSET, "tx-"]),
    ])
    cells += product("bt", [
        ("spring.kafka.producer.properties.delivery.timeout.ms", [UNSET, "1000"]),
        ("spring.kafka.producer.properties.linger.ms", [UNSET, "100"]),
        ("spring.kafka.properties.request.timeout.ms", [UNSET, "30000"]),
    ])
    return cells


def spring_consumer_cells():
    # A listener container needs a group (from the properties, the container or @KafkaListener):
    # every cell names one, so that what is compared is the container's consumer.
    cells = product("bc", [
        ("spring.kafka.consumer.enable-auto-commit", [UNSET, "true", "false"]),
        ("spring.kafka.consumer.isolation-level", [UNSET, "read-committed"]),
        ("spring.kafka.properties.isolation.level", [UNSET, "read_committed"]),
        ("spring.kafka.consumer.properties.isolation.level", [UNSET, "read_committed"]),
    ], fixed={"spring.kafka.consumer.group-id": "g"})
    cells += product("bo", [
        ("spring.kafka.consumer.auto-offset-reset", [UNSET, "earliest"]),
        ("spring.kafka.consumer.properties.enable.auto.commit", [UNSET, "true"]),
        ("spring.kafka.consumer.properties.session.timeout.ms", [UNSET, "10000"]),
    ], fixed={"spring.kafka.consumer.group-id": "g"})
    return cells


# ---------------------------------------------------------------- librdkafka

# label -> how the library is found (refresh.py): Debian 12's shared library, and the one bundled by
# the confluent-kafka wheel from PyPI (pinned).
LIBRDKAFKA_WHEEL = "confluent-kafka==2.16.1"
LIBRDKAFKA_RELEASES = ["debian12", "wheel"]
LIBRDKAFKA_PRODUCER_KEYS = ["acks", "enable.idempotence", "retries", "max.in.flight.requests.per.connection",
                            "transactional.id", "delivery.timeout.ms", "linger.ms", "request.timeout.ms",
                            "socket.timeout.ms", "transaction.timeout.ms"]
LIBRDKAFKA_CONSUMER_KEYS = ["group.id", "enable.auto.commit", "enable.auto.offset.store", "auto.offset.reset",
                            "isolation.level", "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms",
                            "group.protocol"]
# The property librdkafka itself reports for a Java rule key (rd_kafka_conf_get of the canonical name).
LIBRDKAFKA_NAMES = {"acks": "request.required.acks", "retries": "message.send.max.retries",
                    "delivery.timeout.ms": "message.timeout.ms", "linger.ms": "queue.buffering.max.ms",
                    "max.in.flight.requests.per.connection": "max.in.flight.requests.per.connection"}


def librdkafka_producer_cells():
    cells = product("ri", [
        ("acks", [UNSET, "0", "1", "all", "-1"]),
        ("enable.idempotence", [UNSET, "true", "false"]),
        ("retries", [UNSET, "0", "3"]),
        ("max.in.flight.requests.per.connection", [UNSET, "5", "6"]),
        ("transactional.id", [UNSET, "tx-1"]),
    ])
    # message.timeout.ms vs linger.ms (W3) and transactions (message.timeout.ms = transaction.timeout.ms).
    cells += product("rt", [
        ("message.timeout.ms", [UNSET, "0", "50", "1000"]),
        ("linger.ms", [UNSET, "0", "100"]),
        ("request.timeout.ms", [UNSET, "60000"]),
    ])
    cells += product("rx", [
        ("transactional.id", ["tx-1"]),
        ("transaction.timeout.ms", [UNSET, "30000"]),
        ("message.timeout.ms", [UNSET, "10000", "120000"]),
    ])
    return cells


def librdkafka_consumer_cells():
    cells = product("rc", [
        ("group.id", [UNSET, "g"]),
        ("enable.auto.commit", [UNSET, "true", "false"]),
        ("enable.auto.offset.store", [UNSET, "false"]),
        ("auto.offset.reset", [UNSET, "smallest", "earliest", "largest", "error"]),
    ])
    cells += product("rs", [
        ("session.timeout.ms", [UNSET, "10000", "60000"]),
        ("heartbeat.interval.ms", [UNSET, "3000", "20000"]),
        ("max.poll.interval.ms", [UNSET, "5000"]),
        ("group.protocol", [UNSET, "classic", "consumer"]),
    ], fixed={"group.id": "g"})
    return cells


FAMILIES = {
    "java": {"releases": JAVA_RELEASES,
             "cells": {"producer": java_producer_cells, "consumer": java_consumer_cells},
             "keys": {"producer": JAVA_PRODUCER_KEYS, "consumer": JAVA_CONSUMER_KEYS}},
    "sarama": {"releases": [v for _, v in SARAMA_RELEASES],
               "cells": {"producer": sarama_producer_cells, "consumer": sarama_consumer_cells},
               "keys": {"producer": SARAMA_PRODUCER_FIELDS, "consumer": SARAMA_CONSUMER_FIELDS}},
    "spring": {"releases": [label for label, _ in SPRING_RELEASES],
               "cells": {"producer": spring_producer_cells, "consumer": spring_consumer_cells},
               "keys": {"producer": SPRING_PRODUCER_KEYS, "consumer": SPRING_CONSUMER_KEYS}},
    "librdkafka": {"releases": LIBRDKAFKA_RELEASES,
                   "cells": {"producer": librdkafka_producer_cells, "consumer": librdkafka_consumer_cells},
                   "keys": {"producer": LIBRDKAFKA_PRODUCER_KEYS, "consumer": LIBRDKAFKA_CONSUMER_KEYS}},
}


def cells(family, role):
    return FAMILIES[family]["cells"][role]()
