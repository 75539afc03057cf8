// Template "duplicate-key": a key written twice (or under two aliases). java.util.Properties and
// librdkafka keep the last value; the earlier one is silently ignored.
#include <map>

#include "checks/check.hpp"
#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

class DuplicateKeyCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& entity = view.entity();
    if (!ownsWrittenSettings(entity)) return;
    // Aliases count as the same key: group by the canonical name where a dialect knows the key.
    std::vector<std::string> groups;
    groups.reserve(entity.settings.size());
    std::map<std::string, const Setting*> last;  // group -> last setting, the one in effect
    for (const Setting& s : entity.settings) {
      KeyLookup l = view.dialect().lookup(s.key);
      if (l.status != KeyLookup::Status::Known && entity.sharedWith != nullptr) {
        l = ctx.resolver.dialectFor(*entity.sharedWith).lookup(s.key);
      }
      groups.push_back(l.status == KeyLookup::Status::Known ? l.canonical : s.key);
      last[groups.back()] = &s;
    }
    for (std::size_t i = 0; i < entity.settings.size(); ++i) {
      const Setting& s = entity.settings[i];
      const Setting* winner = last[groups[i]];
      if (winner == &s) continue;
      const bool same = trimView(winner->value) == trimView(s.value);
      const std::string alias = winner->key == s.key ? "" : " (as " + winner->key + ")";
      std::string message = s.key + " is set again at line " + std::to_string(winner->keyLocation.line) + alias + "; ";
      if (same) {
        message += "both values are the same, so only the repetition is redundant.";
      } else {
        message += "the later value " + displayValue(winner->key, std::string(trimView(winner->value))) +
                   " is in effect and this one (" + displayValue(s.key, std::string(trimView(s.value))) +
                   ") is ignored.";
      }
      Finding f = makeFinding(rule.info, entity, message, s.keyLocation);
      if (same) f.severity = Severity::Note;
      f.keys.push_back(s.key);
      ctx.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindDuplicateKeyCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<DuplicateKeyCheck>();
}

}  // namespace kafkalint
