// The checks behind rule templates: one class per template, one file per check (as clang-tidy).
// A rule file names its template; the template's row in the registry (registry.cpp) binds the
// rule to a check when the rule is loaded. The engine calls the check for each entity in the
// rule's scope and once for the whole model. A check is immutable once bound: what one evaluation
// learns lives in its CheckContext.
#pragma once

#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>

#include "checks/check_context.hpp"
#include "compiled_rule.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

class Check {
 public:
  virtual ~Check() = default;
  // Called for every entity the rule's scope covers.
  virtual void checkEntity(const RuleSet::Compiled& /*rule*/, EntityView& /*view*/, CheckContext& /*ctx*/) const {}
  // Called once, after every entity was checked.
  virtual void checkModel(const RuleSet::Compiled& /*rule*/, CheckContext& /*ctx*/) const {}
  // The keys the check's conditions read (RuleSet::checkedKeys).
  [[nodiscard]] virtual std::set<std::string> keysRead() const { return {}; }
};

// A rule its template cannot be bound to: a parameter of the wrong kind, a condition that does
// not compile. Names what is wrong, so that the rule file's reader can point at it.
class TemplateError : public std::runtime_error {
 public:
  // The rule-file field at fault ("" = the template itself) and, when known, where in its text.
  static TemplateError inField(const std::string& what, std::string field, std::size_t offset = std::string::npos) {
    return TemplateError(what, std::move(field), {}, offset);
  }
  // The parameter at fault.
  static TemplateError inParam(const std::string& what, std::string param) {
    return TemplateError(what, {}, std::move(param), std::string::npos);
  }
  [[nodiscard]] const std::string& field() const { return field_; }
  [[nodiscard]] const std::string& param() const { return param_; }
  [[nodiscard]] std::size_t offset() const { return offset_; }

 private:
  TemplateError(const std::string& what, std::string field, std::string param, std::size_t offset)
      : std::runtime_error(what), field_(std::move(field)), param_(std::move(param)), offset_(offset) {}
  std::string field_;
  std::string param_;
  std::size_t offset_;
};

// Shared by the checks.
Finding makeFinding(const RuleInfo& rule, const Entity& entity, std::string message, SourceLocation location);
EffectiveEntry effectiveEntry(const EffectiveValue& value);
// Written-setting checks (unknown keys, invalid values, duplicates) see a client file shared by
// producers and consumers once, through its first entity, and skip live entities.
bool ownsWrittenSettings(const Entity& entity);

}  // namespace kafkalint
