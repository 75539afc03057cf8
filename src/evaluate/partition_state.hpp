// The state of a live topic's partitions, from the cluster's metadata: what is wrong with each
// partition given the topic's effective min.insync.replicas, which racks its replicas are in, and
// how many failures it survives. Shared by the partition-state rules and the durability budget.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kafkalint/entity.hpp"

namespace kafkalint {

// The one, most severe, thing wrong with a partition: each partition is in exactly one state, so
// the rules never report a partition twice.
enum class PartitionHealth {
  Leaderless,       // no leader: no writes, no reads
  UnderMinIsr,      // |ISR| < min ISR: acks=all writes fail now
  AtMinIsr,         // |ISR| == min ISR < replicas: one more failure stops acks=all writes
  UnderReplicated,  // min ISR < |ISR| < replicas
  Healthy,          // every replica in sync (or |ISR| == min ISR == replicas, reported by KL0205)
};
PartitionHealth partitionHealth(const TopicPlacement::Partition& partition, std::int64_t minIsr);

// Where a live cluster's brokers are: broker id -> broker.rack.
class RackMap {
 public:
  RackMap() = default;  // no cluster known: no racks
  explicit RackMap(const LiveCluster& cluster);

  // How many distinct racks the brokers are in (0: no broker has a rack).
  [[nodiscard]] std::size_t rackCount() const { return rackCount_; }
  // A broker's rack, or nullptr when it has none or its configs were not read.
  [[nodiscard]] const std::string* rackOf(std::int32_t broker) const;
  // How many of `brokers` each rack holds, the fullest rack first; nullopt when the cluster has no
  // racks or one of the brokers has no known rack (then nothing can be said about racks).
  [[nodiscard]] std::optional<std::vector<std::int64_t>> perRack(std::span<const std::int32_t> brokers) const;
  // The same counts, unordered, into `counts` (reused: no allocation per partition); false when
  // perRack() would give nullopt.
  bool countPerRack(std::span<const std::int32_t> brokers, std::vector<std::int64_t>& counts) const;

 private:
  const std::map<std::int32_t, std::string>* racks_ = nullptr;
  std::size_t rackCount_ = 0;
  std::vector<std::pair<std::int32_t, int>> rackIndex_;  // broker id -> index of its rack (-1: none), sorted
  [[nodiscard]] int rackIndexOf(std::int32_t broker) const;
};

// A partition whose replicas are in fewer distinct racks than they could be (the smaller of its
// replica count and the cluster's rack count). nullopt when a replica's rack is not known.
std::optional<bool> replicasShareRack(const TopicPlacement& placement, const TopicPlacement::Partition& partition,
                                      const RackMap& racks);

// How many failures a partition survives (docs/durability-budget.md). A negative count means the
// limit is already passed: writes stopped now, or no in-sync copy left.
struct PartitionBudget {
  std::int64_t writesBrokers = 0;  // before acks=all writes stop: |ISR| - min ISR (-1 without a leader)
  std::optional<std::int64_t> writesRacks;
  std::int64_t ackedBrokers = 0;  // before acknowledged writes can be lost: min(min ISR, |ISR|) - 1
  std::optional<std::int64_t> ackedRacks;
  bool neverWritable = false;  // fewer replicas than min ISR: acks=all writes can never succeed
};
PartitionBudget partitionBudget(const TopicPlacement& placement, const TopicPlacement::Partition& partition,
                                std::int64_t minIsr, const RackMap& racks);

}  // namespace kafkalint
