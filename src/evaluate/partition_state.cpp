#include "evaluate/partition_state.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace kafkalint {

PartitionHealth partitionHealth(const TopicPlacement::Partition& p, std::int64_t minIsr) {
  const std::int64_t isr = p.isrCount;
  if (p.leader < 0) return PartitionHealth::Leaderless;
  if (isr < minIsr) return PartitionHealth::UnderMinIsr;
  if (isr >= p.replicaCount) return PartitionHealth::Healthy;
  return isr == minIsr ? PartitionHealth::AtMinIsr : PartitionHealth::UnderReplicated;
}

RackMap::RackMap(const LiveCluster& cluster) : racks_(&cluster.racks) {
  std::set<std::string_view> distinct;
  for (const auto& [broker, rack] : cluster.racks) {
    if (!rack.empty()) distinct.insert(rack);
  }
  rackCount_ = distinct.size();
}

const std::string* RackMap::rackOf(std::int32_t broker) const {
  if (racks_ == nullptr) return nullptr;
  auto it = racks_->find(broker);
  return it == racks_->end() || it->second.empty() ? nullptr : &it->second;
}

std::optional<std::vector<std::int64_t>> RackMap::perRack(std::span<const std::int32_t> brokers) const {
  if (rackCount_ == 0) return std::nullopt;
  std::map<std::string_view, std::int64_t> counts;
  for (std::int32_t broker : brokers) {
    const std::string* rack = rackOf(broker);
    if (rack == nullptr) return std::nullopt;
    ++counts[*rack];
  }
  std::vector<std::int64_t> out;
  for (const auto& [rack, n] : counts) out.push_back(n);
  std::sort(out.begin(), out.end(), std::greater<>());
  return out;
}

std::optional<bool> replicasShareRack(const TopicPlacement& placement, const TopicPlacement::Partition& p,
                                      const RackMap& racks) {
  auto perRack = racks.perRack(placement.replicas(p));
  if (!perRack) return std::nullopt;
  const std::size_t possible = std::min<std::size_t>(p.replicaCount, racks.rackCount());
  return perRack->size() < possible;
}

PartitionBudget partitionBudget(const TopicPlacement& placement, const TopicPlacement::Partition& p,
                                std::int64_t minIsr, const RackMap& racks) {
  PartitionBudget b;
  const std::int64_t isr = p.isrCount;
  const bool writable = p.leader >= 0 && isr >= minIsr;
  b.neverWritable = p.replicaCount < minIsr;
  // Writes continue while a leader exists and |ISR| >= min ISR: the worst case loses ISR members.
  b.writesBrokers = writable ? isr - minIsr : -1;
  // An acknowledged write is only guaranteed on min ISR replicas (the ISR may have shrunk to that
  // when it was written), and today on no more than the current ISR.
  const std::int64_t copies = std::min(minIsr, isr);
  b.ackedBrokers = std::max<std::int64_t>(copies - 1, -1);

  if (auto perRack = racks.perRack(placement.isr(p))) {
    // The worst case fails the racks holding the most in-sync replicas first.
    if (!writable) {
      b.writesRacks = -1;
    } else {
      std::int64_t left = isr, failed = 0;
      for (std::int64_t n : *perRack) {
        if (left < minIsr) break;
        left -= n;
        ++failed;
      }
      b.writesRacks = failed - 1;
    }
    std::int64_t covered = 0, holding = 0;
    for (std::int64_t n : *perRack) {
      if (covered >= copies) break;
      covered += n;
      ++holding;
    }
    b.ackedRacks = copies <= 0 ? -1 : holding - 1;
  }
  return b;
}

}  // namespace kafkalint
