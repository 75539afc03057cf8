// Rules: the data in rules/ (compiled into the binary) plus any rule directories a user adds.
// Each rule instantiates a template: "expression" (conditions in the rule language), or one of the
// checks implemented in code (unknown-key, invalid-value, ...).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

struct RuleParam {
  std::string name;
  Value value;
  std::string description;
};

struct RuleInfo {
  std::string id;    // stable, e.g. KL0102
  std::string name;  // kebab-case, e.g. broker-min-insync-replicas
  Severity severity = Severity::Error;
  std::vector<EntityKind> scope;
  // "topic": the rule is checked for each topic a client produces to or consumes from, and its
  // expressions read that topic's keys as `topic:key`. Empty: once per entity.
  std::string forEach;
  std::string templateName = "expression";
  std::string summary;  // one line
  std::string rationale;
  std::string remediation;
  std::vector<std::string> references;
  std::vector<std::string> tags;
  std::vector<std::string> keys;  // the configuration keys the rule is about
  std::vector<RuleParam> params;
  std::string when;     // applicability condition (expression text), may be empty
  std::string require;  // the condition that must hold (expression text)
  std::string message;  // message template text
  std::string origin;   // "rules/broker/KL0102.yaml" (built in) or the user's file path
  bool builtin = true;
  // false for the rules that say a check could not be made: a gate must fail closed, so they cannot
  // be turned off, downgraded, suppressed or put in a baseline.
  bool suppressible = true;
  bool enabled = true;  // turned off by the tool configuration (select / ignore)
};

// The templates implemented in code (besides "expression").
const std::vector<std::string_view>& builtinTemplates();

// A rule's test cases live beside it, in NAME.tests.yaml (docs/rule-language.md): not a rule file.
inline constexpr std::string_view kRuleTestsSuffix = ".tests.yaml";
// *.yaml and *.yml files, but not the test files beside them.
bool isRuleFile(const std::filesystem::path& path);

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // The rules compiled into the binary.
  static RuleSet builtin();

  // Adds the rules of one YAML file. Throws InputError naming file, line and column.
  void addFile(const std::string& displayPath, std::string_view yamlText, bool builtin);
  // Adds every *.yaml / *.yml file under `dir` (recursively, sorted; not the *.tests.yaml files).
  // Throws InputError.
  void addDirectory(const std::string& dir);
  // The built-in rule file (its origin, "rules/broker/KL0102-...yaml") with exactly this text.
  static std::optional<std::string> builtinFileWithText(std::string_view yamlText);

  [[nodiscard]] std::vector<const RuleInfo*> rules() const;  // sorted by id
  [[nodiscard]] const RuleInfo* find(std::string_view idOrName) const;
  // Rule keys that expression rules read for an entity kind: the settings whose misspelling makes
  // a durability check silently pass.
  [[nodiscard]] const std::set<std::string>& checkedKeys(EntityKind kind) const;
  // The same, for any kind of entity.
  [[nodiscard]] const std::set<std::string>& checkedKeys() const { return checkedAnywhere_; }

  // Tool configuration, applied before evaluation. Each throws std::invalid_argument saying why
  // the change cannot be made (an unknown rule or parameter, a value of the wrong type).
  void setEnabled(std::string_view idOrName, bool enabled);
  void setSeverity(std::string_view idOrName, Severity severity);
  void setParam(std::string_view idOrName, const std::string& param, const Value& value);

  struct Compiled;  // the rule plus its compiled expressions (evaluate stage)
  [[nodiscard]] const std::vector<std::unique_ptr<Compiled>>& compiled() const { return compiled_; }

 private:
  // Throws InputError (at displayPath) when the rule's id or name is taken.
  void add(std::unique_ptr<Compiled> rule, const std::string& displayPath);

  std::vector<std::unique_ptr<Compiled>> compiled_;
  std::map<std::string, std::size_t, std::less<>> byId_;
  std::map<std::string, std::size_t, std::less<>> byName_;
  std::map<EntityKind, std::set<std::string>> checkedByKind_;  // kept up to date by addFile
  std::set<std::string> checkedAnywhere_;
};

}  // namespace kafkalint
