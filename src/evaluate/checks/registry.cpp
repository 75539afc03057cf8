// The registry of checks: template name -> the check implementing it.
#include "checks/check.hpp"
#include "kafkalint/secrets.hpp"

namespace kafkalint {

std::unique_ptr<Check> makeExpressionRule();
std::unique_ptr<Check> makeUnknownKeyCheck();
std::unique_ptr<Check> makeInvalidValueCheck();
std::unique_ptr<Check> makeDuplicateKeyCheck();
std::unique_ptr<Check> makeCouldNotVerifyCheck();
std::unique_ptr<Check> makeUnclassifiedInputCheck();
std::unique_ptr<Check> makeByteOrderMarkCheck();
std::unique_ptr<Check> makeEvaluationErrorCheck();
std::unique_ptr<Check> makeIgnoredSettingCheck();
std::unique_ptr<Check> makeUnresolvedReferenceCheck();
std::unique_ptr<Check> makeReadUncommittedTransactionalCheck();
std::unique_ptr<Check> makeClusterUnverifiedCheck();
std::unique_ptr<Check> makePartitionStateCheck();
std::unique_ptr<Check> makeGateDiagnostic();
std::unique_ptr<Check> makePlaintextSecretCheck();
std::optional<std::string> partitionStateParamError(const std::map<std::string, Value, std::less<>>& params);

std::unique_ptr<Check> makeCheck(std::string_view name) {
  if (name == "expression") return makeExpressionRule();
  if (name == "unknown-key") return makeUnknownKeyCheck();
  if (name == "invalid-value") return makeInvalidValueCheck();
  if (name == "duplicate-key") return makeDuplicateKeyCheck();
  if (name == "could-not-verify") return makeCouldNotVerifyCheck();
  if (name == "unclassified-input") return makeUnclassifiedInputCheck();
  if (name == "byte-order-mark") return makeByteOrderMarkCheck();
  if (name == "evaluation-error") return makeEvaluationErrorCheck();
  if (name == "ignored-setting") return makeIgnoredSettingCheck();
  if (name == "unresolved-reference") return makeUnresolvedReferenceCheck();
  if (name == "read-uncommitted-transactional") return makeReadUncommittedTransactionalCheck();
  if (name == "cluster-unverified") return makeClusterUnverifiedCheck();
  if (name == "partition-state") return makePartitionStateCheck();
  if (name == "suppression-invalid" || name == "suppression-unused" || name == "suppression-expired")
    return makeGateDiagnostic();
  if (name == "plaintext-secret") return makePlaintextSecretCheck();
  return nullptr;
}

std::optional<std::string> templateParamError(std::string_view name,
                                              const std::map<std::string, Value, std::less<>>& params) {
  if (name == "partition-state") return partitionStateParamError(params);
  return std::nullopt;
}

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
