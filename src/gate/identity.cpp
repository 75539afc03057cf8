// One identity per finding: rule, entity, cluster, topic and keys (identity.hpp).
#include "kafkalint/identity.hpp"

#include "kafkalint/text.hpp"

namespace kafkalint {

FindingIdentity identityOf(const Finding& f) {
  return {f.ruleId, std::string(entityKindId(f.entityKind)) + ":" + f.entityName, f.cluster, f.relatedTopic, f.keys};
}

std::string FindingIdentity::fingerprint() const {
  // The fields one after the other, as reports have always hashed them: kind and name apart, and
  // cluster and topic (added later) only when set, so that other fingerprints stayed the same.
  const std::size_t colon = entity.find(':');
  std::string text = rule + "\x1f" + entity.substr(0, colon) + "\x1f" + entity.substr(colon + 1);
  for (const std::string& k : keys) text += "\x1f" + k;
  if (!cluster.empty()) text += "\x1e" + cluster;
  if (!topic.empty()) text += "\x1d" + topic;
  return stableHash(text);
}

std::string fingerprint(const Finding& finding) { return identityOf(finding).fingerprint(); }

}  // namespace kafkalint
