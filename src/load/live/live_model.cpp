// A live cluster's snapshot as entities: the cluster, its brokers (configs from DescribeConfigs)
// and its topics (configs, replication factor and placement from Metadata).
#include <algorithm>
#include <map>
#include <set>

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

ProvenanceKind provenanceOf(LiveConfig::Source source) {
  switch (source) {
    case LiveConfig::Source::TopicOverride:
      return ProvenanceKind::TopicOverride;
    case LiveConfig::Source::DynamicBroker:
      return ProvenanceKind::DynamicBrokerConfig;
    case LiveConfig::Source::DynamicDefaultBroker:
      return ProvenanceKind::DynamicDefaultBroker;
    case LiveConfig::Source::StaticBroker:
      return ProvenanceKind::StaticBrokerConfig;
    case LiveConfig::Source::Default:
      return ProvenanceKind::KafkaDefault;
    case LiveConfig::Source::Unknown:
    case LiveConfig::Source::Other:
      return ProvenanceKind::ClusterMetadata;
  }
  return ProvenanceKind::ClusterMetadata;
}

// How the cluster says a value came about, for people: "Kafka default; not set on the topic or
// the brokers", "dynamic config of broker 2"...
std::string describeSource(const LiveConfig& c, EntityKind kind, const std::string& brokerName) {
  const bool topic = kind == EntityKind::Topic;
  switch (c.source) {
    case LiveConfig::Source::TopicOverride:
      return "topic override";
    case LiveConfig::Source::DynamicBroker:
      return topic ? "dynamic broker config, as broker " + brokerName + " reports it"
                   : "dynamic config of broker " + brokerName;
    case LiveConfig::Source::DynamicDefaultBroker:
      return "dynamic cluster-wide broker default";
    case LiveConfig::Source::StaticBroker:
      return topic ? "server.properties of broker " + brokerName + " (static broker config)"
                   : "server.properties of broker " + brokerName;
    case LiveConfig::Source::Default:
      return topic ? "Kafka default; not set on the topic or the brokers"
                   : "Kafka default; not set on broker " + brokerName;
    case LiveConfig::Source::Unknown:
    case LiveConfig::Source::Other:
      return "reported by the cluster (source not known)";
  }
  return {};
}

void addConfigs(Entity& entity, const std::vector<LiveConfig>& configs, const std::string& brokerName) {
  entity.settings.reserve(entity.settings.size() + configs.size());
  for (const LiveConfig& c : configs) {
    if (!c.value) continue;  // sensitive or null: Kafka does not say, and kafkalint must not know
    Setting s;
    s.key = c.name;
    s.value = *c.value;
    s.origin = provenanceOf(c.source);
    s.detail = describeSource(c, entity.kind, brokerName);
    entity.settings.push_back(std::move(s));
  }
}

Setting metadataSetting(std::string key, std::string value, std::string detail) {
  Setting s;
  s.key = std::move(key);
  s.value = std::move(value);
  s.origin = ProvenanceKind::ClusterMetadata;
  s.detail = std::move(detail);
  return s;
}

std::string listIds(const std::vector<std::int32_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
  if (ids.size() > 10) out += " and " + std::to_string(ids.size() - 10) + " more";
  return out;
}

}  // namespace

LiveModelBuilder::LiveModelBuilder(Model& model, ClusterSnapshot& snapshot, std::function<void(const Entity&)> onTopic)
    : model_(model), snapshot_(snapshot), onTopic_(std::move(onTopic)) {}

void LiveModelBuilder::begin() {
  ClusterSnapshot& snapshot = snapshot_;
  Model& model = model_;
  const FileId file = model.files.add("kafka://" + snapshot.bootstrap);
  const SourceLocation origin{file, 0, 0};
  const std::string classification = "read from the cluster at " + snapshot.bootstrap;
  auto newEntity = [&](EntityKind kind, std::string name) -> Entity& {
    Entity& e = model.entities.emplace_back();
    e.kind = kind;
    e.name = std::move(name);
    e.origin = origin;
    e.fromCluster = true;
    // Topics share a short text: the cluster says where, and a copy of a long bootstrap list per
    // topic costs tens of megabytes at 100,000 topics.
    e.classification = kind == EntityKind::Topic ? "read from the cluster" : classification;
    return e;
  };

  Entity& cluster =
      newEntity(EntityKind::Cluster, snapshot.clusterId.empty() ? snapshot.bootstrap : snapshot.clusterId);
  cluster.dialect = "cluster";
  LiveCluster& live = model.live.emplace_back();
  live.bootstrap = snapshot.bootstrap;
  live.clusterId = snapshot.clusterId;
  live.controllerId = snapshot.controllerId;
  live.entity = &cluster;
  live_ = &live;
  if (!snapshot.error.empty()) {
    cluster.unverified = snapshot.error;
    return;
  }

  std::sort(snapshot.brokers.begin(), snapshot.brokers.end(),
            [](const LiveBroker& a, const LiveBroker& b) { return a.id < b.id; });

  // Brokers, and their racks (2.0.2 drops Metadata's rack: broker.rack comes from DescribeConfigs).
  std::set<std::string> racks;
  std::vector<std::int32_t> racksUnknown;
  const Entity* controller = nullptr;
  const Entity* firstBroker = nullptr;
  for (const LiveBroker& b : snapshot.brokers) {
    const std::string name = std::to_string(b.id);
    Entity& broker = newEntity(EntityKind::Broker, name);
    broker.cluster = &cluster;
    if (!b.inMetadata) {
      broker.unverified = "broker " + name +
                          " holds replicas but is not in the cluster's metadata (it is down or was removed), so its "
                          "configs could not be read";
    } else if (!b.error.empty()) {
      broker.unverified = "the configs of broker " + name + " could not be read: " + b.error;
    }
    addConfigs(broker, b.configs, name);
    if (broker.unverified.empty()) {
      std::string rack;
      for (const LiveConfig& c : b.configs) {
        if (c.name == "broker.rack" && c.value) rack = *c.value;
      }
      live.racks[b.id] = rack;
      if (!rack.empty()) racks.insert(rack);
    } else {
      racksUnknown.push_back(b.id);
    }
    if (b.id == snapshot.controllerId) controller = &broker;
    if (firstBroker == nullptr && broker.unverified.empty()) firstBroker = &broker;
  }
  cluster.settings.push_back(metadataSetting("broker.count", std::to_string(snapshot.brokers.size()),
                                             "brokers of the cluster (from its metadata)"));
  if (racksUnknown.empty()) {
    cluster.settings.push_back(
        metadataSetting("rack.count", std::to_string(racks.size()), "distinct broker.rack values of its brokers"));
  } else {
    cluster.unverified = "broker.rack of broker(s) " + listIds(racksUnknown) + " could not be read";
  }

  // Topic entities in name order, before their configs are read: each is completed by
  // topicRead(). A topic's configs come from the controller, which answers with the brokers'
  // values for what the topic does not override; the controller's own configs are the fallback
  // for a missing key.
  const Entity* topicDefaults = controller != nullptr && controller->unverified.empty() ? controller : firstBroker;
  controllerName_ = std::to_string(snapshot.controllerId);
  std::vector<std::size_t> order(snapshot.topics.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return snapshot.topics[a].name < snapshot.topics[b].name; });
  topics_.assign(snapshot.topics.size(), nullptr);
  for (std::size_t i : order) {
    LiveTopic& t = snapshot.topics[i];
    Entity& topic = newEntity(EntityKind::Topic, t.name);
    topics_[i] = &topic;
    topic.cluster = &cluster;
    topic.inheritsFrom = topicDefaults;
    if (t.placement && !t.placement->partitions.empty()) {
      std::size_t smallest = SIZE_MAX, largest = 0;
      for (const TopicPlacement::Partition& p : t.placement->partitions) {
        smallest = std::min<std::size_t>(smallest, p.replicaCount);
        largest = std::max<std::size_t>(largest, p.replicaCount);
      }
      topic.settings.reserve(2 + t.configs.size());
      topic.settings.push_back(
          metadataSetting("replication.factor", std::to_string(smallest),
                          smallest == largest ? "from the cluster's metadata"
                                              : "the smallest replica count of its partitions (they have " +
                                                    std::to_string(smallest) + " to " + std::to_string(largest) + ")"));
      topic.settings.push_back(
          metadataSetting("partitions", std::to_string(t.placement->partitions.size()), "from the cluster's metadata"));
      topic.placement = std::move(t.placement);
    } else if (!t.metadataError.empty()) {
      topic.unverified = "the metadata of topic " + t.name + " could not be read: " + t.metadataError;
    }
  }
}

void LiveModelBuilder::topicRead(std::size_t index) {
  Entity* topic = topics_.at(index);
  if (topic == nullptr) return;  // done already
  topics_[index] = nullptr;
  LiveTopic& t = snapshot_.topics[index];
  if (topic->unverified.empty() && !t.configError.empty()) {
    topic->unverified = "the configs of topic " + t.name + " could not be read: " + t.configError;
  }
  addConfigs(*topic, t.configs, controllerName_);
  t.configs = {};
  if (t.internal) topic->classification += " (an internal topic)";
  if (onTopic_) onTopic_(*topic);
}

void LiveModelBuilder::finish() {
  // Topics whose configs were not asked for (an earlier request failed) in name order.
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < topics_.size(); ++i) {
    if (topics_[i] != nullptr) rest.push_back(i);
  }
  std::sort(rest.begin(), rest.end(),
            [&](std::size_t a, std::size_t b) { return snapshot_.topics[a].name < snapshot_.topics[b].name; });
  for (std::size_t i : rest) topicRead(i);
  if (live_ != nullptr) {
    live_->groups = std::move(snapshot_.groups);
    live_->groupsError = std::move(snapshot_.groupsError);
  }
}

void addSnapshotToModel(Model& model, ClusterSnapshot snapshot) {
  LiveModelBuilder builder(model, snapshot);
  builder.begin();
  builder.finish();
}

void linkConsumerGroups(Model& model) {
  std::map<std::string, std::pair<const ConsumerGroupState*, LiveCluster*>> groups;
  for (LiveCluster& live : model.live) {
    for (const ConsumerGroupState& g : live.groups) groups.emplace(g.id, std::make_pair(&g, &live));
  }
  if (groups.empty()) return;
  for (Entity& e : model.entities) {
    if (e.kind != EntityKind::Consumer || e.fromCluster || !e.consumes.empty()) continue;
    const Setting* groupId = nullptr;
    for (const Setting& s : e.settings) {
      const std::string_view key = s.key;
      if (key == "group.id" || key == "spring.kafka.consumer.group-id" || key == "spring.kafka.consumer.group_id") {
        groupId = &s;
      }
    }
    if (groupId == nullptr) continue;
    auto it = groups.find(std::string(trimView(groupId->value)));
    if (it == groups.end()) continue;
    const auto& [group, live] = it->second;
    if (!group->error.empty()) live->unreadGroups.emplace(group->id, group->error);
    for (const std::string& topic : group->topics) e.consumes.push_back({topic, groupId->keyLocation});
  }
}

}  // namespace kafkalint
