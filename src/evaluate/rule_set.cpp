// The rule set: the rules by id and name, the keys they read, and the tool configuration's
// changes to them (enabled, severity, parameters).
#include <stdexcept>

#include "checks/registry.hpp"
#include "compiled_rule.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

RuleSet::Compiled::Compiled() = default;
RuleSet::Compiled::~Compiled() = default;

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

void RuleSet::add(std::unique_ptr<Compiled> rule, const std::string& displayPath) {
  const RuleInfo& info = rule->info;
  if (auto it = byId_.find(info.id); it != byId_.end()) {
    throw InputError(displayPath, 0, 0,
                     "rule id " + info.id + " is already defined in " + compiled_[it->second]->info.origin);
  }
  if (auto it = byName_.find(info.name); it != byName_.end()) {
    throw InputError(displayPath, 0, 0,
                     "rule name " + info.name + " is already used by " + compiled_[it->second]->info.id);
  }
  const std::set<std::string> read = rule->check->keysRead();
  byId_[info.id] = compiled_.size();
  byName_[info.name] = compiled_.size();
  for (EntityKind kind : info.scope) {
    checkedByKind_[kind].insert(read.begin(), read.end());
    checkedByKind_[kind].insert(info.keys.begin(), info.keys.end());
  }
  checkedAnywhere_.insert(read.begin(), read.end());
  checkedAnywhere_.insert(info.keys.begin(), info.keys.end());
  compiled_.push_back(std::move(rule));
}

std::vector<const RuleInfo*> RuleSet::rules() const {
  std::vector<const RuleInfo*> out;
  out.reserve(compiled_.size());
  for (const auto& [id, index] : byId_) out.push_back(&compiled_[index]->info);
  return out;
}

const RuleInfo* RuleSet::find(std::string_view idOrName) const {
  if (auto it = byId_.find(idOrName); it != byId_.end()) return &compiled_[it->second]->info;
  if (auto it = byName_.find(idOrName); it != byName_.end()) return &compiled_[it->second]->info;
  return nullptr;
}

namespace {

RuleSet::Compiled& mutableRule(const std::vector<std::unique_ptr<RuleSet::Compiled>>& compiled, const RuleSet& set,
                               std::string_view idOrName) {
  const RuleInfo* info = set.find(idOrName);
  if (info == nullptr) throw std::invalid_argument("no rule with id or name '" + std::string(idOrName) + "'");
  for (const auto& c : compiled) {
    if (&c->info == info) return *c;
  }
  throw std::logic_error("rule index out of date");
}

}  // namespace

void RuleSet::setEnabled(std::string_view idOrName, bool enabled) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  if (!enabled && !rule.info.suppressible) {
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name +
                                "] cannot be turned off: it reports checks that could not be made, and a gate fails "
                                "closed");
  }
  rule.info.enabled = enabled;
}

void RuleSet::setSeverity(std::string_view idOrName, Severity severity) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  if (!rule.info.suppressible && severity != rule.info.severity) {
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name +
                                "] keeps its severity: it reports checks that could not be made");
  }
  rule.info.severity = severity;
}

void RuleSet::setParam(std::string_view idOrName, const std::string& param, const Value& value) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  auto it = rule.params.find(param);
  if (it == rule.params.end()) {
    std::string known;
    for (const auto& [name, v] : rule.params) known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name + "] has no parameter '" + param + "'" +
                                (known.empty() ? " (it has none)" : " (it has: " + known + ")"));
  }
  const Value& old = it->second;
  const bool sameKind = old.kind() == value.kind() || (old.kind() == Value::Kind::Double && value.isNumber());
  if (!sameKind) {
    throw std::invalid_argument("parameter '" + param + "' of " + rule.info.id + " expects " + kindName(old.kind()) +
                                " (default " + old.str() + "), got " + kindName(value.kind()));
  }
  auto params = rule.params;
  params[param] = value;
  try {
    rule.check = bindCheck(rule.info, params);
  } catch (const TemplateError& e) {
    throw std::invalid_argument("parameter '" + param + "' of " + rule.info.id + ": " + e.what());
  }
  rule.params = std::move(params);
  for (RuleParam& p : rule.info.params) {
    if (p.name == param) p.value = value;
  }
}

const std::set<std::string>& RuleSet::checkedKeys(EntityKind kind) const {
  static const std::set<std::string> kNone;
  auto it = checkedByKind_.find(kind);
  return it == checkedByKind_.end() ? kNone : it->second;
}

}  // namespace kafkalint
