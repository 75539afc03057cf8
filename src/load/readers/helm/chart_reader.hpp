// What the readers of Helm chart values share: the cluster and broker entities a chart deploys,
// where findings about them point, and the chart's counts of brokers and racks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/tree_reading.hpp"

namespace kafkalint {

// The entry of `mapping` named `key` (the last one, as YAML's duplicate keys go), or nullptr.
const TreeEntry* lastEntry(const TreeNode* mapping, std::string_view key);

class ChartReader {
 protected:
  ChartReader(InputBuilder& in, const TreeNode& root, std::string chart);

  // The cluster the values deploy, named after the file.
  Entity& addCluster(const std::optional<KafkaVersion>& version);
  // A group of brokers configured alike; `from` says which values configure them.
  Entity& addBrokers(std::string name, const std::optional<KafkaVersion>& version, const std::string& from,
                     SourceLocation origin);
  // Where findings about defaulted broker settings point: the key that deploys the brokers.
  [[nodiscard]] SourceLocation anchor(std::string_view key) const;
  void brokerCount(const TreeEntry* count, const std::string& chartDefault);
  // Racks: known to be none unless the values give the brokers a broker.rack (or Bitnami's rack
  // awareness, whose racks come from the nodes and are not countable here).
  void rackCount(const std::vector<Entity*>& brokers, const TreeNode* rackAwareness);

  InputBuilder& in_;
  const TreeNode& root_;
  std::string chart_;
  TreeReading r_;
  std::string name_;
  Entity* cluster_ = nullptr;
};

// Bitnami's kafka chart (bitnami_chart.cpp) and Confluent's cp-kafka (cp_kafka_chart.cpp).
void readBitnamiChart(InputBuilder& in, const TreeNode& root);
void readCpKafkaChart(InputBuilder& in, const TreeNode& root);

}  // namespace kafkalint
