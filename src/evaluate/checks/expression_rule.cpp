// Template "expression": a rule whose conditions are written in the rule language.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

class ExpressionRule final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) override {
    if (rule.info.forEach != "topic") return check(rule, view, ctx, nullptr);
    const Entity& client = view.entity();
    for (const TopicRef& ref : client.kind == EntityKind::Producer ? client.produces : client.consumes) {
      const Entity* topic = ctx.findTopic(client, ref.name);
      if (topic == nullptr) continue;  // a topic the input does not describe: nothing to compare with
      EntityView topicView(ctx.resolver, *topic, ctx.views);
      view.setRelatedTopic(&topicView);
      check(rule, view, ctx, &ref);
      view.setRelatedTopic(nullptr);
    }
  }

 private:
  static void check(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx, const TopicRef* ref) {
    Expression::Context ec{view, rule.params, ctx.model.files, {}};
    try {
      if (rule.when) {
        Value applies = rule.when->evaluate(ec);
        if (applies.isUnknown()) return unverified(rule, view, ec, ctx, applies.unknownReason());
        if (!applies.isNull() && applies.kind() != Value::Kind::Bool) {
          throw EvaluationError(std::string("'when' must be true or false, got ") + kindName(applies.kind()));
        }
        if (applies.isNull() || !applies.asBool()) return;
      }
      Value holds = rule.require->evaluate(ec);
      if (holds.isUnknown()) return unverified(rule, view, ec, ctx, holds.unknownReason());
      if (!holds.isNull() && holds.kind() != Value::Kind::Bool) {
        throw EvaluationError(std::string("'require' must be true or false, got ") + kindName(holds.kind()));
      }
      if (holds.isNull() || holds.asBool()) return;  // no value to check counts as holding
      report(rule, view, ec, ctx, ref);
    } catch (const EvaluationError& e) {
      ctx.evaluationErrors.emplace_back(&view.entity(), rule.info.id + " [" + rule.info.name + "]: " + e.what());
    }
  }

  static void unverified(const RuleSet::Compiled& rule, EntityView& view, Expression::Context& ec, CheckContext& ctx,
                         const std::string& reason) {
    auto& perEntity = ctx.unverified[&view.entity()];
    for (const std::string& key : ec.unknownKeys) {
      UnverifiedKey& u = perEntity[key];
      u.ruleIds.insert(rule.info.id);
      u.reason = view.get(key).value.isUnknown() ? view.get(key).value.unknownReason() : reason;
    }
  }

  static void report(const RuleSet::Compiled& rule, EntityView& view, Expression::Context& ec, CheckContext& ctx,
                     const TopicRef* ref) {
    const Entity& entity = view.entity();
    SourceLocation location = entity.origin;
    bool located = false;
    if (ref != nullptr && ref->location.valid()) {  // where the client names the topic
      location = ref->location;
      located = true;
    }
    Finding f = makeFinding(rule.info, entity, rule.message->render(ec), location);
    if (ref != nullptr) f.relatedTopic = ref->name;
    for (const std::string& key : rule.info.keys) {
      const EffectiveValue& ev = view.get(key);
      if (!ev.exists) continue;
      if (!splitTargetKey(key).target.empty()) {  // a related entity's key: report it, anchor on ours
        f.keys.push_back(key);
        EffectiveEntry entry = effectiveEntry(ev);
        entry.key = key;
        f.effective.push_back(std::move(entry));
        continue;
      }
      const ProvenanceKind k = ev.provenance.kind;
      if (!located && ev.provenance.location.valid() &&
          (k == ProvenanceKind::Explicit || k == ProvenanceKind::TopicOverride)) {
        f.location = ev.provenance.location;
        located = true;
      }
      f.keys.push_back(ev.name);
      f.effective.push_back(effectiveEntry(ev));
    }
    ctx.findings.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Check> makeExpressionRule() { return std::make_unique<ExpressionRule>(); }

}  // namespace kafkalint
