// The durability budget of each topic (docs/durability-budget.md): from the live placement of its
// partitions when it was read from a cluster, else nominally from its replication factor and
// min.insync.replicas.
#include <algorithm>
#include <tuple>

#include "kafkalint/budget.hpp"
#include "partition_state.hpp"

namespace kafkalint {

const std::string& TopicBudget::clusterName() const {
  static const std::string kNone;
  return topic != nullptr && topic->cluster != nullptr ? topic->cluster->name : kNone;
}

namespace {

// A count the budget can rely on, or nullopt with the reason in `why`.
std::optional<std::int64_t> count(EntityView& view, const std::string& key, std::string& why) {
  const EffectiveValue& ev = view.get(key);
  if (ev.value.isUnknown()) {
    why = key + " is not known: " + ev.value.unknownReason();
    return std::nullopt;
  }
  if (ev.value.kind() != Value::Kind::Int || ev.value.asInt() < 1) {
    why = key + " has no usable value";
    return std::nullopt;
  }
  // Kafka's default, only because no broker config is in the input: the real value is elsewhere.
  if (!view.entity().fromCluster && ev.provenance.kind == ProvenanceKind::KafkaDefault && view.parent() == nullptr) {
    why = key + " depends on a broker config the input does not show";
    return std::nullopt;
  }
  return ev.value.asInt();
}

// Keeps the worse of a topic's budget so far and one partition's.
void keepWorst(FailureBudget& topic, std::int64_t brokers, const std::optional<std::int64_t>& racks,
               std::int32_t partition, bool first) {
  if (first || brokers < topic.brokers) {
    topic.brokers = brokers;
    topic.partition = partition;
  }
  // One partition whose racks are not known leaves the topic's rack budget unknown.
  if (first || !racks || !topic.racks) {
    topic.racks = first ? racks : std::nullopt;
  } else {
    topic.racks = std::min(*topic.racks, *racks);
  }
}

// A live topic: the worst of its partitions.
void placementBudget(const Model& model, EntityView& view, TopicBudget& b) {
  const TopicPlacement& placement = *view.entity().placement;
  b.partitions = static_cast<std::int64_t>(placement.partitions.size());
  if (placement.partitions.empty()) {
    b.notComputed = "the cluster's metadata lists no partitions";
    return;
  }
  auto [fewest, most] =
      std::minmax_element(placement.partitions.begin(), placement.partitions.end(),
                          [](const auto& x, const auto& y) { return x.replicaCount < y.replicaCount; });
  b.replicationFactor = fewest->replicaCount;
  b.maxReplicationFactor = most->replicaCount;
  auto minIsr = count(view, "min.insync.replicas", b.notComputed);
  if (!minIsr) return;
  b.minInsyncReplicas = *minIsr;

  const LiveCluster* cluster = model.liveClusterOf(view.entity());
  const RackMap racks = cluster != nullptr ? RackMap(*cluster) : RackMap();
  bool first = true;
  for (const auto& p : placement.partitions) {
    const PartitionBudget pb = partitionBudget(placement, p, *minIsr, racks);
    b.neverWritable = b.neverWritable || pb.neverWritable;
    keepWorst(b.writes, pb.writesBrokers, pb.writesRacks, p.id, first);
    keepWorst(b.ackedWrites, pb.ackedBrokers, pb.ackedRacks, p.id, first);
    first = false;
  }
}

// A topic from files: every replica assumed in sync, placement unknown.
void nominalBudget(EntityView& view, TopicBudget& b) {
  const Value& partitions = view.get("partitions").value;
  if (partitions.kind() == Value::Kind::Int && partitions.asInt() > 0) b.partitions = partitions.asInt();
  auto rf = count(view, "replication.factor", b.notComputed);
  if (!rf) return;
  b.replicationFactor = b.maxReplicationFactor = *rf;
  auto minIsr = count(view, "min.insync.replicas", b.notComputed);
  if (!minIsr) return;
  b.minInsyncReplicas = *minIsr;
  b.neverWritable = *rf < *minIsr;
  b.writes.brokers = b.neverWritable ? -1 : *rf - *minIsr;
  b.ackedWrites.brokers = std::min(*minIsr, *rf) - 1;
}

TopicBudget budgetOf(const Model& model, const Resolver& resolver, SharedViews& views, const Entity& topic) {
  EntityView view(resolver, topic, &views);
  TopicBudget b;
  b.topic = &topic;
  b.basis = topic.placement ? TopicBudget::Basis::Placement : TopicBudget::Basis::Nominal;
  const Value& unclean = view.get("unclean.leader.election.enable").value;
  if (unclean.kind() == Value::Kind::Bool) b.uncleanElection = unclean.asBool();
  if (topic.placement) {
    placementBudget(model, view, b);
  } else {
    nominalBudget(view, b);
  }
  if (!b.computed()) b.writes = b.ackedWrites = FailureBudget{};
  return b;
}

}  // namespace

std::vector<TopicBudget> durabilityBudgets(const Model& model, const Resolver& resolver) {
  return DurabilityBudgets(model, resolver).finish();
}

DurabilityBudgets::DurabilityBudgets(const Model& model, const Resolver& resolver)
    : model_(model), resolver_(resolver), views_(resolver) {}

void DurabilityBudgets::topic(const Entity& topic) {
  if (topic.kind != EntityKind::Topic || done_.count(&topic)) return;
  done_.emplace(&topic, budgetOf(model_, resolver_, views_, topic));
}

std::vector<TopicBudget> DurabilityBudgets::finish() {
  std::vector<TopicBudget> out;
  out.reserve(done_.size());
  for (const Entity& topic : model_.entities) {
    if (topic.kind != EntityKind::Topic) continue;
    auto it = done_.find(&topic);
    out.push_back(it != done_.end() ? std::move(it->second) : budgetOf(model_, resolver_, views_, topic));
  }
  done_.clear();
  // Worst first; entity order (deterministic) breaks the remaining ties.
  auto key = [](const TopicBudget& b) {
    return std::tuple<bool, std::int64_t, std::int64_t, std::int64_t, const std::string&, const std::string&>(
        !b.computed(), std::min(b.writes.brokers, b.ackedWrites.brokers), b.ackedWrites.brokers, b.writes.brokers,
        b.topic->name, b.clusterName());
  };
  std::stable_sort(out.begin(), out.end(), [&](const TopicBudget& x, const TopicBudget& y) { return key(x) < key(y); });
  return out;
}

}  // namespace kafkalint
