// Template "read-uncommitted-transactional": a consumer that reads, with
// isolation.level=read_uncommitted, a topic that a transactional producer of the same input writes.
// It then processes messages of aborted transactions, the very writes the producer took back.
#include <map>
#include <optional>

#include "checks/check.hpp"

namespace kafkalint {

namespace {

class ReadUncommittedTransactionalCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) override {
    const Entity& consumer = view.entity();
    if (consumer.kind != EntityKind::Consumer || consumer.consumes.empty()) return;
    const EffectiveValue& isolation = view.get("isolation.level");
    if (isolation.value.kind() != Value::Kind::String || isolation.value.asString() != "read_uncommitted") return;
    for (const TopicRef& ref : consumer.consumes) {
      const Entity* topic = ctx.findTopic(consumer, ref.name);
      if (topic == nullptr) continue;
      const Entity* writer = transactionalWriter(*topic, ctx);
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

 private:
  // The transactional producer writing a topic, or nullptr. Worked out once per model, on first use.
  const Entity* transactionalWriter(const Entity& topic, CheckContext& ctx) {
    if (!writers_) {
      writers_.emplace();
      for (const Entity& e : ctx.model.entities) {
        if (e.kind != EntityKind::Producer || e.produces.empty()) continue;
        EntityView producer(ctx.resolver, e, ctx.views);
        const Value& id = producer.get("transactional.id").value;
        if (id.isNull() || id.isUnknown()) continue;
        for (const TopicRef& ref : e.produces) {
          if (const Entity* t = ctx.findTopic(e, ref.name)) writers_->emplace(t, &e);
        }
      }
    }
    auto it = writers_->find(&topic);
    return it == writers_->end() ? nullptr : it->second;
  }

  std::optional<std::map<const Entity*, const Entity*>> writers_;
};

}  // namespace

std::unique_ptr<Check> makeReadUncommittedTransactionalCheck() {
  return std::make_unique<ReadUncommittedTransactionalCheck>();
}

}  // namespace kafkalint
