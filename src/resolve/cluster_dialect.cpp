// A cluster's own facts: how many brokers and racks its source describes. Loaders write them as
// settings of the cluster entity (a spec's `brokers: 3`, Strimzi's replicas, compose services...).
#include <charconv>

#include "dialects.hpp"

namespace kafkalint {

namespace {

class ClusterDialect final : public Dialect {
 public:
  [[nodiscard]] std::string_view id() const override { return "cluster"; }
  [[nodiscard]] std::string label() const override { return "cluster"; }

  [[nodiscard]] KeyLookup lookup(std::string_view key) const override {
    KeyLookup out;
    if (entityProperty(EntityKind::Cluster, key)) {
      out.status = KeyLookup::Status::Known;
      out.canonical = std::string(key);
    }
    return out;
  }
  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view /*key*/) const override {
    return std::nullopt;
  }
  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    if (entityProperty(EntityKind::Cluster, ruleKey)) return std::string(ruleKey);
    return std::nullopt;
  }
  [[nodiscard]] std::optional<std::string> validate(const std::string& /*canonical*/,
                                                    std::string_view text) const override {
    if (parse(text)) return std::nullopt;
    return "a non-negative whole number";
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    if (!entityProperty(EntityKind::Cluster, ruleKey))
      return absentValue(ruleKey, "a cluster has no " + std::string(ruleKey));
    if (const Setting* s = view.written(ruleKey)) {
      return writtenValue(ruleKey, *s, [](std::string_view text) {
        auto n = parse(text);
        return n ? Value(*n) : Value::unknown("not a number");
      });
    }
    return defaultValue(ruleKey, ruleKey, "", Value::null(), ProvenanceKind::Unset, "not known from the input");
  }

 private:
  static std::optional<std::int64_t> parse(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 0) return std::nullopt;
    return n;
  }
};

}  // namespace

std::unique_ptr<Dialect> makeClusterDialect(EntityKind /*kind*/, const KafkaVersion& /*version*/) {
  return std::make_unique<ClusterDialect>();
}

}  // namespace kafkalint
