// The audit model: the things kafkalint checks (brokers, topics, clients...) and what was written
// about each of them. Loaders produce it; the resolver and the rule engine read it.
#pragma once

#include <deque>
#include <optional>
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

struct Model {
  SourceFiles files;
  std::deque<Entity> entities;  // deque: entities point at each other (inheritsFrom)
  std::vector<InputRecord> inputs;
  std::vector<InputNote> notes;
};

}  // namespace kafkalint
