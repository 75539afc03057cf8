// Template "unknown-key": keys the configured component does not have. A misspelled durability key
// is an error: the intended setting silently does not apply.
#include <algorithm>

#include "checks/check.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

// The dialects that read an entity's file: its own, and the other role's for a client file shared
// by producers and consumers.
struct Readers {
  std::vector<const Dialect*> dialects;
  std::vector<EntityKind> kinds;
};

class UnknownKeyCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& entity = view.entity();
    if (!ownsWrittenSettings(entity)) return;
    Readers readers{{&view.dialect()}, {entity.kind}};
    if (entity.sharedWith != nullptr) {
      readers.dialects.push_back(&ctx.resolver.dialectFor(*entity.sharedWith));
      readers.kinds.push_back(entity.sharedWith->kind);
    }
    const std::string label = labelFor(readers.dialects, entity);
    for (const Setting& s : entity.settings) {
      std::vector<KeyLookup> lookups;
      bool fine = false;
      for (const Dialect* d : readers.dialects) {
        lookups.push_back(d->lookup(s.key));
        const auto st = lookups.back().status;
        fine = fine || st == KeyLookup::Status::Known || st == KeyLookup::Status::Family;
      }
      if (fine) continue;
      Finding f = makeFinding(rule.info, entity, "", s.keyLocation);
      f.keys.push_back(s.key);
      describe(f, s.key, lookups.front(), readers, label, view, ctx);
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  // Severity and message: a key of another release or component, or a misspelling.
  static void describe(Finding& f, const std::string& key, const KeyLookup& l, const Readers& readers,
                       const std::string& label, EntityView& view, const CheckContext& ctx) {
    const bool checked = ctx.rules.checkedKeys().count(key) > 0;
    switch (l.status) {
      case KeyLookup::Status::NotInVersion:
        f.severity = checked ? Severity::Error : Severity::Warning;
        f.message = key + " has no effect on " + label + ": " + l.note +
                    ". Kafka ignores keys it does not know (check --kafka-version).";
        return;
      case KeyLookup::Status::OtherScope:
        f.severity = checked ? Severity::Error : Severity::Warning;
        f.message = key + " is not a " + label + " setting: " + l.note + ".";
        return;
      default:
        return misspelled(f, key, readers, label, view, ctx);
    }
  }

  static void misspelled(Finding& f, const std::string& key, const Readers& readers, const std::string& label,
                         EntityView& view, const CheckContext& ctx) {
    std::optional<KeySuggester::Suggestion> best;
    for (const Dialect* d : readers.dialects) {
      auto candidate = d->suggest(key);
      if (candidate && (!best || candidate->distance < best->distance)) best = candidate;
    }
    if (!best) {
      f.severity = Severity::Note;
      f.message = "unknown key " + key + ": not a " + label + " setting, so it is ignored.";
      return;
    }
    const std::string& suggestion = best->name;
    const auto durable = checkedRuleKey(readers, suggestion, ctx);
    if (!durable) {
      f.severity = Severity::Warning;
      f.message = "unknown key " + key + "; did you mean " + suggestion + "?";
      return;
    }
    f.severity = Severity::Error;
    const EffectiveValue& ev = view.get(*durable);
    f.message = "unknown key " + key + "; did you mean " + suggestion +
                "? The intended setting does not apply: " + suggestion + " stays " +
                (ev.secret           ? std::string("[REDACTED]")
                 : ev.value.isNull() ? "unset"
                                     : ev.text) +
                " (" + describeProvenance(ev.provenance, ctx.model.files) + ").";
    f.effective.push_back(effectiveEntry(ev));
  }

  // The rule key a dialect key stands for, when a rule checks it for this entity.
  static std::optional<std::string> checkedRuleKey(const Readers& readers, const std::string& dialectKey,
                                                   const CheckContext& ctx) {
    for (std::size_t i = 0; i < readers.dialects.size(); ++i) {
      for (const std::string& key : ctx.rules.checkedKeys(readers.kinds[i])) {
        if (readers.dialects[i]->nameFor(key) == dialectKey) return key;
      }
    }
    return std::nullopt;
  }

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
