// Where an effective configuration value comes from.
#pragma once

#include <string>
#include <string_view>

#include "kafkalint/source_location.hpp"

namespace kafkalint {

enum class ProvenanceKind {
  Explicit,              // written in the entity's own file
  TopicOverride,         // a topic-level override (topic spec or live DYNAMIC_TOPIC_CONFIG)
  BrokerSetting,         // inherited from the broker property a topic config falls back to
  DynamicBrokerConfig,   // live: per-broker dynamic config
  DynamicDefaultBroker,  // live: cluster-wide dynamic default
  StaticBrokerConfig,    // live: server.properties of the broker
  ClusterMetadata,       // live: the cluster's metadata (a topic's replication factor, partitions)
  KafkaDefault,          // Apache Kafka's default for the version audited
  ClientDefault,         // the client library's default (librdkafka, Scala client...)
  Derived,               // computed by the client from other settings (e.g. idempotence disabled)
  Unset,                 // no value and no default
};

struct Provenance {
  ProvenanceKind kind = ProvenanceKind::Unset;
  SourceLocation location;  // for Explicit/TopicOverride/BrokerSetting from files
  std::string detail;       // human phrase: "Kafka 4.1 default", "librdkafka 2.0.2 default", ...
  std::string via;          // the key it was inherited from or derived from, when not the key itself
};

// Stable identifier used in JSON reports.
std::string_view provenanceKindId(ProvenanceKind kind);

}  // namespace kafkalint
