#include <unordered_set>

#include "checks/check.hpp"
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

struct Evaluation::State {
  State(const Model& m, const RuleSet& r, const Resolver& res)
      : model(m), rules(r), views(res), ctx{m, r, res, findings, {}, {}, {}, &views} {}
  const Model& model;
  const RuleSet& rules;
  std::vector<Finding> findings;
  SharedViews views;
  CheckContext ctx;
  std::vector<std::unique_ptr<Check>> checks;
  std::unordered_set<const Entity*> done;
};

Evaluation::Evaluation(const Model& model, const RuleSet& rules, const Resolver& resolver)
    : state_(std::make_unique<State>(model, rules, resolver)) {
  state_->checks.reserve(rules.compiled().size());
  for (const auto& rule : rules.compiled()) state_->checks.push_back(makeCheck(rule->info.templateName));
}

Evaluation::~Evaluation() = default;

void Evaluation::entity(const Entity& entity) {
  State& s = *state_;
  if (!s.done.insert(&entity).second) return;
  EntityView view(s.ctx.resolver, entity, &s.views);
  const auto& compiled = s.rules.compiled();
  for (std::size_t i = 0; i < s.checks.size(); ++i) {
    if (compiled[i]->info.enabled && compiled[i]->appliesTo(entity.kind))
      s.checks[i]->checkEntity(*compiled[i], view, s.ctx);
  }
}

std::vector<Finding> Evaluation::finish() {
  State& s = *state_;
  // Rules over the topics a client uses look them up by name: every topic is in the model now.
  for (const Entity& entity : s.model.entities) {
    if (entity.kind == EntityKind::Topic) s.ctx.topicsByName.emplace(entity.name, &entity);
  }
  for (const Entity& entity : s.model.entities) {
    if (!s.done.count(&entity)) this->entity(entity);
  }
  // Model-level checks run last: they report what the entity checks collected.
  for (std::size_t i = 0; i < s.checks.size(); ++i) {
    if (s.rules.compiled()[i]->info.enabled) s.checks[i]->checkModel(*s.rules.compiled()[i], s.ctx);
  }
  sortFindings(s.findings, s.model.files);
  return std::move(s.findings);
}

std::vector<Finding> evaluate(const Model& model, const RuleSet& rules, const Resolver& resolver) {
  Evaluation evaluation(model, rules, resolver);
  return evaluation.finish();
}

}  // namespace kafkalint
