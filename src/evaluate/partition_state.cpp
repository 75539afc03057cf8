#include "partition_state.hpp"

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
  // Built for every live topic: two allocations, not one per broker and rack (a linear search over
  // the few distinct racks).
  std::vector<std::string_view> distinct;
  rackIndex_.reserve(cluster.racks.size());
  for (const auto& [broker, rack] : cluster.racks) {  // by broker id: sorted
    int index = -1;
    if (!rack.empty()) {
      auto it = std::find(distinct.begin(), distinct.end(), rack);
      index = static_cast<int>(it - distinct.begin());
      if (it == distinct.end()) distinct.push_back(rack);
    }
    rackIndex_.emplace_back(broker, index);
  }
  rackCount_ = distinct.size();
}

int RackMap::rackIndexOf(std::int32_t broker) const {
  auto it = std::lower_bound(rackIndex_.begin(), rackIndex_.end(), broker,
                             [](const std::pair<std::int32_t, int>& e, std::int32_t id) { return e.first < id; });
  return it == rackIndex_.end() || it->first != broker ? -1 : it->second;
}

bool RackMap::countPerRack(std::span<const std::int32_t> brokers, std::vector<std::int64_t>& counts) const {
  counts.clear();
  if (rackCount_ == 0) return false;
  counts.resize(rackCount_);
  for (std::int32_t broker : brokers) {
    const int rack = rackIndexOf(broker);
    if (rack < 0) return false;
    ++counts[static_cast<std::size_t>(rack)];
  }
  counts.erase(std::remove(counts.begin(), counts.end(), 0), counts.end());
  return true;
}

const std::string* RackMap::rackOf(std::int32_t broker) const {
  if (racks_ == nullptr) return nullptr;
  auto it = racks_->find(broker);
  return it == racks_->end() || it->second.empty() ? nullptr : &it->second;
}

std::optional<std::vector<std::int64_t>> RackMap::perRack(std::span<const std::int32_t> brokers) const {
  std::vector<std::int64_t> out;
  if (!countPerRack(brokers, out)) return std::nullopt;
  std::sort(out.begin(), out.end(), std::greater<>());
  return out;
}

std::optional<bool> replicasShareRack(const TopicPlacement& placement, const TopicPlacement::Partition& p,
                                      const RackMap& racks) {
  thread_local std::vector<std::int64_t> counts;
  if (!racks.countPerRack(placement.replicas(p), counts)) return std::nullopt;
  const std::size_t possible = std::min<std::size_t>(p.replicaCount, racks.rackCount());
  return counts.size() < possible;
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

  thread_local std::vector<std::int64_t> perRackCounts;
  if (racks.countPerRack(placement.isr(p), perRackCounts)) {
    std::sort(perRackCounts.begin(), perRackCounts.end(), std::greater<>());
    const std::vector<std::int64_t>* perRack = &perRackCounts;
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
