// The registry of rule templates: one row per template, name -> the factory binding a rule to its
// check. Adding a check is a file in checks/, its factory's declaration and row here, and a rule.
#include "checks/registry.hpp"

#include <vector>

namespace kafkalint {

std::unique_ptr<const Check> bindExpressionRule(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindUnknownKeyCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindInvalidValueCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindDuplicateKeyCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindCouldNotVerifyCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindUnclassifiedInputCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindByteOrderMarkCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindEvaluationErrorCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindIgnoredSettingCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindUnresolvedReferenceCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindReadUncommittedTransactionalCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindClusterUnverifiedCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindPartitionStateCheck(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindGateDiagnostic(const RuleInfo&, const RuleParams&);
std::unique_ptr<const Check> bindPlaintextSecretCheck(const RuleInfo&, const RuleParams&);

namespace {

constexpr CheckTemplate kTemplates[] = {
    {"expression", bindExpressionRule,
     "conditions in the rule language: the rule fires when `when` holds and `require` does not", ""},
    {"unknown-key", bindUnknownKeyCheck, "keys the configured component does not have (misspellings, misplaced keys)",
     ""},
    {"invalid-value", bindInvalidValueCheck, "values of the wrong type or outside their valid range or set", ""},
    {"duplicate-key", bindDuplicateKeyCheck, "a key written twice, or under two aliases", ""},
    {"could-not-verify", bindCouldNotVerifyCheck,
     "a value a rule needed could not be known (a placeholder, a config-provider reference)", ""},
    {"unclassified-input", bindUnclassifiedInputCheck, "a file kafkalint could not classify", ""},
    {"byte-order-mark", bindByteOrderMarkCheck, "a UTF-8 byte-order mark that Kafka reads as part of the first key",
     ""},
    {"evaluation-error", bindEvaluationErrorCheck, "a rule that failed while it was evaluated (not checked)", ""},
    {"ignored-setting", bindIgnoredSettingCheck, "configuration the tool that reads it ignores or overrides", ""},
    {"unresolved-reference", bindUnresolvedReferenceCheck,
     "a reference kafkalint cannot follow (a missing file, a template variable)", ""},
    {"read-uncommitted-transactional", bindReadUncommittedTransactionalCheck,
     "a read_uncommitted consumer of a topic a transactional producer of the input writes", ""},
    {"cluster-unverified", bindClusterUnverifiedCheck,
     "what could not be read from a live cluster, and the checks it kept from being made", ""},
    {"partition-state", bindPartitionStateCheck, "partitions of a live topic in one state",
     "`condition`: leaderless, under-min-isr, at-min-isr, under-replicated, replicas-share-rack or "
     "replication-factor-varies"},
    {"suppression-invalid", bindGateDiagnostic, "a suppression the gate cannot apply (reported by the gate)", ""},
    {"suppression-unused", bindGateDiagnostic, "a suppression no finding matched (reported by the gate)", ""},
    {"suppression-expired", bindGateDiagnostic, "a suppression past its expiry date (reported by the gate)", ""},
    {"plaintext-secret", bindPlaintextSecretCheck, "a credential written in plain text in a configuration file", ""},
};

}  // namespace

std::span<const CheckTemplate> checkTemplates() { return kTemplates; }

const CheckTemplate* findTemplate(std::string_view name) {
  for (const CheckTemplate& t : kTemplates) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string templateNames() {
  std::string names;
  for (const CheckTemplate& t : kTemplates) names += (names.empty() ? "" : ", ") + std::string(t.name);
  return names;
}

std::unique_ptr<const Check> bindCheck(const RuleInfo& rule, const RuleParams& params) {
  const CheckTemplate* t = findTemplate(rule.templateName);
  if (t == nullptr) {
    throw TemplateError::inField(
        "unknown template '" + rule.templateName + "' (expected one of: " + templateNames() + ")", "template");
  }
  std::unique_ptr<const Check> check = t->bind(rule, params);
  if (check == nullptr) throw std::logic_error("template '" + std::string(t->name) + "' bound no check");
  return check;
}

const std::vector<std::string_view>& builtinTemplates() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const CheckTemplate& t : kTemplates) {
      if (t.name != "expression") out.push_back(t.name);
    }
    return out;
  }();
  return names;
}

}  // namespace kafkalint
