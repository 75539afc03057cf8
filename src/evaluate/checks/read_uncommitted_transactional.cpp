// Template "read-uncommitted-transactional": a consumer that reads, with
// isolation.level=read_uncommitted, a topic that a transactional producer of the same input writes.
// It then processes messages of aborted transactions, the very writes the producer took back.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

class ReadUncommittedTransactionalCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& consumer = view.entity();
    if (consumer.kind != EntityKind::Consumer || consumer.consumes.empty()) return;
    const EffectiveValue& isolation = view.get("isolation.level");
    if (isolation.value.kind() != Value::Kind::String || isolation.value.asString() != "read_uncommitted") return;
    for (const TopicRef& ref : consumer.consumes) {
      const Entity* topic = ctx.findTopic(consumer, ref.name);
      if (topic == nullptr) continue;
      const Entity* writer = ctx.transactionalWriter(*topic);
      if (writer == nullptr) continue;
      Finding f =
          makeFinding(rule.info, consumer,
                      consumer.name + " reads topic " + topic->name + " with " + isolation.name + "=read_uncommitted" +
                          (isolation.provenance.kind == ProvenanceKind::Explicit
                               ? std::string()
                               : " (" + describeProvenance(isolation.provenance, ctx.model.files) + ")") +
                          ", but " + writer->name +
                          " writes it in transactions: messages of aborted transactions reach the consumer as if they "
                          "had been committed. Set isolation.level=read_committed.",
                      ref.location.valid() ? ref.location : consumer.origin);
      f.keys.push_back(isolation.name);
      f.effective.push_back(effectiveEntry(isolation));
      ctx.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindReadUncommittedTransactionalCheck(const RuleInfo& /*rule*/,
                                                                   const RuleParams& /*params*/) {
  return std::make_unique<ReadUncommittedTransactionalCheck>();
}

}  // namespace kafkalint
