// Helm values of the common Kafka charts: Bitnami's kafka chart (the ZooKeeper-era layout with
// camelCase broker keys, and the KRaft layout with controller/broker node groups) and Confluent's
// cp-helm-charts cp-kafka. Values files are plain YAML without a marker, so a file is taken only
// when it has several keys that only these charts use.
#include <array>
#include <filesystem>

#include "kafkalint/text.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

// Bitnami chart keys (before the KRaft layout) and the broker settings the chart makes of them.
struct ChartKey {
  std::string_view value;
  std::string_view broker;
};
constexpr std::array kBitnamiBrokerKeys = {
    ChartKey{"defaultReplicationFactor", "default.replication.factor"},
    ChartKey{"offsetsTopicReplicationFactor", "offsets.topic.replication.factor"},
    ChartKey{"transactionStateLogReplicationFactor", "transaction.state.log.replication.factor"},
    ChartKey{"transactionStateLogMinIsr", "transaction.state.log.min.isr"},
    ChartKey{"minInsyncReplicas", "min.insync.replicas"},
    ChartKey{"autoCreateTopicsEnable", "auto.create.topics.enable"},
    ChartKey{"deleteTopicEnable", "delete.topic.enable"},
    ChartKey{"numPartitions", "num.partitions"},
    ChartKey{"logFlushIntervalMessages", "log.flush.interval.messages"},
    ChartKey{"logFlushIntervalMs", "log.flush.interval.ms"},
    ChartKey{"logRetentionBytes", "log.retention.bytes"},
    ChartKey{"logRetentionCheckIntervalMs", "log.retention.check.interval.ms"},
    ChartKey{"logRetentionHours", "log.retention.hours"},
    ChartKey{"logSegmentBytes", "log.segment.bytes"},
    ChartKey{"logsDirs", "log.dirs"},
    ChartKey{"maxMessageBytes", "message.max.bytes"},
    ChartKey{"numIoThreads", "num.io.threads"},
    ChartKey{"numNetworkThreads", "num.network.threads"},
    ChartKey{"numRecoveryThreadsPerDataDir", "num.recovery.threads.per.data.dir"},
    ChartKey{"socketReceiveBufferBytes", "socket.receive.buffer.bytes"},
    ChartKey{"socketRequestMaxBytes", "socket.request.max.bytes"},
    ChartKey{"socketSendBufferBytes", "socket.send.buffer.bytes"},
    ChartKey{"zookeeperConnectionTimeoutMs", "zookeeper.connection.timeout.ms"},
};

// Keys that only the Bitnami chart's values have (either layout).
constexpr std::array<std::string_view, 14> kBitnamiMarkers = {"defaultReplicationFactor",
                                                              "offsetsTopicReplicationFactor",
                                                              "transactionStateLogMinIsr",
                                                              "autoCreateTopicsEnable",
                                                              "minBrokerId",
                                                              "overrideConfiguration",
                                                              "existingConfigmap",
                                                              "brokerRackAwareness",
                                                              "externalZookeeper",
                                                              "provisioning",
                                                              "heapOpts",
                                                              "interBrokerListenerName",
                                                              "existingKraftSecret",
                                                              "logFlushIntervalMessages"};

constexpr std::array<std::string_view, 8> kCpKafkaMarkers = {
    "brokers", "configurationOverrides", "customEnv", "heapOptions", "imageTag", "nodeport",
    "jmx",     "podManagementPolicy"};

// Variables of the Confluent images that are not broker settings.
constexpr std::array<std::string_view, 9> kConfluentNonConfigEnv = {
    "KAFKA_HEAP_OPTS",           "KAFKA_OPTS",       "KAFKA_JMX_OPTS",      "KAFKA_JMX_PORT",
    "KAFKA_JMX_HOSTNAME",        "KAFKA_LOG4J_OPTS", "KAFKA_LOG4J_LOGGERS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
    "KAFKA_TOOLS_LOG4J_LOGLEVEL"};

template <std::size_t N>
int countKeys(const TreeNode& root, const std::array<std::string_view, N>& keys) {
  int n = 0;
  for (std::string_view k : keys) n += root.get(k) != nullptr ? 1 : 0;
  return n;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

const TreeEntry* entry(const TreeNode* mapping, std::string_view key) {
  if (mapping == nullptr || !mapping->isMap()) return nullptr;
  const TreeEntry* found = nullptr;
  for (const auto& e : mapping->entries) {
    if (e.first.scalar == key) found = &e;
  }
  return found;
}

class ChartReader {
 public:
  ChartReader(InputBuilder& in, const TreeNode& root, std::string chart)
      : in_(in), root_(root), chart_(std::move(chart)), r_(in, chart_ + " values") {
    name_ = std::filesystem::path(in.displayPath()).filename().string();
  }

  void readBitnami() {
    const auto version = imageVersion(root_.at("image", "tag"));
    const TreeNode* controller = root_.get("controller");
    const TreeNode* brokerGroup = root_.get("broker");
    const bool kraftLayout = (controller != nullptr && controller->isMap() && controller->get("replicaCount")) ||
                             (brokerGroup != nullptr && brokerGroup->isMap() && brokerGroup->get("replicaCount"));
    Entity& cluster = in_.addCluster(name_, root_.location);
    cluster.kafkaVersion = version;
    cluster_ = &cluster;
    std::vector<Entity*> brokers;
    if (kraftLayout) {
      brokers = bitnamiNodeGroups(controller, brokerGroup, version);
    } else {
      brokers.push_back(&bitnamiLegacyBrokers(version));
    }
    rackCount(brokers, root_.at("brokerRackAwareness", "enabled"));
    if (const auto* existing = entry(&root_, "existingConfigmap");
        existing != nullptr && existing->second.isScalar() && !existing->second.scalar.empty()) {
      in_.note(InputNote::Kind::Unresolved, existing->second.location,
               "existingConfigmap " + existing->second.scalar +
                   ": the brokers read their configuration from that ConfigMap, which is not in the input; the "
                   "settings checked here are the values file's");
    }
    provisionedTopics(brokers.empty() ? nullptr : brokers.front());
    in_.describe(chart_ + (kraftLayout ? " (KRaft node groups)" : "") + ": " + std::to_string(brokers.size()) +
                 " broker group(s)" + (version ? ", Kafka " + version->str() : ""));
  }

  void readCpKafka() {
    // CP X.Y ships Apache Kafka: 5.x -> 2.x, 6.x -> 2.(6+x), 7.x -> 3.x, 8.x -> 4.x.
    std::optional<KafkaVersion> version;
    if (const TreeNode* tag = root_.get("imageTag"); tag != nullptr && tag->isScalar()) {
      if (auto cp = versionPrefix(tag->scalar)) {
        if (cp->major == 5 && cp->minor <= 5) version = KafkaVersion{2, cp->minor, 0, 0};
        if (cp->major == 6 && cp->minor <= 2) version = KafkaVersion{2, 6 + cp->minor, 0, 0};
        if (cp->major == 7) version = KafkaVersion{3, cp->minor, 0, 0};
        if (cp->major == 8) version = KafkaVersion{4, cp->minor, 0, 0};
      }
    }
    Entity& cluster = in_.addCluster(name_, root_.location);
    cluster.kafkaVersion = version;
    cluster_ = &cluster;
    Entity& broker = addBrokers(name_ + " brokers", version, "configurationOverrides", anchor("brokers"));
    if (const TreeNode* overrides = r_.optionalMap(root_, "configurationOverrides", "configurationOverrides")) {
      in_.setAll(broker, *overrides);
    }
    if (const TreeNode* env = r_.optionalMap(root_, "customEnv", "customEnv")) {
      for (const auto& [k, v] : env->entries) {
        const std::string& name = k.scalar;
        if (!startsWith(name, "KAFKA_") || std::find(kConfluentNonConfigEnv.begin(), kConfluentNonConfigEnv.end(),
                                                     name) != kConfluentNonConfigEnv.end()) {
          continue;
        }
        in_.set(broker, confluentEnvKey(name.substr(6)), k, v);
      }
    }
    brokerCount(entry(&root_, "brokers"), "3");  // the chart's default
    rackCount({&broker}, nullptr);
    in_.describe(chart_ + ": 1 broker group" + (version ? ", Kafka " + version->str() : ""));
  }

 private:
  // The ZooKeeper-era layout: one StatefulSet of replicaCount brokers. A `config` text replaces
  // the server.properties the chart generates from the camelCase keys.
  Entity& bitnamiLegacyBrokers(const std::optional<KafkaVersion>& version) {
    Entity& broker =
        addBrokers(name_ + " brokers", version, "config or the camelCase broker keys", anchor("replicaCount"));
    const TreeNode* config = root_.get("config");
    const bool configText = config != nullptr && config->isScalar() && !trimView(config->scalar).empty();
    std::vector<std::string> ignored;
    for (const auto& [k, v] : root_.entries) {
      for (const ChartKey& key : kBitnamiBrokerKeys) {
        if (k.scalar != key.value || v.isNull()) continue;
        if (configText) {
          ignored.push_back(k.scalar);
        } else {
          setChartValue(broker, std::string(key.broker), k, v);
        }
      }
    }
    if (configText) {
      in_.setFromPropertiesText(broker, *config);
      std::string list;
      for (const std::string& k : ignored) list += (list.empty() ? "" : ", ") + k;
      if (!ignored.empty()) {
        in_.note(InputNote::Kind::Ignored, config->location,
                 "config replaces the server.properties the chart generates, so " + list +
                     " do not apply: only the settings written in config do");
      }
    }
    envVars(broker, r_.optionalList(root_, "extraEnvVars", "extraEnvVars"));
    brokerCount(entry(&root_, "replicaCount"), "1");
    return broker;
  }

  // The KRaft layout: controller-eligible nodes (also brokers unless controllerOnly) and
  // broker-only nodes, each group with its own config on top of the common one.
  std::vector<Entity*> bitnamiNodeGroups(const TreeNode* controller, const TreeNode* brokerGroup,
                                         const std::optional<KafkaVersion>& version) {
    std::vector<Entity*> out;
    if (controller != nullptr && !controller->isMap()) controller = nullptr;
    const auto* controllerCount = entry(controller, "replicaCount");
    const TreeNode* controllerOnly = controller != nullptr ? controller->get("controllerOnly") : nullptr;
    const bool combined = controllerOnly == nullptr || !controllerOnly->isScalar() || controllerOnly->scalar != "true";
    const auto* brokerCount =
        brokerGroup != nullptr && brokerGroup->isMap() ? entry(brokerGroup, "replicaCount") : nullptr;
    std::int64_t total = 0;
    const TreeEntry* countAt = nullptr;
    auto nodes = [&](const TreeEntry* count, const std::string& field, std::int64_t fallback) {
      if (count == nullptr) return fallback;
      const std::string& text = r_.number(count->second, field);
      if (isPlaceholder(text)) return std::int64_t{-1};
      return std::int64_t{std::stoll(text)};
    };
    const std::int64_t controllers = nodes(controllerCount, "controller.replicaCount", 3);
    const std::int64_t brokerOnly = brokerCount == nullptr ? 0 : nodes(brokerCount, "broker.replicaCount", 0);
    if (combined && controllers != 0) {
      Entity& e = addBrokers(name_ + " controller+broker nodes", version, "controller.config", anchor("controller"));
      groupConfig(e, controller, "controller");
      out.push_back(&e);
      total += controllers;
      countAt = controllerCount;
    }
    if (brokerOnly != 0) {
      Entity& e = addBrokers(name_ + " broker nodes", version, "broker.config", anchor("broker"));
      groupConfig(e, brokerGroup, "broker");
      out.push_back(&e);
      total += brokerOnly;
      if (countAt == nullptr) countAt = brokerCount;
    }
    const TreeNode& anchor = countAt != nullptr ? countAt->second : root_;
    if (controllers < 0 || brokerOnly < 0) {
      const TreeNode& placeholder = controllers < 0 ? controllerCount->second : brokerCount->second;
      in_.set(*cluster_, "broker.count", placeholder.scalar, placeholder.location, placeholder.location);
    } else {
      in_.set(*cluster_, "broker.count", std::to_string(total),
              countAt != nullptr ? countAt->first.location : anchor.location, anchor.location);
    }
    return out;
  }

  void groupConfig(Entity& e, const TreeNode* group, const std::string& role) {
    const TreeNode* roleConfig = group != nullptr && group->isMap() ? group->get("config") : nullptr;
    auto nonEmpty = [](const TreeNode* n) {
      return n != nullptr && ((n->isMap() && !n->entries.empty()) || (n->isScalar() && !trimView(n->scalar).empty()));
    };
    // The group's config replaces the common one; overrideConfiguration goes on top of either.
    configBlock(e, nonEmpty(roleConfig) ? roleConfig : root_.get("config"));
    configBlock(e, root_.get("overrideConfiguration"));
    if (group != nullptr && group->isMap()) configBlock(e, group->get("overrideConfiguration"));
    configBlock(e, root_.get("extraConfig"));
    if (group != nullptr && group->isMap()) configBlock(e, group->get("extraConfig"));
    configBlock(e, root_.get("secretConfig"));
    if (group != nullptr && group->isMap()) configBlock(e, group->get("secretConfig"));
    envVars(e, r_.optionalList(root_, "extraEnvVars", "extraEnvVars"));
    if (group != nullptr && group->isMap()) envVars(e, r_.optionalList(*group, "extraEnvVars", role + ".extraEnvVars"));
  }

  // A config block: a mapping of keys (current chart) or a server.properties text. The chart
  // merges the blocks, so a later block replaces a key instead of writing it twice.
  void configBlock(Entity& e, const TreeNode* block) {
    if (block == nullptr || block->isNull()) return;
    Entity layer;
    if (block->isMap()) {
      in_.setAll(layer, *block);
    } else if (block->isScalar()) {
      in_.setFromPropertiesText(layer, *block);
    }
    override(e, std::move(layer.settings));
  }

  static void override(Entity& e, std::vector<Setting> settings) {
    for (const Setting& s : settings) {
      std::erase_if(e.settings, [&s](const Setting& old) { return old.key == s.key; });
    }
    for (Setting& s : settings) e.settings.push_back(std::move(s));
  }

  // extraEnvVars: Bitnami images read KAFKA_CFG_LOG_RETENTION_HOURS as log.retention.hours; they
  // come after the chart's own variables and replace what the chart's values set.
  void envVars(Entity& e, const TreeNode* list) {
    if (list == nullptr) return;
    Entity layer;
    for (const TreeNode& var : list->items) {
      if (!var.isMap()) continue;
      const auto* name = entry(&var, "name");
      const auto* value = entry(&var, "value");
      if (name == nullptr || value == nullptr || !name->second.isScalar()) continue;
      const std::string& n = name->second.scalar;
      if (!startsWith(n, "KAFKA_CFG_") || n.size() == 10) continue;
      std::string key = toLower(n.substr(10));
      std::replace(key.begin(), key.end(), '_', '.');
      in_.set(layer, key, std::string(value->second.scalar), name->second.location, value->second.location);
    }
    override(e, std::move(layer.settings));
  }

  // provisioning.topics: topics the chart's provisioning Job creates.
  void provisionedTopics(Entity* broker) {
    const TreeNode* provisioning = r_.optionalMap(root_, "provisioning", "provisioning");
    if (provisioning == nullptr) return;
    const TreeNode* topics = r_.optionalList(*provisioning, "topics", "provisioning.topics");
    if (topics == nullptr) return;
    const auto* defaultRf = entry(provisioning, "replicationFactor");
    const auto* defaultPartitions = entry(provisioning, "numPartitions");
    for (const TreeNode& t : topics->items) {
      r_.map(t, "provisioning.topics[]");
      const std::string name = r_.requiredText(t, "name", "provisioning.topics[].name");
      Entity& topic = in_.addEntity(EntityKind::Topic, name, t.location, cluster_);
      topic.inheritsFrom = broker;
      topic.kafkaVersion = cluster_->kafkaVersion;
      topic.classification = chart_ + ": provisioning.topics";
      const auto* rf = entry(&t, "replicationFactor");
      if (rf == nullptr) rf = defaultRf;
      if (rf != nullptr) {
        r_.number(rf->second, "replicationFactor", true);
        in_.set(topic, "replication.factor", rf->first, rf->second);
      }
      const auto* partitions = entry(&t, "partitions");
      if (partitions == nullptr) partitions = defaultPartitions;
      if (partitions != nullptr) {
        r_.number(partitions->second, "partitions", true);
        in_.set(topic, "partitions", partitions->first, partitions->second);
      }
      if (const TreeNode* config = r_.optionalMap(t, "config", "provisioning.topics[].config")) {
        in_.setAll(topic, *config);
      }
    }
  }

  // Where findings about defaulted broker settings point: the key that deploys the brokers.
  [[nodiscard]] SourceLocation anchor(std::string_view key) const {
    const auto* e = entry(&root_, key);
    return e != nullptr ? e->first.location : root_.location;
  }

  Entity& addBrokers(std::string name, const std::optional<KafkaVersion>& version, const std::string& from,
                     SourceLocation origin) {
    Entity& broker = in_.addEntity(EntityKind::Broker, std::move(name), origin, cluster_);
    broker.kafkaVersion = version;
    broker.classification = chart_ + " values: " + from;
    return broker;
  }

  // A chart value that becomes a broker setting. Bitnami writes large numbers as _1073741824 so
  // that Helm does not print them in scientific notation; the chart removes the underscores.
  void setChartValue(Entity& e, std::string key, const TreeNode& k, const TreeNode& v) {
    if (v.isScalar() && startsWith(v.scalar, "_")) {
      std::string value = v.scalar;
      std::erase(value, '_');
      in_.set(e, std::move(key), std::move(value), k.location, v.location);
      return;
    }
    if (!v.isScalar()) r_.fail(v, "expected '" + k.scalar + "' to be a single value");
    in_.set(e, std::move(key), k, v);
  }

  void brokerCount(const TreeEntry* count, const std::string& chartDefault) {
    if (count == nullptr) {
      in_.set(*cluster_, "broker.count", chartDefault, root_.location, root_.location);
      return;
    }
    r_.number(count->second, count->first.scalar);
    in_.set(*cluster_, "broker.count", count->first, count->second);
  }

  // Racks: known to be none unless the values give the brokers a broker.rack (or Bitnami's rack
  // awareness, whose racks come from the nodes and are not countable here).
  void rackCount(const std::vector<Entity*>& brokers, const TreeNode* rackAwareness) {
    bool rack = rackAwareness != nullptr && rackAwareness->isScalar() && rackAwareness->scalar == "true";
    for (const Entity* b : brokers) {
      for (const Setting& s : b->settings) rack = rack || s.key == "broker.rack";
    }
    if (!rack) in_.set(*cluster_, "rack.count", "0", root_.location, root_.location);
  }

  static std::optional<KafkaVersion> imageVersion(const TreeNode* tag) {
    if (tag == nullptr || !tag->isScalar()) return std::nullopt;
    return versionPrefix(tag->scalar);
  }

  // Confluent images: KAFKA_FOO_BAR is foo.bar, __ is _ and ___ is -.
  static std::string confluentEnvKey(const std::string& rest) {
    std::string out;
    for (std::size_t i = 0; i < rest.size();) {
      if (rest.compare(i, 3, "___") == 0) {
        out += '-';
        i += 3;
      } else if (rest.compare(i, 2, "__") == 0) {
        out += '_';
        i += 2;
      } else {
        out += rest[i] == '_' ? '.' : char(std::tolower(static_cast<unsigned char>(rest[i])));
        ++i;
      }
    }
    return out;
  }

  InputBuilder& in_;
  const TreeNode& root_;
  std::string chart_;
  TreeReading r_;
  std::string name_;
  Entity* cluster_ = nullptr;
};

bool isKubernetesResource(const TreeNode& root) { return root.get("apiVersion") != nullptr && root.get("kind"); }

}  // namespace

bool readHelmValues(const ConfigTree& tree, InputBuilder& in) {
  if (tree.documents.size() != 1 || !tree.documents[0].isMap() || isKubernetesResource(tree.documents[0])) {
    return false;
  }
  const TreeNode& root = tree.documents[0];
  const TreeNode* image = root.get("image");
  const std::string repository = image != nullptr && image->isMap() ? image->text("repository") : "";
  const int bitnami = countKeys(root, kBitnamiMarkers) + (contains(repository, "bitnami/kafka") ? 2 : 0);
  if (bitnami >= 3) {
    ChartReader(in, root, "Bitnami kafka chart").readBitnami();
    return true;
  }
  // cp-kafka's own values, or the umbrella cp-helm-charts values with a cp-kafka section.
  const TreeNode* cp = root.get("cp-kafka");
  const TreeNode& section = cp != nullptr && cp->isMap() ? *cp : root;
  const std::string cpImage = section.text("image");
  const int confluent = countKeys(section, kCpKafkaMarkers) + (contains(cpImage, "confluentinc/cp-") ? 2 : 0);
  if (confluent >= 3 && (section.get("brokers") != nullptr || section.get("configurationOverrides") != nullptr)) {
    ChartReader(in, section, "Confluent cp-kafka chart").readCpKafka();
    return true;
  }
  return false;
}

}  // namespace kafkalint
