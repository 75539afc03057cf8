// Template "could-not-verify": a rule needed a value that cannot be known from the files
// (a template placeholder, a config-provider reference, a value that does not parse). The check
// was not made, so a gate must not pass it silently.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

class CouldNotVerifyCheck final : public Check {
 public:
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    for (const auto& [entity, keys] : ctx.unverified) {
      if (!rule.appliesTo(entity->kind)) continue;
      if (!entity->unverified.empty()) continue;  // a live entity not read: cluster-unverified reports it
      EntityView view(ctx.resolver, *entity, ctx.views);
      for (const auto& [key, u] : keys) {
        const std::string_view target = splitTargetKey(key).target;
        const Entity* through = target == "cluster"  ? entity->cluster
                                : target == "broker" ? entity->inheritsFrom
                                                     : nullptr;
        if (through != nullptr && !through->unverified.empty()) continue;  // reported on that live entity
        const EffectiveValue& ev = view.get(key);
        if (ev.invalid) continue;  // the invalid-value rule already reports it as an error
        std::string rules;
        for (const std::string& id : u.ruleIds) rules += (rules.empty() ? "" : ", ") + id;
        Finding f = makeFinding(rule.info, *entity,
                                ev.name + " could not be checked: " + u.reason + ". Rule" +
                                    (u.ruleIds.size() > 1 ? "s " : " ") + rules + " need" +
                                    (u.ruleIds.size() > 1 ? "" : "s") + " its value; audit the rendered configuration.",
                                ev.provenance.location.valid() ? ev.provenance.location : entity->origin);
        f.keys.push_back(ev.name);
        f.effective.push_back(effectiveEntry(ev));
        ctx.findings.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindCouldNotVerifyCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<CouldNotVerifyCheck>();
}

}  // namespace kafkalint
