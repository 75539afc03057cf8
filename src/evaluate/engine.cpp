// The engine: each rule's bound check over every entity in its scope, then the model checks.
#include <unordered_set>

#include "checks/check.hpp"
#include "kafkalint/evaluate.hpp"

namespace kafkalint {

struct Evaluation::State {
  State(const Model& m, const RuleSet& r, const Resolver& res)
      : model(m), rules(r), views(res), ctx(m, r, res, views) {}
  const Model& model;
  const RuleSet& rules;
  SharedViews views;
  CheckContext ctx;
  std::unordered_set<const Entity*> done;
};

Evaluation::Evaluation(const Model& model, const RuleSet& rules, const Resolver& resolver)
    : state_(std::make_unique<State>(model, rules, resolver)) {}

Evaluation::~Evaluation() = default;

void Evaluation::entity(const Entity& entity) {
  State& s = *state_;
  if (!s.done.insert(&entity).second) return;
  EntityView view(s.ctx.resolver, entity, &s.views);
  for (const auto& rule : s.rules.compiled()) {
    if (rule->info.enabled && rule->appliesTo(entity.kind)) rule->check->checkEntity(*rule, view, s.ctx);
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
  for (const auto& rule : s.rules.compiled()) {
    if (rule->info.enabled) rule->check->checkModel(*rule, s.ctx);
  }
  sortFindings(s.ctx.findings, s.model.files);
  return std::move(s.ctx.findings);
}

std::vector<Finding> evaluate(const Model& model, const RuleSet& rules, const Resolver& resolver) {
  Evaluation evaluation(model, rules, resolver);
  return evaluation.finish();
}

}  // namespace kafkalint
