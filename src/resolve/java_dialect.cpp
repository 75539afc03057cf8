// Apache Kafka's own configuration: brokers, KRaft controllers, topics, the Java producer and
// consumer, Connect workers. Defaults are those of the audited Kafka release.
#include <algorithm>

#include "dialects.hpp"
#include "java_client_defaults.hpp"
#include "kafkalint/text.hpp"
#include "key_families.hpp"

namespace kafkalint {

namespace {

std::string_view roleName(EntityKind kind) {
  switch (kind) {
    case EntityKind::Broker:
    case EntityKind::Cluster:
    case EntityKind::File:
      return "broker";
    case EntityKind::Controller:
      return "controller";
    case EntityKind::Topic:
      return "topic";
    case EntityKind::Producer:
      return "Java producer";
    case EntityKind::Consumer:
      return "Java consumer";
    case EntityKind::Connect:
      return "Connect worker";
  }
  return "config";
}

// The keys a release has for a scope: what a misspelling is compared with.
std::vector<std::string> keysOf(ConfigScope scope, const KafkaVersion& version) {
  const Catalog& catalog = Catalog::instance();
  std::vector<std::string> out;
  for (std::string_view name : catalog.names(scope)) {
    if (catalog.at(scope, name, version)) out.emplace_back(name);
  }
  return out;
}

bool isClient(EntityKind kind) { return kind == EntityKind::Producer || kind == EntityKind::Consumer; }

class JavaDialect final : public Dialect {
 public:
  JavaDialect(EntityKind kind, const KafkaVersion& version)
      : kind_(kind),
        scope_(scopeOf(kind)),
        version_(version),
        catalog_(Catalog::instance()),
        suggester_(keysOf(scope_, version_)) {}

  [[nodiscard]] std::string_view id() const override { return "java"; }

  [[nodiscard]] std::string label() const override {
    return "Kafka " + version_.str() + " " + std::string(roleName(kind_));
  }

  [[nodiscard]] KeyLookup lookup(std::string_view key) const override {
    KeyLookup out;
    if (catalog_.at(scope_, key, version_) || entityProperty(kind_, key)) {
      out.status = KeyLookup::Status::Known;
      out.canonical = std::string(key);
      return out;
    }
    if (catalog_.knownInAnyRelease(scope_, key)) {
      out.status = KeyLookup::Status::NotInVersion;
      out.canonical = std::string(key);
      KeyPresence p = catalog_.presence(scope_, key);
      auto first = KafkaVersion::parse(p.firstVersion);
      auto last = KafkaVersion::parse(p.lastVersion);
      if (first && version_ < *first && version_ >= catalog_.oldestCovered()) {
        out.note = "it was added in Kafka " + p.firstVersion;
      } else if (last && version_.line() != last->line() && version_ > *last) {
        out.note = "Kafka " + p.lastVersion + " is the last release that has it";
      } else {
        out.note = "Kafka " + version_.str() + " does not have it";
      }
      return out;
    }
    if (auto family = keyFamily(scope_, key)) {
      out.status = KeyLookup::Status::Family;
      out.note = *family;
      return out;
    }
    if (auto other = otherScopeNote(scope_, key)) {
      out.status = KeyLookup::Status::OtherScope;
      out.note = *other;
      return out;
    }
    return out;
  }

  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view key) const override {
    return suggester_.closest(key);
  }

  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    if (catalog_.at(scope_, ruleKey, version_) || entityProperty(kind_, ruleKey)) return std::string(ruleKey);
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string> validate(const std::string& canonical,
                                                    std::string_view text) const override {
    if (entityProperty(kind_, canonical)) {
      if (typedValue(ConfigType::Int, text).kind() == Value::Kind::Int) {
        std::int64_t n = typedValue(ConfigType::Int, text).asInt();
        if (n >= 1 || n == -1) return std::nullopt;
      }
      return "a whole number of at least 1 (or -1 for the broker default)";
    }
    auto spec = catalog_.at(scope_, canonical, version_);
    if (!spec) return std::nullopt;
    return validateValue(*spec, text);
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    if (const EntityProperty* property = entityProperty(kind_, ruleKey)) return topicProperty(*property, view);
    auto spec = catalog_.at(scope_, ruleKey, version_);
    if (!spec) return absentValue(ruleKey, label() + " has no " + std::string(ruleKey));
    const ConfigType type = spec->type;
    auto typed = [type](std::string_view text) { return normalise(type, text); };

    if (const Setting* s = view.written(ruleKey)) {
      EffectiveValue ev = writtenValue(ruleKey, *s, typed);
      if (kind_ == EntityKind::Topic && ev.provenance.kind == ProvenanceKind::Explicit) {
        ev.provenance.kind = ProvenanceKind::TopicOverride;
      }
      return ev;
    }
    if (kind_ == EntityKind::Topic && !spec->serverDefault.empty()) {
      if (EntityView* broker = view.parent()) return inherited(ruleKey, spec->serverDefault, *broker);
    }
    if (auto derived = javaClientDerivedDefault(kind_, version_, ruleKey, view)) return *derived;
    return kafkaDefault(ruleKey, *spec);
  }

 private:
  static Value normalise(ConfigType type, std::string_view text) {
    Value v = typedValue(type, text);
    // acks: "-1" and "all" are the same setting.
    if (v.kind() == Value::Kind::String && v.asString() == "-1") return Value("all");
    return v;
  }

  [[nodiscard]] std::string defaultDetail() const {
    return "Kafka " + version_.str() + (isClient(kind_) ? " Java client" : "") + " default";
  }

  [[nodiscard]] EffectiveValue kafkaDefault(std::string_view ruleKey, const KeySpec& spec) const {
    if (!spec.hasDefault) {
      return defaultValue(ruleKey, ruleKey, "", Value::null(), ProvenanceKind::KafkaDefault,
                          "not set (no default in Kafka " + version_.str() + ")");
    }
    return defaultValue(ruleKey, ruleKey, spec.defaultValue, normalise(spec.type, spec.defaultValue),
                        ProvenanceKind::KafkaDefault, defaultDetail());
  }

  // A topic config that is not overridden takes the broker's value of its server default property.
  [[nodiscard]] EffectiveValue inherited(std::string_view ruleKey, std::string_view brokerKey,
                                         EntityView& broker) const {
    EffectiveValue ev = broker.get(brokerKey);
    ev.key = std::string(ruleKey);
    ev.name = std::string(ruleKey);
    ev.provenance.via = std::string(brokerKey);
    if (ev.provenance.kind == ProvenanceKind::Explicit) {
      ev.provenance.kind = ProvenanceKind::BrokerSetting;
    } else if (ev.provenance.kind == ProvenanceKind::KafkaDefault) {
      ev.provenance.detail += " (not set on the topic or the broker)";
    }
    return ev;
  }

  // A topic's replication factor or partition count: as written, or the broker's default when it
  // is unset or -1 (CreateTopics with -1 asks the broker to use its default).
  [[nodiscard]] EffectiveValue topicProperty(const EntityProperty& property, EntityView& view) const {
    const Setting* s = view.written(property.key);
    if (s != nullptr) {
      EffectiveValue ev = writtenValue(property.key, *s, [](std::string_view text) {
        Value v = typedValue(ConfigType::Int, text);
        return v.kind() == Value::Kind::Int ? v : Value::unknown("not a number");
      });
      if (ev.value.kind() != Value::Kind::Int || ev.value.asInt() != -1) return ev;
    }
    EffectiveValue ev;
    if (EntityView* broker = view.parent()) {
      ev = inherited(property.key, property.brokerDefault, *broker);
    } else {
      auto spec = catalog_.at(ConfigScope::Broker, property.brokerDefault, version_);
      ev = spec ? kafkaDefault(property.brokerDefault, *spec) : absentValue(property.key, "unknown");
      ev.key = ev.name = std::string(property.key);
      ev.provenance.via = std::string(property.brokerDefault);
      if (ev.provenance.kind == ProvenanceKind::KafkaDefault) {
        ev.provenance.detail += " of " + std::string(property.brokerDefault) + " (no broker config in the input)";
      }
    }
    if (s != nullptr) ev.provenance.detail = "-1: " + ev.provenance.detail;  // -1 asks for the broker default
    return ev;
  }

  EntityKind kind_;
  ConfigScope scope_;
  KafkaVersion version_;
  const Catalog& catalog_;
  KeySuggester suggester_;
};

}  // namespace

std::unique_ptr<Dialect> makeJavaDialect(EntityKind kind, const KafkaVersion& version) {
  return std::make_unique<JavaDialect>(kind, version);
}

}  // namespace kafkalint
