// The configuration dialects kafkalint reads, and helpers they share.
#pragma once

#include <memory>
#include <string_view>

#include "kafkalint/resolve.hpp"

namespace kafkalint {

// Apache Kafka's own configs: broker, controller, topic, Java producer/consumer, Connect worker.
std::unique_ptr<Dialect> makeJavaDialect(EntityKind kind, const KafkaVersion& version);
// librdkafka 2.0.2 (confluent-kafka-go/python/dotnet, kcat, fluent-bit...).
std::unique_ptr<Dialect> makeLibrdkafkaDialect(EntityKind kind);
// A cluster's own facts (broker count, racks), as its source states them.
std::unique_ptr<Dialect> makeClusterDialect();
// The Kafka 0.8 Scala producer and high-level consumer.
std::unique_ptr<Dialect> makeScalaDialect(EntityKind kind);
// Sarama (Go): sarama.Config fields and sarama.NewConfig() defaults.
std::unique_ptr<Dialect> makeSaramaDialect(EntityKind kind);
// Spring Kafka: the Java clients with Spring Boot's and Spring Kafka's defaults.
std::unique_ptr<Dialect> makeSpringDialect(EntityKind kind, const KafkaVersion& version);

// An EffectiveValue for a written setting: placeholders become Unknown values, everything else
// goes through `typed` (which returns Unknown for text that does not parse).
template <typename TypedFn>
EffectiveValue writtenValue(std::string_view ruleKey, const Setting& setting, TypedFn typed);

// A value that this dialect/version does not have at all.
EffectiveValue absentValue(std::string_view ruleKey, std::string detail);

// A default (or derived) value.
EffectiveValue defaultValue(std::string_view ruleKey, std::string_view name, std::string text, Value value,
                            ProvenanceKind kind, std::string detail);

}  // namespace kafkalint

#include "dialects_inl.hpp"
