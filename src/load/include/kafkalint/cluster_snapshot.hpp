// What a live cluster told kafkalint, before it becomes entities: plain data, so that building
// the model can be tested without a cluster, and a rule test can describe one (kafkalint rules --test).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kafkalint/entity.hpp"

namespace kafkalint {

// One config as DescribeConfigs returns it.
struct LiveConfig {
  enum class Source : std::uint8_t {
    Unknown,
    TopicOverride,         // DYNAMIC_TOPIC_CONFIG
    DynamicBroker,         // DYNAMIC_BROKER_CONFIG
    DynamicDefaultBroker,  // DYNAMIC_DEFAULT_BROKER_CONFIG
    StaticBroker,          // STATIC_BROKER_CONFIG
    Default,               // DEFAULT_CONFIG
    Other,                 // DYNAMIC_BROKER_LOGGER_CONFIG and later sources
  };
  std::string name;
  std::optional<std::string> value;  // nullopt: sensitive or null
  Source source = Source::Unknown;
  bool sensitive = false;
  // The next value down the synonym chain (what the entry would be without its own source),
  // e.g. the broker's value under a topic override. For provenance text only.
  std::optional<std::string> fallbackName;
};

struct LiveBroker {
  std::int32_t id = -1;
  std::string host;
  int port = 0;
  bool inMetadata = true;  // false: a replica lives on it but the metadata does not list it
  std::vector<LiveConfig> configs;
  std::string error;  // why its configs could not be read ("" when they were)
};

struct LiveTopic {
  std::string name;
  bool internal = false;
  std::string metadataError;  // a topic-level Metadata error
  std::shared_ptr<TopicPlacement> placement;
  std::vector<LiveConfig> configs;
  std::string configError;  // why its configs could not be read ("" when they were)
};

struct ClusterSnapshot {
  std::string bootstrap;
  std::string clusterId;
  std::int32_t controllerId = -1;
  std::string error;                // the cluster could not be read at all (no metadata)
  std::vector<LiveBroker> brokers;  // by id
  std::vector<LiveTopic> topics;    // by name
  std::vector<ConsumerGroupState> groups;
  std::string groupsError;  // the groups could not be listed ("" when they were)
};

// Builds entities for a snapshot: a cluster, its brokers and topics (see live.hpp).
void addSnapshotToModel(Model& model, ClusterSnapshot snapshot);

// The same, while the topics' configs are still being read: begin() once Metadata and the broker
// configs are in (it adds the cluster, the brokers and every topic, in name order, without their
// configs); topicRead(i) once topic i of the snapshot has its configs or its configError (it
// completes the entity and calls onTopic with it); finish() at the end (the topics not completed
// yet, then the consumer groups). The entities are the same as addSnapshotToModel's.
class LiveModelBuilder {
 public:
  LiveModelBuilder(Model& model, ClusterSnapshot& snapshot, std::function<void(const Entity&)> onTopic = {});
  void begin();
  void topicRead(std::size_t index);
  void finish();

 private:
  Model& model_;
  ClusterSnapshot& snapshot_;
  std::function<void(const Entity&)> onTopic_;
  LiveCluster* live_ = nullptr;
  std::vector<Entity*> topics_;  // by snapshot index; nullptr once completed
  std::string controllerName_;
};

}  // namespace kafkalint
