// Spring Kafka: the Java clients of the audited release, configured by Spring Boot, with the
// defaults Spring adds. A listener container's consumer runs with enable.auto.commit=false unless
// it is set (Spring Kafka 2.3+, the container commits offsets by its AckMode), and Spring Boot
// always writes isolation.level from spring.kafka.consumer.isolation-level (read_uncommitted).
// Facts: ../shared/kafka/facts.md section 4.
#include "dialects.hpp"

namespace kafkalint {

namespace {

class SpringDialect final : public Dialect {
 public:
  SpringDialect(EntityKind kind, const KafkaVersion& version) : kind_(kind), java_(makeJavaDialect(kind, version)) {}

  [[nodiscard]] std::string_view id() const override { return "spring"; }
  [[nodiscard]] std::string label() const override { return "Spring Kafka (" + java_->label() + ")"; }
  [[nodiscard]] KeyLookup lookup(std::string_view key) const override { return java_->lookup(key); }
  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view key) const override {
    return java_->suggest(key);
  }
  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    return java_->nameFor(ruleKey);
  }
  [[nodiscard]] std::optional<std::string> validate(const std::string& canonical,
                                                    std::string_view text) const override {
    return java_->validate(canonical, text);
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    if (kind_ == EntityKind::Consumer && view.written(ruleKey) == nullptr) {
      if (ruleKey == "enable.auto.commit") {
        return defaultValue(ruleKey, ruleKey, "false", Value(false), ProvenanceKind::ClientDefault,
                            "Spring Kafka default: the listener container commits offsets (enable.auto.commit=false "
                            "unless set, since Spring Kafka 2.3)");
      }
      if (ruleKey == "isolation.level") {
        return defaultValue(ruleKey, ruleKey, "read_uncommitted", Value("read_uncommitted"),
                            ProvenanceKind::ClientDefault,
                            "Spring Boot default: spring.kafka.consumer.isolation-level is always written "
                            "(read_uncommitted)");
      }
    }
    return java_->resolve(ruleKey, view);
  }

 private:
  EntityKind kind_;
  std::unique_ptr<Dialect> java_;
};

}  // namespace

std::unique_ptr<Dialect> makeSpringDialect(EntityKind kind, const KafkaVersion& version) {
  return std::make_unique<SpringDialect>(kind, version);
}

}  // namespace kafkalint
