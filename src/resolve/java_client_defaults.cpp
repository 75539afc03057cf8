// What the Java clients of a Kafka release compute from other settings when a setting is not
// written: KafkaProducer's and ConsumerConfig's adjustments of their defaults (KIP-289,
// KAFKA-13598, KAFKA-13673, KafkaProducer#configureAcks/#configureRetries/#configureDeliveryTimeout).
#include "java_client_defaults.hpp"

#include "dialects.hpp"

namespace kafkalint {

namespace {

std::optional<EffectiveValue> idempotenceDefault(const KafkaVersion& version, EntityView& view) {
  const bool transactional = !view.get("transactional.id").value.isNull();
  if (version < KafkaVersion{3, 0}) {
    // Before 3.0, ProducerConfig#idempotenceEnabled(): a transactional.id turns idempotence on.
    if (!transactional) return std::nullopt;
    return defaultValue("enable.idempotence", "enable.idempotence", "true", Value(true), ProvenanceKind::Derived,
                        "on: the Java producer enables idempotence because transactional.id is set");
  }
  auto derived = [](std::string detail) {
    return defaultValue("enable.idempotence", "enable.idempotence", "false", Value(false), ProvenanceKind::Derived,
                        std::move(detail));
  };
  // KAFKA-13598: the 3.0.0 and 3.1.0 producers only enable idempotence when it is set explicitly
  // (or a transactional.id is set).
  if ((version == KafkaVersion{3, 0, 0} || version == KafkaVersion{3, 1, 0}) && !transactional) {
    return derived("off: the Kafka " + version.str() +
                   " Java producer does not apply its default enable.idempotence=true unless it is set "
                   "explicitly (KAFKA-13598, fixed in 3.0.1, 3.1.1 and 3.2.0)");
  }
  // KAFKA-13673 (3.2+): the default is silently turned off when it conflicts with other settings.
  struct Conflict {
    const char* key;
    bool (*conflicts)(const Value&);
  };
  static constexpr Conflict kConflicts[] = {
      {"acks", [](const Value& v) { return v.kind() == Value::Kind::String && v.asString() != "all"; }},
      {"retries", [](const Value& v) { return v.kind() == Value::Kind::Int && v.asInt() == 0; }},
      {"max.in.flight.requests.per.connection",
       [](const Value& v) { return v.kind() == Value::Kind::Int && v.asInt() > 5; }},
  };
  for (const Conflict& c : kConflicts) {
    const EffectiveValue& other = view.get(c.key);
    if (other.provenance.kind == ProvenanceKind::Explicit && c.conflicts(other.value)) {
      return derived(std::string("off: the Java producer turns its default enable.idempotence=true off because ") +
                     c.key + "=" + other.text + " conflicts with it (KAFKA-13673)");
    }
  }
  return std::nullopt;
}

// Before 3.0 the defaults were acks=1 (and retries=0 up to 2.0), but an idempotent producer
// replaced unset values with acks=all and retries=Integer.MAX_VALUE (KafkaProducer#configureAcks,
// #configureRetries).
std::optional<EffectiveValue> idempotentProducerDefault(const KafkaVersion& version, std::string_view key,
                                                        EntityView& view) {
  if (version >= KafkaVersion{3, 0}) return std::nullopt;
  if (key == "retries" && version >= KafkaVersion{2, 1}) return std::nullopt;
  const Value& idempotence = view.get("enable.idempotence").value;
  if (idempotence.kind() != Value::Kind::Bool || !idempotence.asBool()) return std::nullopt;
  if (key == "acks") {
    return defaultValue(key, key, "all", Value("all"), ProvenanceKind::Derived,
                        "all: the Java producer replaces its default acks=1 because idempotence is on");
  }
  return defaultValue(key, key, "2147483647", Value(std::int64_t{2147483647}), ProvenanceKind::Derived,
                      "2147483647: the Java producer replaces its default retries=0 because idempotence is on");
}

std::optional<EffectiveValue> deliveryTimeoutDefault(const KafkaVersion& version, EntityView& view) {
  auto spec = Catalog::instance().at(ConfigScope::Producer, "delivery.timeout.ms", version);
  if (!spec || !spec->hasDefault) return std::nullopt;
  const Value& linger = view.get("linger.ms").value;
  const Value& request = view.get("request.timeout.ms").value;
  if (linger.kind() != Value::Kind::Int || request.kind() != Value::Kind::Int) return std::nullopt;
  const std::int64_t floor = linger.asInt() + request.asInt();
  const std::int64_t def = std::stoll(spec->defaultValue);
  if (floor <= def) return std::nullopt;
  // KafkaProducer#configureDeliveryTimeout raises a defaulted delivery timeout with a warning.
  return defaultValue(
      "delivery.timeout.ms", "delivery.timeout.ms", std::to_string(floor), Value(floor), ProvenanceKind::Derived,
      "raised by the Java producer from its default " + spec->defaultValue + " to linger.ms + request.timeout.ms");
}

std::optional<EffectiveValue> autoCommitDefault(const KafkaVersion& version, EntityView& view) {
  if (version < KafkaVersion{2, 2}) return std::nullopt;
  if (!view.get("group.id").value.isNull()) return std::nullopt;
  // ConsumerConfig#maybeOverrideEnableAutoCommit: no group, nothing to commit to.
  return defaultValue("enable.auto.commit", "enable.auto.commit", "false", Value(false), ProvenanceKind::Derived,
                      "off: without group.id the Java consumer does not commit offsets (KIP-289)");
}

}  // namespace

// Settings the Java clients compute from other settings when they are not set explicitly.
std::optional<EffectiveValue> javaClientDerivedDefault(EntityKind kind, const KafkaVersion& version,
                                                       std::string_view key, EntityView& view) {
  if (kind == EntityKind::Producer) {
    if (key == "enable.idempotence") return idempotenceDefault(version, view);
    if (key == "delivery.timeout.ms") return deliveryTimeoutDefault(version, view);
    if (key == "acks" || key == "retries") return idempotentProducerDefault(version, key, view);
  }
  if (kind == EntityKind::Consumer && key == "enable.auto.commit") return autoCommitDefault(version, view);
  return std::nullopt;
}

}  // namespace kafkalint
