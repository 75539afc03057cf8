// Strimzi custom resources (kafka.strimzi.io): a Kafka cluster's broker config, version, broker
// count (spec.kafka.replicas, or its KafkaNodePools with the broker role) and rack awareness;
// KafkaTopics; the Connect workers of KafkaConnect and KafkaMirrorMaker2. Topics and node pools
// name their Kafka by the strimzi.io/cluster label and are often in other files: they are linked
// once every file is read (strimzi_links.cpp).
#include "kafkalint/text.hpp"
#include "readers/strimzi/strimzi_index.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kApiGroup = "kafka.strimzi.io/";

class ResourceReader {
 public:
  ResourceReader(InputBuilder& in, const TreeNode& doc, std::string kind)
      : in_(in), doc_(doc), kind_(std::move(kind)), r_(in, "Strimzi " + kind_) {}

  void readKafka(StrimziIndex& out) {
    const std::string name = metadataName();
    const TreeNode& spec = requiredSpec();
    const TreeNode* kafka = spec.get("kafka");
    if (kafka == nullptr) r_.fail(spec, "missing 'spec.kafka' (the brokers' replicas, version and config)");
    r_.map(*kafka, "spec.kafka");

    const std::optional<KafkaVersion> version = release(kafka->get("version"), "spec.kafka.version");
    Entity& cluster = in_.addCluster(name, doc_.location);
    cluster.kafkaVersion = version;
    cluster.classification = "Strimzi Kafka " + name;
    Entity& broker = in_.addEntity(EntityKind::Broker, name + " brokers", kafka->location, &cluster);
    broker.kafkaVersion = version;
    broker.classification = "Strimzi Kafka " + name + ": spec.kafka.config";
    if (const TreeNode* config = r_.optionalMap(*kafka, "config", "spec.kafka.config")) in_.setAll(broker, *config);

    rackAwareness(*kafka, broker, cluster);

    StrimziKafka record;
    record.cluster = &cluster;
    record.broker = &broker;
    record.name = name;
    record.ns = doc_.at("metadata") != nullptr ? doc_.at("metadata")->text("namespace") : "";
    record.file = in_.file();
    record.anchor = kafka->location;
    if (const TreeNode* replicas = kafka->get("replicas")) {
      record.replicas = r_.number(*replicas, "spec.kafka.replicas");
      record.replicasKey = keyLocation(*kafka, "replicas");
      record.replicasValue = replicas->location;
    }
    out.clusters.push_back(std::move(record));
    in_.describe("Kafka " + name + (version ? " (Kafka " + version->str() + ")" : ""));
  }

  void readNodePool(StrimziIndex& out) {
    StrimziNodePool pool;
    pool.name = metadataName();
    pool.cluster = clusterLabel(nullptr);
    pool.ns = metadataText("namespace");
    pool.file = in_.file();
    const TreeNode& spec = requiredSpec();
    const TreeNode* replicas = spec.get("replicas");
    if (replicas == nullptr) r_.fail(spec, "missing 'spec.replicas' (the number of nodes in the pool)");
    pool.replicas = r_.number(*replicas, "spec.replicas");
    pool.replicasKey = keyLocation(spec, "replicas");
    pool.replicasValue = replicas->location;
    const TreeNode* roles = r_.optionalList(spec, "roles", "spec.roles");
    if (roles == nullptr) r_.fail(spec, "missing 'spec.roles' (broker, controller or both)");
    for (const TreeNode& role : roles->items) {
      const std::string& text = r_.scalar(role, "spec.roles");
      if (text != "broker" && text != "controller") {
        r_.fail(role, "expected a role broker or controller, got '" + text + "'");
      }
      if (text == "broker") pool.brokers = true;
    }
    in_.describe("KafkaNodePool " + pool.name + " of " + (pool.cluster.empty() ? "no cluster" : pool.cluster) + ": " +
                 pool.replicas + (pool.brokers ? " broker node(s)" : " controller-only node(s)"));
    out.pools.push_back(std::move(pool));
  }

  void readTopic(StrimziIndex& out) {
    const std::string resourceName = metadataName();
    const TreeNode* spec = doc_.get("spec");
    if (spec != nullptr && !spec->isNull()) r_.map(*spec, "spec");
    if (spec != nullptr && spec->isNull()) spec = nullptr;
    std::string name = resourceName;
    if (spec != nullptr) {
      if (const TreeNode* topicName = spec->get("topicName")) {
        name = r_.scalar(*topicName, "spec.topicName");
        if (name.empty()) r_.fail(*topicName, "'spec.topicName' must not be empty");
      }
    }
    StrimziTopic record;
    record.cluster = clusterLabel(&record.labelLocation);
    record.ns = metadataText("namespace");
    record.file = in_.file();
    Entity& topic = in_.addEntity(EntityKind::Topic, name, doc_.location, nullptr);
    topic.classification =
        "Strimzi KafkaTopic " + resourceName + (record.cluster.empty() ? "" : " of cluster " + record.cluster);
    if (spec != nullptr) {
      for (const auto& [k, v] : spec->entries) {
        if (k.scalar == "replicas" || k.scalar == "partitions") {
          // Strimzi has no -1 here: leaving the field out asks for the broker's default.
          r_.number(v, "spec." + k.scalar);
          in_.set(topic, k.scalar == "replicas" ? "replication.factor" : "partitions", k, v);
        }
      }
      if (const TreeNode* config = r_.optionalMap(*spec, "config", "spec.config")) in_.setAll(topic, *config);
    }
    record.topic = &topic;
    out.topics.push_back(std::move(record));
    in_.describe("KafkaTopic " + name);
  }

  // KafkaConnect (spec.config) and KafkaMirrorMaker2 (the target cluster's config): Connect
  // workers, whose internal topics' replication factors the Connect rules check.
  void readConnect() {
    const std::string name = metadataName();
    const TreeNode& spec = requiredSpec();
    const std::optional<KafkaVersion> version = release(spec.get("version"), "spec.version");
    std::string target;
    const TreeNode* config = connectConfig(spec, target);
    Entity& worker = in_.addEntity(EntityKind::Connect, name, doc_.location, nullptr);
    worker.kafkaVersion = version;
    worker.classification = "Strimzi " + kind_ + " " + name;
    if (config != nullptr) in_.setAll(worker, *config);
    noteDefaultReplication(name, target, spec, config);
    in_.describe(kind_ + " " + name + " (Connect worker)");
  }

 private:
  // Strimzi sets broker.rack on each broker from its node's topologyKey label: the number of
  // racks depends on the nodes, so it stays unknown; without rack awareness there are none.
  void rackAwareness(const TreeNode& kafka, Entity& broker, Entity& cluster) {
    const TreeNode* rack = r_.optionalMap(kafka, "rack", "spec.kafka.rack");
    const TreeEntry* topologyKey = nullptr;
    if (rack != nullptr) {
      for (const auto& entry : rack->entries) {
        if (entry.first.scalar == "topologyKey") topologyKey = &entry;
      }
    }
    if (topologyKey != nullptr) {
      r_.scalar(topologyKey->second, "spec.kafka.rack.topologyKey");
      in_.set(broker, "broker.rack", topologyKey->first, topologyKey->second);
    } else {
      in_.set(cluster, "rack.count", "0", kafka.location, kafka.location);
    }
  }

  // The Connect worker config: KafkaConnect's spec.config, or a KafkaMirrorMaker2's target cluster's.
  const TreeNode* connectConfig(const TreeNode& spec, std::string& target) const {
    if (kind_ == "KafkaConnect") return r_.optionalMap(spec, "config", "spec.config");
    if (const TreeNode* t = r_.optionalMap(spec, "target", "spec.target")) {
      target = t->text("alias");
      return r_.optionalMap(*t, "config", "spec.target.config");  // v1: spec.target
    }
    const TreeNode* config = nullptr;
    if (const TreeNode* clusters = r_.optionalList(spec, "clusters", "spec.clusters")) {
      // v1beta2: the Connect cluster is the entry of spec.clusters named by spec.connectCluster.
      target = spec.text("connectCluster");
      for (const TreeNode& c : clusters->items) {
        r_.map(c, "spec.clusters[]");
        if (c.text("alias") == target) config = r_.optionalMap(c, "config", "spec.clusters[].config");
      }
    }
    return config;
  }

  // -1 asks the target cluster for its default.replication.factor, which no file here shows.
  void noteDefaultReplication(const std::string& name, const std::string& target, const TreeNode& spec,
                              const TreeNode* config) {
    std::vector<std::pair<std::string, const TreeNode*>> brokerDefaults;
    auto collect = [&brokerDefaults](const TreeNode* c) {
      if (c == nullptr || !c->isMap()) return;
      for (const auto& [k, v] : c->entries) {
        if (v.isScalar() && v.scalar == "-1" && k.scalar.ends_with("replication.factor")) {
          brokerDefaults.emplace_back(k.scalar, &k);
        }
      }
    };
    collect(config);
    if (const TreeNode* mirrors = spec.get("mirrors"); mirrors != nullptr && mirrors->isSeq()) {
      for (const TreeNode& m : mirrors->items) {
        for (const char* connector : {"sourceConnector", "checkpointConnector", "heartbeatConnector"}) {
          if (const TreeNode* c = m.at(connector, "config")) collect(c);
        }
      }
    }
    if (brokerDefaults.empty()) return;
    std::string keys;
    for (const auto& [k, node] : brokerDefaults) keys += (keys.empty() ? "" : ", ") + k;
    in_.note(InputNote::Kind::Unresolved, brokerDefaults.front().second->location,
             kind_ + " " + name + ": replication factor -1 (" + keys + ") means the default.replication.factor of " +
                 (target.empty() ? std::string("the target cluster") : "the target cluster " + target) +
                 ", whose broker config is not in the input; the topics it creates are only as durable as that "
                 "default (check that it is at least 3)",
             brokerDefaults.front().first);
  }

  // A `version` field: a Kafka release, or a placeholder (nullopt, as when it is absent).
  std::optional<KafkaVersion> release(const TreeNode* node, const std::string& field) const {
    if (node == nullptr) return std::nullopt;
    const std::string& text = r_.scalar(*node, field);
    if (isPlaceholder(text)) return std::nullopt;
    std::optional<KafkaVersion> version = KafkaVersion::parse(text);
    if (!version) r_.fail(*node, "expected '" + field + "' to be a Kafka release such as 3.7.0, got '" + text + "'");
    return version;
  }

  std::string metadataName() const {
    const TreeNode* metadata = doc_.get("metadata");
    if (metadata == nullptr || !metadata->isMap()) r_.fail(doc_, "missing 'metadata' with the resource's name");
    return r_.requiredText(*metadata, "name", "metadata.name");
  }
  std::string metadataText(std::string_view key) const {
    const TreeNode* metadata = doc_.get("metadata");
    return metadata != nullptr ? metadata->text(key) : std::string();
  }
  const TreeNode& requiredSpec() const {
    const TreeNode* spec = doc_.get("spec");
    if (spec == nullptr || spec->isNull()) r_.fail(doc_, "missing 'spec'");
    return r_.map(*spec, "spec");
  }
  std::string clusterLabel(SourceLocation* where) const {
    const TreeNode* label = doc_.at("metadata", "labels");
    if (label == nullptr || !label->isMap()) return {};
    for (const auto& [k, v] : label->entries) {
      if (k.scalar != kStrimziClusterLabel) continue;
      if (where != nullptr) *where = k.location;
      return r_.scalar(v, "metadata.labels." + std::string(kStrimziClusterLabel));
    }
    return {};
  }
  static SourceLocation keyLocation(const TreeNode& mapping, std::string_view key) {
    SourceLocation at = mapping.location;
    for (const auto& [k, v] : mapping.entries) {
      if (k.scalar == key) at = k.location;
    }
    return at;
  }

  InputBuilder& in_;
  const TreeNode& doc_;
  std::string kind_;
  TreeReading r_;
};

bool isStrimziResource(const TreeNode& doc) {
  return doc.isMap() && startsWith(doc.text("apiVersion"), kApiGroup) && !doc.text("kind").empty();
}

}  // namespace

bool readStrimzi(const ConfigTree& tree, InputBuilder& in) {
  if (std::none_of(tree.documents.begin(), tree.documents.end(), isStrimziResource)) return false;
  StrimziIndex found;  // recorded into the load's index only when the whole file has been read
  for (const TreeNode& doc : tree.documents) {
    if (!isStrimziResource(doc)) continue;  // other resources of a manifest (Services, ConfigMaps...)
    const std::string kind = doc.text("kind");
    ResourceReader reader(in, doc, kind);
    if (kind == "Kafka") {
      reader.readKafka(found);
    } else if (kind == "KafkaNodePool") {
      reader.readNodePool(found);
    } else if (kind == "KafkaTopic") {
      reader.readTopic(found);
    } else if (kind == "KafkaConnect" || kind == "KafkaMirrorMaker2") {
      reader.readConnect();
    } else {
      in.describe(kind + " (no Kafka durability settings)");  // KafkaUser, KafkaRebalance...
    }
  }
  StrimziIndex& index = in.state<StrimziIndex>(kStrimziReaderId);
  for (StrimziKafka& k : found.clusters) index.clusters.push_back(std::move(k));
  for (StrimziNodePool& p : found.pools) index.pools.push_back(std::move(p));
  for (StrimziTopic& t : found.topics) index.topics.push_back(std::move(t));
  return true;
}

}  // namespace kafkalint
