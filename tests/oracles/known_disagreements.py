"""Known disagreements between the real clients and kafkalint: the list that must shrink to zero.

src/ is not changed by the oracle work, so what kafkalint gets wrong today is listed here, each
entry with the cells it covers, what the client does, what kafkalint says, the item of
../shared/kafka/semantics-review.md it corresponds to (W#/I#; N# for disagreements the review does
not have, numbered here) and the resolver function or rule responsible. compare.py fails on any
disagreement not covered here and on any entry that no longer matches anything: when a fix lands,
remove its entry.

Fields of an entry:
  family, role      "java" | "librdkafka" | "sarama" | "spring", "producer" | "consumer"
  releases          table releases it applies to, or "*"
  where             settings the cell must have: key -> value, a tuple of values, or UNSET (not set)
  key               the compared key ("<outcome>": accepted or refused), or a tuple of keys
  client, kafkalint the normalised values (compare.py), or "*"
  review            W#/I# of the semantics review, or N# (new)
  function          where kafkalint makes the claim (src/resolve/..., rules/...)
  note              what the client really does
"""
import collections

Known = collections.namedtuple("Known", "family releases role where key client kafkalint review function note")
UNSET = None
OUTCOME = "<outcome>"
JAVA_4 = ("4.0.1", "4.1.1")
JAVA_KIP848 = ("3.7.2", "3.9.1", "4.0.1", "4.1.1")
SARAMA_OLD = ("v1.19.0", "v1.30.0")

KNOWN = [
    # ------------------------------------------------------------ Java clients
    Known("java", JAVA_4, "producer",
          {"max.in.flight.requests.per.connection": "6", "enable.idempotence": UNSET, "transactional.id": UNSET},
          OUTCOME, "refused", "ok", "W1",
          "src/resolve/java_dialect.cpp JavaDialect::idempotenceDefault (kConflicts turns the default off for "
          "max.in.flight > 5 on every release >= 3.0.1)",
          "4.0+: ProducerConfig throws 'To use the idempotent producer, max.in.flight.requests.per.connection must "
          "be set to at most 5' whatever acks and retries are (KAFKA-17927); kafkalint says idempotence is "
          "silently off and reports no refusal"),
    Known("java", "*", "producer", {"acks": ("0", "1")}, OUTCOME, "refused", "ok", "N1",
          "src/resolve/java_dialect.cpp JavaDialect::idempotenceDefault / idempotentProducerDefault; no rule "
          "(KL0306 covers only idempotence off)",
          "explicit enable.idempotence=true (or transactional.id) with acks 0/1: ConfigException 'Must set acks "
          "to all in order to use the idempotent producer' (KafkaProducer in 2.0, ProducerConfig from 2.8); "
          "kafkalint claims no refusal (the review lists the exception as correct facts, but no rule states it)"),
    Known("java", "*", "producer", {"retries": "0"}, OUTCOME, "refused", "ok", "N1",
          "src/resolve/java_dialect.cpp JavaDialect::idempotenceDefault; no rule",
          "explicit enable.idempotence=true (or transactional.id) with retries=0: ConfigException 'Must set "
          "retries to non-zero when using the idempotent producer'; kafkalint claims no refusal"),
    Known("java", JAVA_4, "consumer", {"group.protocol": "consumer", "session.timeout.ms": ("10000", "60000")},
          OUTCOME, "refused", "ok", "W7",
          "rules/consumer/KL0403, KL0404 and the catalog: client session/heartbeat keys are taken as in effect "
          "for group.protocol=consumer",
          "4.0+: ConfigException 'session.timeout.ms cannot be set when group.protocol=CONSUMER'"),
    Known("java", JAVA_4, "consumer", {"group.protocol": "consumer", "heartbeat.interval.ms": ("3000", "20000")},
          OUTCOME, "refused", "ok", "W7",
          "rules/consumer/KL0403, KL0404 and the catalog (as above)",
          "4.0+: ConfigException 'heartbeat.interval.ms cannot be set when group.protocol=CONSUMER'"),
    Known("java", ("3.7.2", "3.9.1"), "consumer", {"group.protocol": "consumer", "heartbeat.interval.ms": "20000"},
          OUTCOME, "ok", "refused", "W7",
          "rules/consumer/KL0403 ('the Java consumer rejects it')",
          "3.7/3.9 with group.protocol=consumer: heartbeat.interval.ms >= session.timeout.ms is accepted (the "
          "KIP-848 consumer does not use them); only the classic consumer throws 'Heartbeat must be set lower "
          "than the session timeout'"),
    Known("java", ("2.8.2", "3.0.0", "3.0.1", "3.1.0", "3.1.1", "3.2.3") + JAVA_KIP848, "consumer",
          {"group.id": UNSET, "enable.auto.commit": "true"}, OUTCOME, "refused", "ok", "N2",
          "src/resolve/java_dialect.cpp JavaDialect::autoCommitDefault (only the unset case); no rule",
          "no group.id with an explicit enable.auto.commit=true: InvalidConfigurationException 'enable.auto.commit "
          "cannot be set to true when default group id (null) is used' (2.2+; 2.0 defaults group.id to \"\" and "
          "accepts it)"),
    Known("java", JAVA_KIP848, "consumer", {"group.id": ""}, OUTCOME, "refused", "ok", "N3",
          "src/resolve/java_dialect.cpp JavaDialect::autoCommitDefault (group.id \"\" is taken as a group); no rule",
          "group.id=\"\" (empty): 3.7+ KafkaConsumer throws InvalidGroupIdException 'The configured group.id "
          "should not be an empty string or whitespace' (3.2 and older accept it)"),
    # ------------------------------------------------------------ librdkafka
    Known("librdkafka", "*", "producer", {"acks": ("0", "1")}, OUTCOME, "refused", "ok", "N1",
          "src/resolve/librdkafka_dialect.cpp LibrdkafkaDialect::derivedDefault; no rule",
          "enable.idempotence=true (explicit, or implied by transactional.id) with acks 0/1: rd_kafka_new fails "
          "'`acks` must be set to `all` when `enable.idempotence` is true'"),
    Known("librdkafka", "*", "producer", {"retries": "0"}, OUTCOME, "refused", "ok", "N1",
          "src/resolve/librdkafka_dialect.cpp LibrdkafkaDialect::derivedDefault; no rule",
          "idempotence with retries=0: rd_kafka_new fails '`retries` must be set >= 1 when `enable.idempotence` "
          "is true'"),
    Known("librdkafka", "*", "producer", {"message.timeout.ms": "50", "linger.ms": "100"}, OUTCOME, "refused", "ok",
          "W3", "rules/producer/KL0303 (librdkafka branch: 'accepts it')",
          "rd_kafka_new fails '`message.timeout.ms` must be greater than `linger.ms`'"),
    Known("librdkafka", "*", "producer", {"transactional.id": "tx-1", "message.timeout.ms": "120000"}, OUTCOME,
          "refused", "ok", "N5",
          "src/resolve/librdkafka_dialect.cpp LibrdkafkaDialect::derivedDefault (delivery.timeout.ms only when "
          "unset); no rule",
          "transactional producer with message.timeout.ms > transaction.timeout.ms: rd_kafka_new fails "
          "'`message.timeout.ms` must be set <= `transaction.timeout.ms`'"),
    Known("librdkafka", "*", "producer", {"transactional.id": "tx-1"}, "socket.timeout.ms", "*", "60000", "N6",
          "src/resolve/librdkafka_dialect.cpp LibrdkafkaDialect::derivedDefault (no socket.timeout.ms case)",
          "a transactional producer runs with socket.timeout.ms = transaction.timeout.ms - 100 (59900 by "
          "default) when that is lower; kafkalint says the 60000 default"),
    Known("librdkafka", "*", "consumer", {"session.timeout.ms": "10000", "heartbeat.interval.ms": "20000"}, OUTCOME,
          "ok", "refused", "N4", "rules/consumer/KL0403 (its message says 'the Java consumer rejects it' for "
          "every dialect)",
          "librdkafka accepts heartbeat.interval.ms >= session.timeout.ms (rd_kafka_new succeeds)"),
    Known("librdkafka", ("wheel",), "consumer", {"group.protocol": ("classic", "consumer")}, OUTCOME, "ok", "refused",
          "I11", "src/resolve/librdkafka_dialect.cpp (the 2.0.2 property table, catalog_data kLibrdkafkaVersion)",
          "librdkafka 2.16 (the confluent-kafka wheel) has group.protocol; kafkalint models 2.0.2, where "
          "rd_kafka_conf_set refuses it (KL9001)"),
    Known("librdkafka", ("wheel",), "consumer", {}, "group.protocol", "*", "n/a", "I11",
          "src/resolve/librdkafka_dialect.cpp (the 2.0.2 property table)",
          "librdkafka 2.16 defaults group.protocol to classic; kafkalint's 2.0.2 model has no such property"),
    # ------------------------------------------------------------ Sarama
    Known("sarama", SARAMA_OLD, "producer", {}, OUTCOME, "nofield", "known-field", "N7",
          "src/resolve/sarama_dialect.cpp kFields (one field table for every release)",
          "v1.19.0 has no Producer.Idempotent, v1.19.0 and v1.30.0 no Producer.Transaction; kafkalint knows the "
          "fields for every Sarama release"),
    Known("sarama", ("v1.19.0",), "consumer", {}, OUTCOME, "nofield", "known-field", "N7",
          "src/resolve/sarama_dialect.cpp kFields",
          "v1.19.0 has no Consumer.Offsets.AutoCommit and no Consumer.IsolationLevel"),
    Known("sarama", ("v1.19.0",), "producer", {}, "enable.idempotence", "n/a", "false", "N7",
          "src/resolve/sarama_dialect.cpp kFields / SaramaDialect::resolve",
          "v1.19.0 has no idempotent producer at all; kafkalint gives the newer releases' default false"),
    Known("sarama", ("v1.19.0",), "consumer", {},
          ("enable.auto.commit", "auto.commit.interval.ms", "isolation.level"), "n/a", "*", "N7",
          "src/resolve/sarama_dialect.cpp kFields / SaramaDialect::resolve",
          "v1.19.0 has no Consumer.Offsets.AutoCommit (offsets are committed by CommitInterval) and no "
          "IsolationLevel; kafkalint gives the newer releases' defaults"),
    Known("sarama", "*", "producer", {"Producer.Idempotent": "true", "Producer.RequiredAcks": (UNSET, "NoResponse",
                                                                                              "WaitForLocal")},
          OUTCOME, "refused", "ok", "N1", "rules/producer/KL0308 (checks only Net.MaxOpenRequests); no rule",
          "Validate: 'Idempotent producer requires Producer.RequiredAcks to be WaitForAll'"),
    Known("sarama", "*", "producer", {"Producer.Idempotent": "true", "Producer.Retry.Max": "0"}, OUTCOME, "refused",
          "ok", "N1", "rules/producer/KL0308 (checks only Net.MaxOpenRequests); no rule",
          "Validate: 'Idempotent producer requires Producer.Retry.Max >= 1'"),
    # ------------------------------------------------------------ Spring Boot / Spring Kafka
    Known("spring", "*", "producer", {"spring.kafka.producer.properties.delivery.timeout.ms": "1000"}, OUTCOME,
          "refused", "ok", "W2", "rules/producer/KL0303 (tests dialect() == \"java\"; the Spring dialect is "
          "\"spring\")",
          "the Java producer Spring creates throws 'delivery.timeout.ms should be equal to or larger than "
          "linger.ms + request.timeout.ms'; kafkalint gives the librdkafka text (a message can expire) instead "
          "of the refusal"),
]
