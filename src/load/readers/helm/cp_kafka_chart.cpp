// Confluent's cp-helm-charts cp-kafka: configurationOverrides, customEnv and the broker count.
#include "kafkalint/text.hpp"
#include "readers/helm/chart_reader.hpp"
#include "readers/kafka_images.hpp"

namespace kafkalint {

namespace {

class CpKafkaChart : ChartReader {
 public:
  CpKafkaChart(InputBuilder& in, const TreeNode& root) : ChartReader(in, root, "Confluent cp-kafka chart") {}

  void read() {
    std::optional<KafkaVersion> version;
    if (const TreeNode* tag = root_.get("imageTag"); tag != nullptr && tag->isScalar()) {
      if (auto platform = versionPrefix(tag->scalar)) version = kafkaOfConfluentPlatform(*platform);
    }
    addCluster(version);
    Entity& broker = addBrokers(name_ + " brokers", version, "configurationOverrides", anchor("brokers"));
    if (const TreeNode* overrides = r_.optionalMap(root_, "configurationOverrides", "configurationOverrides")) {
      in_.setAll(broker, *overrides);
    }
    if (const TreeNode* env = r_.optionalMap(root_, "customEnv", "customEnv")) {
      for (const auto& [k, v] : env->entries) {
        // The chart hands customEnv to the image: KAFKA_* variables in the Confluent spelling.
        if (!startsWith(k.scalar, "KAFKA_")) continue;
        if (std::string key = brokerKeyOfVariable(k.scalar, KafkaImage::Confluent); !key.empty()) {
          in_.set(broker, std::move(key), k, v);
        }
      }
    }
    brokerCount(lastEntry(&root_, "brokers"), "3");  // the chart's default
    rackCount({&broker}, nullptr);
    in_.describe(chart_ + ": 1 broker group" + (version ? ", Kafka " + version->str() : ""));
  }
};

}  // namespace

void readCpKafkaChart(InputBuilder& in, const TreeNode& root) { CpKafkaChart(in, root).read(); }

}  // namespace kafkalint
