// Template "expression": a rule whose conditions are written in the rule language. Binding the
// rule checks its keys and compiles `when`, `require` and `message`, once.
#include <optional>

#include "checks/check.hpp"
#include "language/expression.hpp"
#include "rule_keys.hpp"

namespace kafkalint {

namespace {

struct Conditions {
  std::optional<Expression> when;
  Expression require;
  MessageTemplate message;
};

class ExpressionRule final : public Check {
 public:
  explicit ExpressionRule(Conditions conditions) : c_(std::move(conditions)) {}

  [[nodiscard]] std::set<std::string> keysRead() const override {
    std::set<std::string> keys = c_.require.keys();
    if (c_.when) keys.insert(c_.when->keys().begin(), c_.when->keys().end());
    return keys;
  }

  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
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
  void check(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx, const TopicRef* ref) const {
    Expression::Context ec{view, rule.params, ctx.model.files, {}};
    try {
      if (c_.when) {
        Value applies = c_.when->evaluate(ec);
        if (applies.isUnknown()) return unverified(rule, view, ec, ctx, applies.unknownReason());
        if (!applies.isNull() && applies.kind() != Value::Kind::Bool) {
          throw EvaluationError(std::string("'when' must be true or false, got ") + kindName(applies.kind()));
        }
        if (applies.isNull() || !applies.asBool()) return;
      }
      Value holds = c_.require.evaluate(ec);
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

  void report(const RuleSet::Compiled& rule, EntityView& view, Expression::Context& ec, CheckContext& ctx,
              const TopicRef* ref) const {
    const Entity& entity = view.entity();
    SourceLocation location = entity.origin;
    bool located = false;
    if (ref != nullptr && ref->location.valid()) {  // where the client names the topic
      location = ref->location;
      located = true;
    }
    Finding f = makeFinding(rule.info, entity, c_.message.render(ec), location);
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

  Conditions c_;
};

// Compiles one condition, naming the field and the offset of an error in it.
template <typename Compiled>
Compiled compiled(const std::string& text, const ExpressionNames& names, const char* field, const char* prefix = "") {
  try {
    return Compiled::compile(text, names);
  } catch (const ExpressionError& e) {
    throw TemplateError::inField(prefix + std::string(e.what()), field, e.offset());
  }
}

}  // namespace

std::unique_ptr<const Check> bindExpressionRule(const RuleInfo& rule, const RuleParams& params) {
  for (const std::string& key : rule.keys) {
    if (auto error = ruleKeyError(rule, key)) throw TemplateError::inField(*error, "keys");
  }
  ExpressionNames names;
  names.checkKey = [&rule](std::string_view key) { return ruleKeyError(rule, key); };
  names.checkParam = [&params](std::string_view p) -> std::optional<std::string> {
    if (params.count(p) == 0) return "unknown parameter $" + std::string(p) + " (declare it under 'params')";
    return std::nullopt;
  };
  std::optional<Expression> when;
  if (!rule.when.empty()) when = compiled<Expression>(rule.when, names, "when");  // "" when there is none
  Expression require = compiled<Expression>(rule.require, names, "require");
  MessageTemplate message = compiled<MessageTemplate>(rule.message, names, "message", "in message: ");
  return std::make_unique<ExpressionRule>(Conditions{std::move(when), std::move(require), std::move(message)});
}

}  // namespace kafkalint
