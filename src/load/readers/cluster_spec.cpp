// kafkalint's own cluster spec (YAML or TOML, one schema: docs/cluster-spec.schema.json): a
// cluster's brokers, racks and broker config, its topics and its clients with the topics they
// use. It is what lets kafkalint check topics and producer-topic pairs without a live cluster.
#include <algorithm>
#include <set>

#include "input_builder.hpp"
#include "kafkalint/dialect_table.hpp"
#include "kafkalint/errors.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kMarker = "cluster-spec/v1";

class SpecReader {
 public:
  explicit SpecReader(InputBuilder& in) : in_(in), tree_(in, "cluster spec") {}

  void read(const TreeNode& root) {
    fields(root, "the spec", {"kafkalint", "cluster", "topics", "clients"});
    const TreeNode* clusterNode = root.get("cluster");
    if (clusterNode == nullptr) fail(root, "missing 'cluster' (the cluster's name, brokers and broker config)");
    readCluster(*clusterNode);
    if (const TreeNode* topics = root.get("topics")) {
      for (const TreeNode& t : list(*topics, "topics")) readTopic(t);
    }
    if (const TreeNode* clients = root.get("clients")) {
      for (const TreeNode& c : list(*clients, "clients")) readClient(c);
    }
    in_.describe("cluster " + cluster_->name + ": " + std::to_string(topicCount_) + " topic(s), " +
                 std::to_string(clientCount_) + " client(s)");
  }

 private:
  void readCluster(const TreeNode& node) {
    fields(node, "cluster", {"name", "kafka_version", "brokers", "racks", "broker_config", "broker_config_file"});
    const std::string name = requiredText(node, "name", "cluster");
    Entity& cluster = in_.addCluster(name, node.location);
    cluster_ = &cluster;
    if (const TreeNode* v = node.get("kafka_version")) version_ = versionOf(*v);
    cluster.kafkaVersion = version_;

    // Without broker config the brokers' settings are unknown: topics then say what they depend on
    // (KL0203, KL0204) instead of assuming Kafka's defaults for brokers that are not in view.
    const TreeNode* file = node.get("broker_config_file");
    const TreeNode* config = node.get("broker_config");
    if (file != nullptr || config != nullptr) {
      Entity& broker = in_.addEntity(EntityKind::Broker, name + " brokers", node.location, cluster_);
      broker.kafkaVersion = version_;
      broker.classification = "cluster spec: the broker config of cluster " + name;
      broker_ = &broker;
      if (file != nullptr) {
        scalar(*file, "a path to a server.properties file");
        in_.setFromPropertiesFile(broker, *file);
      }
      if (config != nullptr) configMap(broker, *config, "broker_config");
    }

    std::set<std::string> racks;
    bool everyBrokerHasRack = true;
    std::size_t count = 0;
    const TreeNode* brokers = node.get("brokers");
    if (brokers == nullptr) fail(node, "missing 'brokers' (a number, or a list of brokers with id and rack)");
    if (brokers->isScalar()) {
      count = positive(*brokers, "brokers");
    } else {
      std::set<std::string> ids;
      for (const TreeNode& b : list(*brokers, "brokers")) {
        fields(b, "a broker", {"id", "rack"});
        const TreeNode* id = b.get("id");
        if (id == nullptr) fail(b, "missing 'id' for a broker");
        scalar(*id, "a broker id");
        if (!ids.insert(id->scalar).second) fail(*id, "broker id " + id->scalar + " is listed twice");
        if (const TreeNode* rack = b.get("rack")) {
          racks.insert(scalar(*rack, "a rack name"));
        } else {
          everyBrokerHasRack = false;
        }
        ++count;
      }
      if (count == 0) fail(*brokers, "expected at least one broker");
    }
    if (const TreeNode* rackList = node.get("racks")) {
      if (brokers->isSeq()) fail(*rackList, "give racks either per broker or as 'racks', not both");
      for (const TreeNode& r : list(*rackList, "racks")) racks.insert(scalar(r, "a rack name"));
    }
    in_.set(cluster, "broker.count", std::to_string(count), brokers->location, brokers->location);
    const std::size_t rackCount = everyBrokerHasRack ? racks.size() : 0;
    in_.set(cluster, "rack.count", std::to_string(rackCount), brokers->location, brokers->location);
  }

  void readTopic(const TreeNode& node) {
    fields(node, "a topic", {"name", "partitions", "replication_factor", "config"});
    const std::string name = requiredText(node, "name", "topic");
    if (!topicNames_.insert(name).second) fail(*node.get("name"), "topic " + name + " is listed twice");
    Entity& topic = in_.addEntity(EntityKind::Topic, name, node.location, cluster_);
    topic.inheritsFrom = broker_;
    topic.kafkaVersion = version_;
    topic.classification = "cluster spec: topic of cluster " + cluster_->name;
    for (const auto& [k, v] : node.entries) {
      if (k.scalar == "partitions" || k.scalar == "replication_factor") {
        scalar(v, "a number");
        in_.set(topic, k.scalar == "partitions" ? "partitions" : "replication.factor", k, v);
      }
    }
    if (const TreeNode* config = node.get("config")) configMap(topic, *config, "config");
    ++topicCount_;
  }

  void readClient(const TreeNode& node) {
    fields(node, "a client",
           {"name", "kind", "dialect", "kafka_version", "config", "config_file", "produces", "consumes"});
    const std::string name = requiredText(node, "name", "client");
    const std::string kind = requiredText(node, "kind", "client");
    std::vector<EntityKind> kinds;
    if (kind == "producer") {
      kinds = {EntityKind::Producer};
    } else if (kind == "consumer") {
      kinds = {EntityKind::Consumer};
    } else if (kind == "client") {
      kinds = {EntityKind::Producer, EntityKind::Consumer};
    } else {
      fail(*node.get("kind"), "expected kind producer, consumer or client (both)");
    }
    std::string dialect = "java";
    if (const TreeNode* d = node.get("dialect")) {
      dialect = scalar(*d, "a dialect");
      const DialectInfo* known = findDialect(dialect);
      if (known == nullptr || !known->readsPropertiesFiles()) fail(*d, "expected dialect " + propertiesDialectList());
    }
    std::optional<KafkaVersion> version = version_;
    if (const TreeNode* v = node.get("kafka_version")) {
      if (findDialect(dialect)->release != DialectRelease::FollowsKafka) {
        fail(*v, "kafka_version applies to Java clients (the Kafka release of the client)");
      }
      version = versionOf(*v);
    }
    const std::string classification = "cluster spec: " + kind + " " + name;
    Entity* first = nullptr;
    for (EntityKind k : kinds) {
      Entity& client = in_.addEntity(k, name, node.location, cluster_, dialect);
      client.kafkaVersion = version;
      client.classification = classification;
      if (const TreeNode* file = node.get("config_file")) {
        scalar(*file, "a path to a client properties file");
        in_.setFromPropertiesFile(client, *file);
      }
      if (const TreeNode* config = node.get("config")) configMap(client, *config, "config");
      topicRefs(node, "produces", k == EntityKind::Producer ? &client.produces : nullptr);
      topicRefs(node, "consumes", k == EntityKind::Consumer ? &client.consumes : nullptr);
      if (first != nullptr) {
        first->sharedWith = &client;
        client.sharedWith = first;
      }
      first = &client;
    }
    if (kinds.size() == 1) {
      const char* other = kinds[0] == EntityKind::Producer ? "consumes" : "produces";
      if (const TreeNode* wrong = node.get(other)) {
        fail(*wrong, std::string("a ") + kind + " does not " +
                         (kinds[0] == EntityKind::Producer ? "consume" : "produce") +
                         "; use kind: client for an application that does both");
      }
    }
    ++clientCount_;
  }

  void topicRefs(const TreeNode& node, const char* field, std::vector<TopicRef>* out) {
    const TreeNode* refs = node.get(field);
    if (refs == nullptr || out == nullptr) return;
    for (const TreeNode& t : list(*refs, field)) out->push_back({scalar(t, "a topic name"), t.location});
  }

  void configMap(Entity& entity, const TreeNode& node, const char* field) {
    if (!node.isMap()) fail(node, std::string("expected '") + field + "' to be a mapping of config keys to values");
    in_.setAll(entity, node);
  }

  std::optional<KafkaVersion> versionOf(const TreeNode& node) {
    auto v = KafkaVersion::parse(scalar(node, "a Kafka version"));
    if (!v) fail(node, "expected a Kafka version such as \"3.7\", got '" + node.scalar + "'");
    return v;
  }

  std::size_t positive(const TreeNode& node, const char* field) {
    const std::string& text = scalar(node, "a number");
    std::size_t n = 0;
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (n = std::stoul(text)) == 0) {
      fail(node, std::string("expected '") + field + "' to be a positive number, got '" + text + "'");
    }
    return n;
  }

  const std::vector<TreeNode>& list(const TreeNode& node, const char* field) {
    if (!node.isSeq()) fail(node, std::string("expected '") + field + "' to be a list");
    return node.items;
  }

  const std::string& scalar(const TreeNode& node, const char* what) { return tree_.scalar(node, what); }

  std::string requiredText(const TreeNode& node, const char* field, const char* what) {
    return tree_.requiredText(node, field, std::string(what) + " " + field);  // "topic name"
  }

  void fields(const TreeNode& node, const std::string& what, std::initializer_list<std::string_view> allowed) {
    if (!node.isMap()) fail(node, "expected " + what + " to be a mapping");
    std::set<std::string_view> seen;
    for (const auto& [k, v] : node.entries) {
      if (std::find(allowed.begin(), allowed.end(), k.scalar) == allowed.end()) unknownField(k, what, allowed);
      if (!seen.insert(k.scalar).second) fail(k, "'" + k.scalar + "' is written twice in " + what);
    }
  }

  [[noreturn]] void unknownField(const TreeNode& key, const std::string& what,
                                 std::initializer_list<std::string_view> allowed) const {
    std::string list;
    for (std::string_view a : allowed) list.append(list.empty() ? "" : ", ").append(a);
    fail(key, "unknown field '" + key.scalar + "' in " + what + " (expected one of: " + list + ")");
  }

  [[noreturn]] void fail(const TreeNode& node, const std::string& what) const { tree_.fail(node, what); }

  InputBuilder& in_;
  TreeReading tree_;
  Entity* cluster_ = nullptr;
  Entity* broker_ = nullptr;
  std::optional<KafkaVersion> version_;
  std::set<std::string> topicNames_;
  std::size_t topicCount_ = 0;
  std::size_t clientCount_ = 0;
};

}  // namespace

bool readClusterSpec(const ConfigTree& tree, InputBuilder& in) {
  if (tree.documents.size() != 1 || !tree.documents[0].isMap()) return false;
  const TreeNode& root = tree.documents[0];
  const TreeNode* marker = root.get("kafkalint");
  if (marker == nullptr) return false;
  if (!marker->isScalar() || marker->scalar != kMarker) {
    throw InputError(in.displayPath(), marker->location.line, marker->location.column,
                     "cluster spec: expected 'kafkalint: " + std::string(kMarker) + "'");
  }
  SpecReader(in).read(root);
  return true;
}

}  // namespace kafkalint
