// Helm values of the common Kafka charts: Bitnami's kafka chart (the ZooKeeper-era layout with
// camelCase broker keys, and the KRaft layout with controller/broker node groups) and Confluent's
// cp-helm-charts cp-kafka. Values files are plain YAML without a marker, so a file is taken only
// when it has several keys that only these charts use.
#include <array>

#include "readers/helm/chart_reader.hpp"

namespace kafkalint {

namespace {

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

template <std::size_t N>
int countKeys(const TreeNode& root, const std::array<std::string_view, N>& keys) {
  int n = 0;
  for (std::string_view k : keys) n += root.get(k) != nullptr ? 1 : 0;
  return n;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

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
    readBitnamiChart(in, root);
    return true;
  }
  // cp-kafka's own values, or the umbrella cp-helm-charts values with a cp-kafka section.
  const TreeNode* cp = root.get("cp-kafka");
  const TreeNode& section = cp != nullptr && cp->isMap() ? *cp : root;
  const std::string cpImage = section.text("image");
  const int confluent = countKeys(section, kCpKafkaMarkers) + (contains(cpImage, "confluentinc/cp-") ? 2 : 0);
  if (confluent >= 3 && (section.get("brokers") != nullptr || section.get("configurationOverrides") != nullptr)) {
    readCpKafkaChart(in, section);
    return true;
  }
  return false;
}

}  // namespace kafkalint
