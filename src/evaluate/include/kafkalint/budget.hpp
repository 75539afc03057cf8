// The durability budget of each topic: how many broker (and rack) failures it survives before
// acks=all writes stop, and before acknowledged writes can be lost. Computed in the evaluate stage,
// printed by the reports. The reasoning is in docs/durability-budget.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

// Failures survived, in brokers and in racks (zones). A negative count (-1) means the limit is
// already passed: writes stopped now, or no in-sync copy left.
struct FailureBudget {
  std::int64_t brokers = 0;
  std::optional<std::int64_t> racks;  // nullopt: where the replicas are, by rack, is not known
  std::int32_t partition = -1;        // the partition surviving the fewest broker failures; -1: nominal
};

struct TopicBudget {
  enum class Basis {
    Placement,  // a live topic: its partitions' replicas, ISR and leaders
    Nominal,    // a topic from files: replication factor and min ISR, every replica assumed in sync
  };
  const Entity* topic = nullptr;
  Basis basis = Basis::Nominal;
  std::string notComputed;  // why there are no numbers ("" when there are)
  std::optional<std::int64_t> partitions;
  std::int64_t replicationFactor = 0;     // the smallest over the partitions
  std::int64_t maxReplicationFactor = 0;  // the largest (differs when partitions differ)
  std::int64_t minInsyncReplicas = 0;     // effective
  std::optional<bool> uncleanElection;    // effective unclean.leader.election.enable; nullopt: not known
  bool neverWritable = false;             // a partition has fewer replicas than min.insync.replicas
  FailureBudget writes;                   // before acks=all writes stop
  // Before acknowledged writes can be lost: broker crashes when unclean election may be on (an
  // out-of-sync replica becomes leader and truncates), lost disks otherwise (a crash only takes the
  // partition offline until the broker returns).
  FailureBudget ackedWrites;

  [[nodiscard]] bool computed() const { return notComputed.empty(); }
  // The cluster the topic belongs to, "" when the input does not say.
  [[nodiscard]] const std::string& clusterName() const;
};

// The budget of every topic of the model, worst first: the fewest failures survived (writes or
// acknowledged writes), then by topic and cluster name; topics without numbers last.
std::vector<TopicBudget> durabilityBudgets(const Model& model, const Resolver& resolver);

// durabilityBudgets() in steps, for topics that become complete one by one (live topics, while the
// rest of the cluster is being read): topic() computes one complete topic's budget now; finish()
// computes the others' and returns what durabilityBudgets() would have returned.
class DurabilityBudgets {
 public:
  DurabilityBudgets(const Model& model, const Resolver& resolver);
  void topic(const Entity& topic);
  std::vector<TopicBudget> finish();

 private:
  const Model& model_;
  const Resolver& resolver_;
  SharedViews views_;
  std::unordered_map<const Entity*, TopicBudget> done_;
};

}  // namespace kafkalint
