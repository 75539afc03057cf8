// Bitnami's kafka chart: the ZooKeeper-era layout with camelCase broker keys, and the KRaft layout
// with controller and broker node groups.
#include <array>

#include "kafkalint/text.hpp"
#include "readers/helm/chart_reader.hpp"
#include "readers/kafka_images.hpp"

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

class BitnamiChart : ChartReader {
 public:
  BitnamiChart(InputBuilder& in, const TreeNode& root) : ChartReader(in, root, "Bitnami kafka chart") {}

  void read() {
    const auto version = imageVersion(root_.at("image", "tag"));
    const TreeNode* controller = root_.get("controller");
    const TreeNode* brokerGroup = root_.get("broker");
    const bool kraftLayout = (controller != nullptr && controller->isMap() && controller->get("replicaCount")) ||
                             (brokerGroup != nullptr && brokerGroup->isMap() && brokerGroup->get("replicaCount"));
    addCluster(version);
    std::vector<Entity*> brokers;
    if (kraftLayout) {
      brokers = bitnamiNodeGroups(controller, brokerGroup, version);
    } else {
      brokers.push_back(&bitnamiLegacyBrokers(version));
    }
    rackCount(brokers, root_.at("brokerRackAwareness", "enabled"));
    if (const auto* existing = lastEntry(&root_, "existingConfigmap");
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
    brokerCount(lastEntry(&root_, "replicaCount"), "1");
    return broker;
  }

  // The KRaft layout: controller-eligible nodes (also brokers unless controllerOnly) and
  // broker-only nodes, each group with its own config on top of the common one.
  std::vector<Entity*> bitnamiNodeGroups(const TreeNode* controller, const TreeNode* brokerGroup,
                                         const std::optional<KafkaVersion>& version) {
    std::vector<Entity*> out;
    if (controller != nullptr && !controller->isMap()) controller = nullptr;
    const auto* controllerCount = lastEntry(controller, "replicaCount");
    const TreeNode* controllerOnly = controller != nullptr ? controller->get("controllerOnly") : nullptr;
    const bool combined = controllerOnly == nullptr || !controllerOnly->isScalar() || controllerOnly->scalar != "true";
    const auto* brokerCount =
        brokerGroup != nullptr && brokerGroup->isMap() ? lastEntry(brokerGroup, "replicaCount") : nullptr;
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
      const auto* name = lastEntry(&var, "name");
      const auto* value = lastEntry(&var, "value");
      if (name == nullptr || value == nullptr || !name->second.isScalar()) continue;
      const std::string& n = name->second.scalar;
      if (!startsWith(n, "KAFKA_CFG_") || n.size() == 10) continue;
      in_.set(layer, dottedKey(n.substr(10)), std::string(value->second.scalar), name->second.location,
              value->second.location);
    }
    override(e, std::move(layer.settings));
  }

  // provisioning.topics: topics the chart's provisioning Job creates.
  void provisionedTopics(Entity* broker) {
    const TreeNode* provisioning = r_.optionalMap(root_, "provisioning", "provisioning");
    if (provisioning == nullptr) return;
    const TreeNode* topics = r_.optionalList(*provisioning, "topics", "provisioning.topics");
    if (topics == nullptr) return;
    const auto* defaultRf = lastEntry(provisioning, "replicationFactor");
    const auto* defaultPartitions = lastEntry(provisioning, "numPartitions");
    for (const TreeNode& t : topics->items) {
      r_.map(t, "provisioning.topics[]");
      const std::string name = r_.requiredText(t, "name", "provisioning.topics[].name");
      Entity& topic = in_.addEntity(EntityKind::Topic, name, t.location, cluster_);
      topic.inheritsFrom = broker;
      topic.kafkaVersion = cluster_->kafkaVersion;
      topic.classification = chart_ + ": provisioning.topics";
      const auto* rf = lastEntry(&t, "replicationFactor");
      if (rf == nullptr) rf = defaultRf;
      if (rf != nullptr) {
        r_.number(rf->second, "replicationFactor", true);
        in_.set(topic, "replication.factor", rf->first, rf->second);
      }
      const auto* partitions = lastEntry(&t, "partitions");
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

  static std::optional<KafkaVersion> imageVersion(const TreeNode* tag) {
    if (tag == nullptr || !tag->isScalar()) return std::nullopt;
    return versionPrefix(tag->scalar);
  }
};

}  // namespace

void readBitnamiChart(InputBuilder& in, const TreeNode& root) { BitnamiChart(in, root).read(); }

}  // namespace kafkalint
