// Template "cluster-unverified": something kafkalint needed from a live cluster could not be read
// (the cluster was unreachable, a request timed out, the audit's principal was not authorized).
// The checks that needed it were not made; the run fails closed with exit code 3.
#include <algorithm>
#include <map>
#include <set>

#include "checks/check.hpp"

namespace kafkalint {

namespace {

// The entity a `target:key` of `entity` reads ("" = the entity itself).
const Entity* targetOf(const Entity& entity, std::string_view target) {
  if (target.empty()) return &entity;
  if (target == "cluster") return entity.cluster;
  if (target == "broker") return entity.inheritsFrom;
  return nullptr;  // topic: the pair rules' topic, reported on its own
}

// The rules each unread entity kept from being checked: those that found a value unknown (on the
// entity itself or, as `cluster:rack.count`, through it), and those that read a config the
// cluster did not give (a `when` on an unknown value skips a rule without saying so).
std::map<const Entity*, std::set<std::string>> rulesNotChecked(CheckContext& ctx) {
  std::map<const Entity*, std::set<std::string>> notChecked;
  for (const auto& [entity, keys] : ctx.unverified) {
    for (const auto& [key, u] : keys) {
      const Entity* target = targetOf(*entity, splitTargetKey(key).target);
      if (target != nullptr) notChecked[target].insert(u.ruleIds.begin(), u.ruleIds.end());
    }
  }
  for (const Entity& entity : ctx.model.entities) {
    if (!entity.fromCluster || entity.unverified.empty()) continue;
    EntityView view(ctx.resolver, entity, ctx.views);
    for (const RuleInfo* r : ctx.rules.rules()) {
      if (std::find(r->scope.begin(), r->scope.end(), entity.kind) == r->scope.end()) continue;
      for (const std::string& key : r->keys) {
        if (key.find(':') == std::string::npos && view.written(key) == nullptr && !entityProperty(entity.kind, key)) {
          notChecked[&entity].insert(r->id);
        }
      }
    }
  }
  return notChecked;
}

class ClusterUnverifiedCheck final : public Check {
 public:
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    std::map<const Entity*, std::set<std::string>> notChecked = rulesNotChecked(ctx);
    for (const Entity& entity : ctx.model.entities) {
      if (!entity.fromCluster || entity.unverified.empty() || !rule.appliesTo(entity.kind)) continue;
      const std::set<std::string>& ruleIds = notChecked[&entity];
      // A cluster that could not be read at all is reported even if no rule asked: nothing was checked.
      if (ruleIds.empty() && entity.kind != EntityKind::Cluster) continue;
      std::string message = entity.unverified + ".";
      if (!ruleIds.empty()) {
        std::string ids;
        for (const std::string& id : ruleIds) ids += (ids.empty() ? "" : ", ") + id;
        message += " Not checked: " + ids + ".";
      }
      ctx.findings.push_back(makeFinding(rule.info, entity, std::move(message), entity.origin));
    }
    if (rule.appliesTo(EntityKind::Cluster)) consumerGroups(rule, ctx);
  }

 private:
  // Consumer groups tell which topics a consumer file's group reads; without them, the pair
  // rules of those consumers may have missed a topic.
  static void consumerGroups(const RuleSet::Compiled& rule, CheckContext& ctx) {
    bool fileConsumers = false;
    for (const Entity& e : ctx.model.entities) fileConsumers |= e.kind == EntityKind::Consumer && !e.fromCluster;
    for (const LiveCluster& live : ctx.model.live) {
      if (live.groupsError.empty() || live.entity == nullptr || !fileConsumers) continue;
      if (!live.entity->unverified.empty()) continue;
      ctx.findings.push_back(makeFinding(rule.info, *live.entity,
                                         "the consumer groups of the cluster could not be read: " + live.groupsError +
                                             ". The topics that the audited consumers' groups read were not checked.",
                                         live.entity->origin));
    }
    for (const LiveCluster& live : ctx.model.live) {
      if (live.entity == nullptr) continue;
      for (const auto& [group, why] : live.unreadGroups) {
        ctx.findings.push_back(makeFinding(rule.info, *live.entity,
                                           "consumer group " + group + " could not be described: " + why +
                                               ". The topics it reads were not checked with the consumer "
                                               "configuration that names it.",
                                           live.entity->origin));
      }
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindClusterUnverifiedCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<ClusterUnverifiedCheck>();
}

}  // namespace kafkalint
