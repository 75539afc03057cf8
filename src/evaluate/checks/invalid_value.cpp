// Template "invalid-value": values of the wrong type or outside their valid range or set. The
// component refuses to start (Kafka's ConfigException, librdkafka's rd_kafka_conf_set error).
#include "checks/check.hpp"
#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/typed_value.hpp"

namespace kafkalint {

namespace {

class InvalidValueCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& entity = view.entity();
    if (!ownsWrittenSettings(entity)) return;
    std::vector<const Dialect*> dialects = {&view.dialect()};
    if (entity.sharedWith != nullptr) dialects.push_back(&ctx.resolver.dialectFor(*entity.sharedWith));
    for (const Setting& s : entity.settings) {
      if (placeholderReason(s.value)) continue;  // reported when a rule needs the value
      for (const Dialect* d : dialects) {
        KeyLookup l = d->lookup(s.key);
        if (l.status != KeyLookup::Status::Known) continue;
        if (auto problem = d->validate(l.canonical, s.value)) {
          const std::string shown = displayValue(s.key, std::string(trimView(s.value)));
          Finding f = makeFinding(rule.info, entity,
                                  s.key + "=" + (shown.empty() ? "(empty)" : shown) + " is not valid for " +
                                      d->label() + ": " + *problem + ".",
                                  s.valueLocation);
          f.keys.push_back(s.key);
          ctx.findings.push_back(std::move(f));
        }
        break;  // validated by the first dialect that knows the key
      }
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindInvalidValueCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<InvalidValueCheck>();
}

}  // namespace kafkalint
