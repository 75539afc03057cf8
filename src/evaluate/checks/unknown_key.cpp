// Template "unknown-key": keys the configured component does not have. A misspelled durability key
// is an error: the intended setting silently does not apply.
#include <algorithm>

#include "checks/check.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

class UnknownKeyCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& entity = view.entity();
    if (!ownsWrittenSettings(entity)) return;
    std::vector<const Dialect*> dialects = {&view.dialect()};
    std::vector<EntityKind> kinds = {entity.kind};
    if (entity.sharedWith != nullptr) {
      dialects.push_back(&ctx.resolver.dialectFor(*entity.sharedWith));
      kinds.push_back(entity.sharedWith->kind);
    }
    // The rule key a dialect key stands for, when a rule checks it for this entity.
    auto checkedRuleKey = [&](const std::string& dialectKey) -> std::optional<std::string> {
      for (std::size_t i = 0; i < dialects.size(); ++i) {
        for (const std::string& key : ctx.rules.checkedKeys(kinds[i])) {
          if (dialects[i]->nameFor(key) == dialectKey) return key;
        }
      }
      return std::nullopt;
    };
    const std::set<std::string>& checkedAnywhere = ctx.rules.checkedKeys();

    for (const Setting& s : entity.settings) {
      std::vector<KeyLookup> lookups;
      bool fine = false;
      for (const Dialect* d : dialects) {
        lookups.push_back(d->lookup(s.key));
        const auto st = lookups.back().status;
        fine = fine || st == KeyLookup::Status::Known || st == KeyLookup::Status::Family;
      }
      if (fine) continue;
      const KeyLookup& l = lookups.front();
      const std::string label = labelFor(dialects, entity);
      Finding f = makeFinding(rule.info, entity, "", s.keyLocation);
      f.keys.push_back(s.key);
      switch (l.status) {
        case KeyLookup::Status::NotInVersion:
          f.severity = checkedAnywhere.count(s.key) ? Severity::Error : Severity::Warning;
          f.message = s.key + " has no effect on " + label + ": " + l.note +
                      ". Kafka ignores keys it does not know (check --kafka-version).";
          break;
        case KeyLookup::Status::OtherScope:
          f.severity = checkedAnywhere.count(s.key) ? Severity::Error : Severity::Warning;
          f.message = s.key + " is not a " + label + " setting: " + l.note + ".";
          break;
        default: {
          std::optional<KeySuggester::Suggestion> best;
          for (const Dialect* d : dialects) {
            auto candidate = d->suggest(s.key);
            if (candidate && (!best || candidate->distance < best->distance)) best = candidate;
          }
          if (!best) {
            f.severity = Severity::Note;
            f.message = "unknown key " + s.key + ": not a " + label + " setting, so it is ignored.";
            break;
          }
          const std::string* suggestion = &best->name;
          const auto durable = checkedRuleKey(*suggestion);
          if (!durable) {
            f.severity = Severity::Warning;
            f.message = "unknown key " + s.key + "; did you mean " + *suggestion + "?";
            break;
          }
          f.severity = Severity::Error;
          const EffectiveValue& ev = view.get(*durable);
          f.message = "unknown key " + s.key + "; did you mean " + *suggestion +
                      "? The intended setting does not apply: " + *suggestion + " stays " +
                      (ev.secret           ? std::string("[REDACTED]")
                       : ev.value.isNull() ? "unset"
                                           : ev.text) +
                      " (" + describeProvenance(ev.provenance, ctx.model.files) + ").";
          f.effective.push_back(effectiveEntry(ev));
          break;
        }
      }
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  static std::string labelFor(const std::vector<const Dialect*>& dialects, const Entity& entity) {
    std::string label = dialects.front()->label();
    if (entity.sharedWith != nullptr) {
      // "librdkafka 2.0.2 producer" -> "librdkafka 2.0.2 client"
      for (std::string_view role : {" producer", " Java producer"}) {
        if (endsWith(label, role)) return label.substr(0, label.size() - role.size()) + " client";
      }
    }
    return label;
  }
};

}  // namespace

std::unique_ptr<const Check> bindUnknownKeyCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<UnknownKeyCheck>();
}

}  // namespace kafkalint
