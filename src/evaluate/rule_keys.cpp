#include "rule_keys.hpp"

#include "kafkalint/catalog.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

bool keyValidFor(EntityKind kind, std::string_view key) {
  const Catalog& c = Catalog::instance();
  if (kind == EntityKind::File) return false;
  if (entityProperty(kind, key) != nullptr) return true;
  if (kind == EntityKind::Cluster) return false;
  if (c.knownInAnyRelease(scopeOf(kind), key)) return true;
  if (kind == EntityKind::Producer || kind == EntityKind::Consumer) {
    if (c.librdkafka(key) != nullptr) return true;
    if (c.scala(key, kind == EntityKind::Producer) != nullptr) return true;
  }
  return false;
}

std::optional<std::string> keyErrorIn(const std::vector<EntityKind>& scope, std::string_view key) {
  for (EntityKind k : scope) {
    if (keyValidFor(k, key)) return std::nullopt;
  }
  std::string scopes;
  for (EntityKind k : scope) scopes.append(scopes.empty() ? "" : "/").append(entityKindId(k));
  std::vector<std::string> candidates;
  for (EntityKind k : scope) {
    if (k == EntityKind::File) continue;
    for (std::string_view n : Catalog::instance().names(scopeOf(k))) candidates.emplace_back(n);
  }
  auto hint = closestMatch(key, candidates);
  return "unknown configuration key '" + std::string(key) + "' for " + scopes + " configs" +
         (hint ? "; did you mean '" + *hint + "'?" : "");
}

}  // namespace

std::optional<std::string> ruleKeyError(const RuleInfo& rule, std::string_view written) {
  TargetKey tk = splitTargetKey(written);
  if (tk.target.empty()) return keyErrorIn(rule.scope, tk.key);
  auto kind = targetKind(tk.target);
  if (!kind) return "unknown target '" + std::string(tk.target) + ":' (expected cluster:, topic: or broker:)";
  if (*kind == EntityKind::Topic && rule.forEach != "topic") {
    return "topic: keys need 'for_each: topic' (a rule over the topics a client uses)";
  }
  if (*kind == EntityKind::Broker) {
    for (EntityKind k : rule.scope) {
      if (k != EntityKind::Topic) return std::string("broker: keys apply to topic rules only");
    }
  }
  if (*kind == EntityKind::Cluster && !keyValidFor(EntityKind::Cluster, tk.key)) {
    std::string names;
    for (const EntityProperty* p : entityProperties(EntityKind::Cluster))
      names += (names.empty() ? "" : ", ") + std::string(p->key);
    return "unknown cluster property '" + std::string(tk.key) + "' (expected one of: " + names + ")";
  }
  return keyErrorIn({*kind}, tk.key);
}

}  // namespace kafkalint
