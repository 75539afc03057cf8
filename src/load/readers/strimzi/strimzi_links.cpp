// Strimzi resources name their Kafka cluster by label, often from other files: once every file is
// read, each cluster gets its broker count (from its broker node pools, else spec.kafka.replicas)
// and each KafkaTopic its cluster and broker config.
#include <any>

#include "kafkalint/load.hpp"
#include "readers/strimzi/strimzi_index.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

bool sameNamespace(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

// The Kafka a resource names: the one in the same file if there is one, else the only one of that
// name in the audit. Null when there is none, or several and none of them in the same file.
const StrimziKafka* findKafka(const StrimziIndex& index, const std::string& name, const std::string& ns, FileId file,
                              std::size_t* candidates) {
  const StrimziKafka* sameFile = nullptr;
  const StrimziKafka* any = nullptr;
  *candidates = 0;
  for (const StrimziKafka& k : index.clusters) {
    if (k.name != name || !sameNamespace(k.ns, ns)) continue;
    ++*candidates;
    if (k.file == file) sameFile = &k;
    any = &k;
  }
  if (sameFile != nullptr) return sameFile;
  return *candidates == 1 ? any : nullptr;
}

void setBrokerCount(Entity& cluster, std::string value, SourceLocation key, SourceLocation at) {
  Setting s;
  s.key = "broker.count";
  s.value = std::move(value);
  s.keyLocation = key;
  s.valueLocation = at;
  cluster.settings.push_back(std::move(s));
}

// Broker count: the node pools with the broker role (controller-only pools host no partitions;
// a pool's replicas is a number of nodes, not a replication factor), else spec.kafka.replicas.
void linkBrokerCount(const StrimziIndex& index, const StrimziKafka& kafka, Model& model) {
  std::vector<const StrimziNodePool*> pools;
  for (const StrimziNodePool& p : index.pools) {
    if (p.cluster != kafka.name || !sameNamespace(p.ns, kafka.ns)) continue;
    std::size_t candidates = 0;
    if (findKafka(index, p.cluster, p.ns, p.file, &candidates) == &kafka) pools.push_back(&p);
  }
  const StrimziNodePool* firstBrokerPool = nullptr;
  std::int64_t brokers = 0;
  bool placeholder = false;
  for (const StrimziNodePool* p : pools) {
    if (!p->brokers) continue;
    if (firstBrokerPool == nullptr) firstBrokerPool = p;
    if (isPlaceholder(p->replicas)) {
      placeholder = true;
    } else {
      brokers += std::stoll(p->replicas);
    }
  }
  if (firstBrokerPool != nullptr) {
    setBrokerCount(*kafka.cluster, placeholder ? firstBrokerPool->replicas : std::to_string(brokers),
                   firstBrokerPool->replicasKey, firstBrokerPool->replicasValue);
  } else if (pools.empty() && !kafka.replicas.empty()) {
    setBrokerCount(*kafka.cluster, kafka.replicas, kafka.replicasKey, kafka.replicasValue);
  } else {
    model.notes.push_back({InputNote::Kind::Unresolved,
                           kafka.anchor,
                           "Strimzi Kafka " + kafka.name +
                               ": the number of brokers is not known (no spec.kafka.replicas, and no KafkaNodePool "
                               "with the broker role for this cluster in the input), so replication factors are not "
                               "checked against it",
                           {}});
  }
}

// A KafkaTopic belongs to the Kafka its label names, and inherits that cluster's broker config.
void linkTopic(const StrimziIndex& index, const StrimziTopic& t, Model& model) {
  if (t.cluster.empty()) {
    model.notes.push_back({InputNote::Kind::Ignored,
                           t.topic->origin,
                           "KafkaTopic " + t.topic->name + " has no " + std::string(kStrimziClusterLabel) +
                               " label: the Topic Operator manages only topics labelled with their Kafka cluster, so "
                               "this one is not created",
                           {}});
    return;
  }
  std::size_t candidates = 0;
  const StrimziKafka* kafka = findKafka(index, t.cluster, t.ns, t.file, &candidates);
  if (kafka == nullptr) {
    if (candidates > 1) {
      model.notes.push_back({InputNote::Kind::Unresolved,
                             t.labelLocation,
                             "KafkaTopic " + t.topic->name + " names cluster " + t.cluster + ", which " +
                                 std::to_string(candidates) +
                                 " Kafka resources in other files define: it is checked without a broker config",
                             {}});
    }
    return;  // no broker config in view: the topic rules say so (KL0203, KL0204)
  }
  t.topic->cluster = kafka->cluster;
  t.topic->inheritsFrom = kafka->broker;
  t.topic->kafkaVersion = kafka->cluster->kafkaVersion;
}

}  // namespace

void linkStrimzi(LoadResult& result) {
  auto it = result.readerState.find(kStrimziReaderId);
  if (it == result.readerState.end()) return;
  const StrimziIndex& index = std::any_cast<const StrimziIndex&>(it->second);
  for (const StrimziKafka& kafka : index.clusters) linkBrokerCount(index, kafka, result.model);
  for (const StrimziTopic& t : index.topics) linkTopic(index, t, result.model);
}

}  // namespace kafkalint
