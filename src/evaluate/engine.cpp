#include "evaluate/checks/check.hpp"
#include "kafkalint/evaluate.hpp"

namespace kafkalint {

const Entity* CheckContext::findTopic(const Entity& client, std::string_view name) const {
  auto [first, last] = topicsByName.equal_range(name);
  for (auto it = first; it != last; ++it) {
    const Entity* topic = it->second;
    if (client.cluster == nullptr || topic->cluster == nullptr || client.cluster == topic->cluster) return topic;
  }
  // Files audited together with --bootstrap describe that cluster: its live topic stands in for
  // one the client's own cluster spec does not list.
  for (auto it = first; it != last; ++it) {
    if (it->second->fromCluster) return it->second;
  }
  return nullptr;
}

std::vector<Finding> evaluate(const Model& model, const RuleSet& rules, const Resolver& resolver) {
  std::vector<Finding> findings;
  CheckContext ctx{model, rules, resolver, findings, {}, {}, {}};
  for (const Entity& entity : model.entities) {
    if (entity.kind == EntityKind::Topic) ctx.topicsByName.emplace(entity.name, &entity);
  }

  std::vector<std::unique_ptr<Check>> checks;
  checks.reserve(rules.compiled().size());
  for (const auto& rule : rules.compiled()) checks.push_back(makeCheck(rule->info.templateName));

  for (const Entity& entity : model.entities) {
    EntityView view(resolver, entity);
    for (std::size_t i = 0; i < checks.size(); ++i) {
      if (rules.compiled()[i]->info.enabled && rules.compiled()[i]->appliesTo(entity.kind))
        checks[i]->checkEntity(*rules.compiled()[i], view, ctx);
    }
  }
  // Model-level checks run last: they report what the entity checks collected.
  for (std::size_t i = 0; i < checks.size(); ++i) {
    if (rules.compiled()[i]->info.enabled) checks[i]->checkModel(*rules.compiled()[i], ctx);
  }

  sortFindings(findings, model.files);
  return findings;
}

}  // namespace kafkalint
