// Template "partition-state": partitions of a live topic in one state, named by the rule's
// `condition` parameter. One finding per topic, with counts, the first partitions and an example.
// Topics read from files have no placement and are never reported.
//   leaderless, under-min-isr, at-min-isr, under-replicated: the partition's health given the
//     topic's effective min.insync.replicas, each partition counted in its most severe state only;
//   replicas-share-rack: replicas in fewer racks than they could be;
//   replication-factor-varies: partitions of one topic with different replica counts.
#include "partition_state.hpp"

#include <algorithm>
#include <map>

#include "checks/check.hpp"

namespace kafkalint {

namespace {

enum class Condition { Leaderless, UnderMinIsr, AtMinIsr, UnderReplicated, ReplicasShareRack, ReplicationFactorVaries };

constexpr std::pair<std::string_view, Condition> kConditions[] = {
    {"leaderless", Condition::Leaderless},
    {"under-min-isr", Condition::UnderMinIsr},
    {"at-min-isr", Condition::AtMinIsr},
    {"under-replicated", Condition::UnderReplicated},
    {"replicas-share-rack", Condition::ReplicasShareRack},
    {"replication-factor-varies", Condition::ReplicationFactorVaries},
};

std::optional<Condition> conditionOf(const RuleParams& params) {
  auto it = params.find("condition");
  if (it == params.end() || it->second.kind() != Value::Kind::String) return std::nullopt;
  for (const auto& [name, condition] : kConditions) {
    if (name == it->second.asString()) return condition;
  }
  return std::nullopt;
}

PartitionHealth healthOf(Condition c) {
  switch (c) {
    case Condition::Leaderless:
      return PartitionHealth::Leaderless;
    case Condition::UnderMinIsr:
      return PartitionHealth::UnderMinIsr;
    case Condition::AtMinIsr:
      return PartitionHealth::AtMinIsr;
    default:
      return PartitionHealth::UnderReplicated;
  }
}

using Partitions = std::vector<const TopicPlacement::Partition*>;

std::string brokerList(std::span<const std::int32_t> brokers) {
  std::string out = "[";
  for (std::size_t i = 0; i < brokers.size(); ++i) out += (i ? ", " : "") + std::to_string(brokers[i]);
  return out + "]";
}

// "4 of 12 partitions (0, 3, 7, 9)": the count and the first few ids.
std::string partitionsPhrase(const Partitions& matched, std::size_t total) {
  constexpr std::size_t kListed = 5;
  std::string ids;
  for (std::size_t i = 0; i < matched.size() && i < kListed; ++i)
    ids += (i ? ", " : "") + std::to_string(matched[i]->id);
  if (matched.size() > kListed) ids += ", ...";
  return std::to_string(matched.size()) + " of " + std::to_string(total) + " partition" + (total == 1 ? "" : "s") +
         " (" + ids + ")";
}

class PartitionStateCheck final : public Check {
 public:
  explicit PartitionStateCheck(Condition condition) : condition_(condition) {}

  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& topic = view.entity();
    if (topic.kind != EntityKind::Topic || !topic.placement || topic.placement->partitions.empty()) return;
    std::vector<std::string> keys = {"replication.factor"};
    std::optional<std::string> what;
    switch (condition_) {
      case Condition::ReplicasShareRack:
        what = racks(*topic.placement, ctx.model.liveClusterOf(topic));
        break;
      case Condition::ReplicationFactorVaries:
        what = replicationFactors(*topic.placement);
        break;
      default:
        what = health(rule, view, ctx);
        keys.insert(keys.begin(), "min.insync.replicas");
        break;
    }
    if (!what) return;
    Finding f = makeFinding(rule.info, topic, "topic " + topic.name + ": " + *what, topic.origin);
    for (const std::string& key : keys) {
      const EffectiveValue& ev = view.get(key);
      f.keys.push_back(ev.name);
      f.effective.push_back(effectiveEntry(ev));
    }
    ctx.findings.push_back(std::move(f));
  }

 private:
  // What each match reports, or nullopt when no partition is in the state. Partitions are taken in
  // the order of the metadata: by partition id.
  std::optional<std::string> health(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const {
    const TopicPlacement& placement = *view.entity().placement;
    const EffectiveValue& minIsr = view.get("min.insync.replicas");
    if (minIsr.value.kind() != Value::Kind::Int) {
      // Which state a partition is in depends on a value nobody could read: could-not-verify
      // reports it. A partition without a leader has none whatever min.insync.replicas is.
      if (condition_ != Condition::Leaderless) {
        unverified(rule, view, minIsr, ctx);
        return std::nullopt;
      }
    }
    const std::int64_t m = minIsr.value.kind() == Value::Kind::Int ? minIsr.value.asInt() : 1;
    Partitions matched;
    for (const auto& p : placement.partitions) {
      if (partitionHealth(p, m) == healthOf(condition_)) matched.push_back(&p);
    }
    if (matched.empty()) return std::nullopt;
    return healthMessage(condition_, placement, matched, minIsr, ctx.model.files);
  }

  static std::optional<std::string> racks(const TopicPlacement& placement, const LiveCluster* cluster) {
    if (cluster == nullptr) return std::nullopt;
    const RackMap rackMap(*cluster);
    Partitions matched;
    for (const auto& p : placement.partitions) {
      if (replicasShareRack(placement, p, rackMap).value_or(false)) matched.push_back(&p);
    }
    if (matched.empty()) return std::nullopt;
    return rackMessage(placement, matched, rackMap);
  }

  static std::optional<std::string> replicationFactors(const TopicPlacement& placement) {
    std::map<std::int64_t, std::size_t> byReplicas;  // replica count -> partitions
    for (const auto& p : placement.partitions) ++byReplicas[p.replicaCount];
    if (byReplicas.size() < 2) return std::nullopt;
    const std::int64_t most = byReplicas.rbegin()->first;
    Partitions matched;
    for (const auto& p : placement.partitions) {
      if (p.replicaCount < most) matched.push_back(&p);
    }
    return replicationFactorMessage(placement, matched, byReplicas);
  }

  static void unverified(const RuleSet::Compiled& rule, EntityView& view, const EffectiveValue& minIsr,
                         CheckContext& ctx) {
    UnverifiedKey& u = ctx.unverified[&view.entity()]["min.insync.replicas"];
    u.ruleIds.insert(rule.info.id);
    if (u.reason.empty()) {
      u.reason = minIsr.value.isUnknown() ? minIsr.value.unknownReason() : "the cluster did not report it";
    }
  }

  // Messages: which partitions, an example partition, what happens to the data, the fix.
  static std::string healthMessage(Condition c, const TopicPlacement& placement, const Partitions& matched,
                                   const EffectiveValue& minIsr, const SourceFiles& files) {
    const auto& example = *matched.front();
    const bool one = matched.size() == 1;
    const std::string them = one ? "it" : "them";
    const std::string partitions = partitionsPhrase(matched, placement.partitions.size());
    const std::string setting =
        minIsr.name + "=" + minIsr.text + " (" + describeProvenance(minIsr.provenance, files) + ")";
    const std::string shown = "; partition " + std::to_string(example.id) + " has ISR " +
                              brokerList(placement.isr(example)) + " of replicas " +
                              brokerList(placement.replicas(example)) + ". ";
    const std::string fix = " Bring the missing replicas back in sync (look at the brokers they are on).";
    switch (c) {
      case Condition::Leaderless:
        return partitions + (one ? " has" : " have") + " no leader" + shown +
               "Nothing can be written to or read from " + them +
               " until a replica is elected leader: producers retry until delivery.timeout.ms expires, then drop the "
               "messages. Bring back the brokers of the in-sync replicas; electing an out-of-sync replica (unclean "
               "election) loses acknowledged writes.";
      case Condition::UnderMinIsr: {
        const bool tooFewReplicas = std::int64_t{example.replicaCount} < minIsr.value.asInt();
        return partitions + (one ? " has" : " have") + " fewer in-sync replicas than " + setting + shown +
               "acks=all writes to " + them +
               " fail with NOT_ENOUGH_REPLICAS, and producers drop what they cannot write within "
               "delivery.timeout.ms; writes with acks=0 or 1 still succeed, on fewer copies than promised." +
               (tooFewReplicas ? " min.insync.replicas is above the partition's replica count, so acks=all writes "
                                 "can never succeed: lower it below the replication factor or add replicas."
                               : fix);
      }
      case Condition::AtMinIsr:
        return partitions + (one ? " has" : " have") + " exactly " + setting + " replicas in sync, fewer than " +
               (one ? "its" : "their") + " replicas" + shown + "One more broker failure stops acks=all writes to " +
               them + ", and new acknowledged writes are on " + std::to_string(example.isrCount) + " replica" +
               (example.isrCount == 1 ? "" : "s") + " only." + fix;
      default:
        return partitions + (one ? " is" : " are") + " under-replicated: more replicas in sync than " + setting +
               ", but not all" + shown +
               "Writes continue, but each replica out of sync is one failure fewer before acks=all writes stop or "
               "acknowledged writes can be lost." +
               fix;
    }
  }

  static std::string rackMessage(const TopicPlacement& placement, const Partitions& matched, const RackMap& racks) {
    const auto& example = *matched.front();
    const bool one = matched.size() == 1;
    std::string inRacks;
    std::map<std::string, std::size_t> perRack;
    for (std::int32_t broker : placement.replicas(example)) {
      const std::string& rack = *racks.rackOf(broker);  // known: replicasShareRack said so
      inRacks += (inRacks.empty() ? "" : ", ") + rack;
      ++perRack[rack];
    }
    auto fullest = std::max_element(perRack.begin(), perRack.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; });
    return partitionsPhrase(matched, placement.partitions.size()) + (one ? " keeps its" : " keep their") +
           " replicas in fewer racks than " + (one ? "it" : "they") + " could; partition " +
           std::to_string(example.id) + " has replicas " + brokerList(placement.replicas(example)) + " in racks " +
           inRacks + ", and the cluster has " + std::to_string(racks.rackCount()) + " racks. Losing rack " +
           fullest->first + " takes out " + std::to_string(fullest->second) + " of its " +
           std::to_string(example.replicaCount) +
           " replicas at once, which can stop acks=all writes or lose acknowledged writes that one zone outage "
           "should not. Reassign the replicas across racks (kafka-reassign-partitions).";
  }

  static std::string replicationFactorMessage(const TopicPlacement& placement, const Partitions& matched,
                                              const std::map<std::int64_t, std::size_t>& byReplicas) {
    const auto& example = *matched.front();
    const bool one = matched.size() == 1;
    const std::int64_t most = byReplicas.rbegin()->first;
    std::string counts;
    for (auto it = byReplicas.rbegin(); it != byReplicas.rend(); ++it) {
      counts += (counts.empty() ? "" : ", ") + std::to_string(it->second) + " with " + std::to_string(it->first) +
                " replica" + (it->first == 1 ? "" : "s");
    }
    return "partitions have different replication factors (" + counts +
           "): " + partitionsPhrase(matched, placement.partitions.size()) + (one ? " has" : " have") + " fewer than " +
           std::to_string(most) + "; partition " + std::to_string(example.id) + " has replicas " +
           brokerList(placement.replicas(example)) + ". " +
           (one ? "It stops acks=all writes or loses" : "They stop acks=all writes or lose") +
           " acknowledged writes after fewer failures than the rest of the topic; usually "
           "a reassignment was interrupted or done by hand. Reassign " +
           (one ? "it" : "them") + " to " + std::to_string(most) + " replicas (kafka-reassign-partitions).";
  }

  Condition condition_;
};

}  // namespace

std::unique_ptr<const Check> bindPartitionStateCheck(const RuleInfo& /*rule*/, const RuleParams& params) {
  if (auto condition = conditionOf(params)) return std::make_unique<PartitionStateCheck>(*condition);
  std::string names;
  for (const auto& [name, condition] : kConditions) names += (names.empty() ? "" : ", ") + std::string(name);
  throw TemplateError::inParam("template 'partition-state' needs parameter 'condition', one of: " + names, "condition");
}

}  // namespace kafkalint
