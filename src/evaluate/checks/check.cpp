// What the checks share: building findings and the entries of effective values they report.
#include "checks/check.hpp"

#include "kafkalint/secrets.hpp"

namespace kafkalint {

Finding makeFinding(const RuleInfo& rule, const Entity& entity, std::string message, SourceLocation location) {
  Finding f;
  f.ruleId = rule.id;
  f.ruleName = rule.name;
  f.severity = rule.severity;
  f.entityKind = entity.kind;
  f.entityName = entity.name;
  if (entity.cluster != nullptr && entity.cluster != &entity) f.cluster = entity.cluster->name;
  f.message = std::move(message);
  f.location = location;
  return f;
}

EffectiveEntry effectiveEntry(const EffectiveValue& ev) {
  EffectiveEntry e;
  e.key = ev.name;
  e.isSet = !(ev.value.isNull() && ev.text.empty());
  e.value = ev.secret ? std::string(kRedacted) : displayValue(ev.name, ev.text);
  e.provenance = ev.provenance;
  return e;
}

bool ownsWrittenSettings(const Entity& entity) {
  if (entity.fromCluster) return false;  // the cluster reports what it holds, not what someone wrote
  return entity.sharedWith == nullptr || entity.kind == EntityKind::Producer;
}

}  // namespace kafkalint
