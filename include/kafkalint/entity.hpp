// The audit model: the things kafkalint checks (brokers, topics, clients...) and what was written
// about each of them. Loaders produce it; the resolver and the rule engine read it.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/kafka_version.hpp"
#include "kafkalint/provenance.hpp"
#include "kafkalint/source_location.hpp"

namespace kafkalint {

enum class EntityKind {
  Cluster,
  Broker,      // a broker (ZooKeeper mode, or KRaft with the broker role)
  Controller,  // a KRaft controller-only node: it hosts no topic partitions
  Topic,
  Producer,
  Consumer,
  Connect,  // a Kafka Connect worker
  File,     // an input file itself, for diagnostics about the file (unclassified, unreadable...)
};
inline constexpr EntityKind kAllEntityKinds[] = {EntityKind::Cluster, EntityKind::Broker,   EntityKind::Controller,
                                                 EntityKind::Topic,   EntityKind::Producer, EntityKind::Consumer,
                                                 EntityKind::Connect, EntityKind::File};

std::string_view entityKindId(EntityKind kind);  // "broker", "producer", ...
std::optional<EntityKind> parseEntityKind(std::string_view id);

// One key = value as written by the user (or read from a live cluster).
struct Setting {
  std::string key;    // as written, escapes decoded
  std::string value;  // as written, escapes decoded, untrimmed
  SourceLocation keyLocation;
  SourceLocation valueLocation;
  ProvenanceKind origin = ProvenanceKind::Explicit;
  // How a loader arrived at the value when it is not the text as written: the default of a
  // `${VAR:default}` placeholder, a container image's base config... ("" when as written).
  std::string detail;
};

// A topic a client says it produces to or consumes from.
struct TopicRef {
  std::string name;
  SourceLocation location;
};

// Where a live topic's partitions are: replicas, in-sync replicas and leader of each, as the
// cluster's metadata reports them. Flat arrays: a cluster can have a million partitions.
struct TopicPlacement {
  struct Partition {
    std::int32_t id = 0;
    std::int32_t leader = -1;  // -1: no leader
    std::int16_t error = 0;    // the Kafka error code Metadata gave for the partition
    std::uint32_t first = 0;   // index into brokerIds: its replicas, then its ISR
    std::uint16_t replicaCount = 0;
    std::uint16_t isrCount = 0;
  };
  std::vector<Partition> partitions;  // by partition id
  std::vector<std::int32_t> brokerIds;

  [[nodiscard]] std::span<const std::int32_t> replicas(const Partition& p) const {
    return {brokerIds.data() + p.first, p.replicaCount};
  }
  [[nodiscard]] std::span<const std::int32_t> isr(const Partition& p) const {
    return {brokerIds.data() + p.first + p.replicaCount, p.isrCount};
  }
  // Appends a partition (replicas and ISR are copied).
  void add(std::int32_t id, std::int32_t leader, std::int16_t error, std::span<const std::int32_t> replicas,
           std::span<const std::int32_t> isr);
};

struct Entity {
  EntityKind kind = EntityKind::Broker;
  std::string name;
  SourceLocation origin;                     // anchor for findings that have no key of their own
  std::string dialect = "java";              // client configuration dialect: java, librdkafka, scala
  std::vector<Setting> settings;             // in file order; a later duplicate wins, as in java.util.Properties
  const Entity* inheritsFrom = nullptr;      // a topic's broker configuration
  const Entity* sharedWith = nullptr;        // the other role read from the same client file
  const Entity* cluster = nullptr;           // the cluster it belongs to, when its source says so
  std::optional<KafkaVersion> kafkaVersion;  // the release its source names (else --kafka-version)
  std::vector<TopicRef> produces;            // producers: the topics it writes to
  std::vector<TopicRef> consumes;            // consumers: the topics it reads
  std::string classification;                // why the loader decided the kind and dialect
  // Live entities (read from a cluster, not from a file): they have no written text, so checks of
  // how settings are written (unknown keys, duplicates) skip them.
  bool fromCluster = false;
  // Why the entity's configuration could not be read from the cluster ("" when it was): every
  // config a rule needs is then unknown, and the run fails closed.
  std::string unverified;
  std::shared_ptr<const TopicPlacement> placement;  // live topics: where the partitions are
};

// What happened to one input file.
struct InputRecord {
  FileId file = kNoFile;
  enum class Status { Checked, Skipped, Unclassified } status = Status::Checked;
  std::vector<EntityKind> kinds;  // the entities read from it
  std::string dialect;
  std::string reason;  // why this classification (or why skipped)
};

// Something the loader noticed about a file that rules report on.
struct InputNote {
  enum class Kind {
    Unclassified,   // a file kafkalint could not classify
    ByteOrderMark,  // a UTF-8 byte-order mark that Kafka would read as part of the first key
    Ignored,        // configuration the tool that reads it ignores or overrides (detail says why)
    Unresolved,     // a reference kafkalint cannot follow (a missing file, a template variable...)
  };
  Kind kind;
  SourceLocation location;
  std::string detail;
  std::string key;  // the setting concerned, if any
};

// A comment that starts with `kafkalint:`, for the gate to read as a suppression directive.
struct DirectiveComment {
  SourceLocation location;  // of the text after `kafkalint:`
  std::string text;         // after `kafkalint:`
  // On a line of its own, it is about the next line that is not a comment; after a setting, about
  // its own line.
  bool ownLine = false;
  std::uint32_t appliesToLine = 0;
};

// A consumer group of a live cluster.
struct ConsumerGroupState {
  std::string id;
  std::string state;  // Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown
  std::string protocolType;
  std::size_t members = 0;
  std::vector<std::string> topics;  // assigned to its members, sorted
  std::string error;                // why it could not be described ("" when it was)
};

// What a live audit read besides entities.
struct LiveCluster {
  std::string bootstrap;  // as given on the command line
  std::string clusterId;
  std::int32_t controllerId = -1;
  const Entity* entity = nullptr;  // the cluster entity
  // Broker id -> broker.rack ("" when the broker has none; absent when its configs were not read).
  std::map<std::int32_t, std::string> racks;
  std::vector<ConsumerGroupState> groups;
  std::string groupsError;  // why the groups could not be listed ("" when they were)
  // Groups that consumer files name but that could not be described: group id -> why.
  std::map<std::string, std::string> unreadGroups;
};

struct Model {
  SourceFiles files;
  std::deque<Entity> entities;  // deque: entities point at each other (inheritsFrom)
  std::vector<InputRecord> inputs;
  std::vector<InputNote> notes;
  std::vector<DirectiveComment> directives;
  std::deque<LiveCluster> live;  // clusters read with --bootstrap

  // The live cluster an entity belongs to, or nullptr.
  [[nodiscard]] const LiveCluster* liveClusterOf(const Entity& entity) const;
};

}  // namespace kafkalint
