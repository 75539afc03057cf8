// The Kafka 0.8 Scala producer and high-level consumer (removed in Kafka 2.0). Their keys map to
// the Java keys the rules use through the table in scripts/catalog/scala-clients.tsv.
#include "dialects.hpp"
#include "kafkalint/catalog_data.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

using catalog_data::ScalaClientKey;

std::vector<std::string> keysFor(EntityKind kind) {
  std::vector<std::string> out;
  for (const ScalaClientKey& k : Catalog::instance().scalaAll()) {
    if (k.producer == (kind == EntityKind::Producer)) out.emplace_back(k.name);
  }
  return out;
}

class ScalaDialect final : public Dialect {
 public:
  explicit ScalaDialect(EntityKind kind) : kind_(kind), catalog_(Catalog::instance()), suggester_(keysFor(kind)) {}

  [[nodiscard]] std::string_view id() const override { return "scala"; }
  [[nodiscard]] std::string label() const override {
    return producer() ? "Kafka 0.8 Scala producer" : "Kafka 0.8 Scala consumer";
  }

  [[nodiscard]] KeyLookup lookup(std::string_view key) const override {
    KeyLookup out;
    if (catalog_.scala(key, producer())) {
      out.status = KeyLookup::Status::Known;
      out.canonical = std::string(key);
    } else if (catalog_.scala(key, !producer())) {
      out.status = KeyLookup::Status::OtherScope;
      out.note = producer() ? "it is a Scala consumer setting" : "it is a Scala producer setting";
    }
    return out;
  }

  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view key) const override {
    return suggester_.closest(key);
  }

  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    for (const ScalaClientKey& k : catalog_.scalaAll()) {
      if (k.producer == producer() && k.javaEquivalent == ruleKey) return std::string(k.name);
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string> validate(const std::string& /*canonical*/,
                                                    std::string_view /*text*/) const override {
    return std::nullopt;
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    auto name = nameFor(ruleKey);
    if (!name) return absentValue(ruleKey, label() + " has no " + std::string(ruleKey) + " setting");
    const ScalaClientKey* k = catalog_.scala(*name, producer());
    // Type the value like the Java key the rules compare it with.
    auto spec = catalog_.at(scopeOf(kind_), ruleKey, catalog_.newest());
    auto typed = [&](std::string_view text) -> Value {
      std::string_view t = trimView(text);
      if (ruleKey == "acks") return Value(t == "-1" ? std::string("all") : std::string(t));
      if (ruleKey == "auto.offset.reset") {
        if (t == "smallest") return Value("earliest");
        if (t == "largest") return Value("latest");
        return Value(std::string(t));
      }
      return spec ? typedValue(spec->type, t) : Value(std::string(t));
    };
    if (const Setting* s = view.written(*name)) return writtenValue(ruleKey, *s, typed);
    const bool hasDefault =
        k->defaultKind == catalog_data::DefaultKind::Value || k->defaultKind == catalog_data::DefaultKind::EmptyString;
    if (!hasDefault) {
      return defaultValue(ruleKey, *name, "", Value::null(), ProvenanceKind::ClientDefault,
                          "not set (no default in the " + label() + ")");
    }
    return defaultValue(ruleKey, *name, std::string(k->defaultValue), typed(k->defaultValue),
                        ProvenanceKind::ClientDefault, label() + " default");
  }

 private:
  [[nodiscard]] bool producer() const { return kind_ == EntityKind::Producer; }

  EntityKind kind_;
  const Catalog& catalog_;
  KeySuggester suggester_;
};

}  // namespace

std::unique_ptr<Dialect> makeScalaDialect(EntityKind kind, const KafkaVersion& /*version*/) {
  return std::make_unique<ScalaDialect>(kind);
}

}  // namespace kafkalint
