// Stage 2, resolve: the effective value of every setting an entity has, with its provenance.
//
// Each entity is read through a Dialect: the Kafka broker/topic/Java client configuration of the
// audited release, librdkafka 2.0.2, or the Kafka 0.8 Scala clients. Rules always ask for Kafka's
// Java key names ("acks"); the dialect maps them to its own keys ("request.required.acks"), spellings
// ("smallest" means "earliest") and defaults.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "kafkalint/catalog.hpp"
#include "kafkalint/effective_value.hpp"
#include "kafkalint/entity.hpp"
#include "kafkalint/kafka_version.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

class EntityView;

// What a dialect knows about a key as written.
struct KeyLookup {
  enum class Status {
    Known,         // a setting of this dialect (aliases included)
    NotInVersion,  // a real key, but not in the audited release (removed or not yet added)
    Family,        // accepted by pattern: listener.name.*, config provider, third-party plugin...
    OtherScope,    // a key of another kind of config (a topic key in a broker file, ...)
    Unknown,       // nothing knows it
  };
  Status status = Status::Unknown;
  std::string canonical;  // the dialect's canonical name (alias resolved) when Known
  std::string note;       // why: "removed after Kafka 2.8", "a topic-level config", ...
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  [[nodiscard]] virtual std::string_view id() const = 0;  // "java", "librdkafka", "scala"
  // Names the dialect in messages: "Kafka 4.1 broker", "Kafka 3.0 Java producer", "librdkafka 2.0.2".
  [[nodiscard]] virtual std::string label() const = 0;
  [[nodiscard]] virtual KeyLookup lookup(std::string_view writtenKey) const = 0;
  // The key a misspelled one was probably meant to be (in this dialect's spelling).
  [[nodiscard]] virtual std::optional<KeySuggester::Suggestion> suggest(std::string_view writtenKey) const = 0;
  // The dialect's name for a rule key, or nullopt when the dialect has no such setting.
  [[nodiscard]] virtual std::optional<std::string> nameFor(std::string_view ruleKey) const = 0;
  // Checks a written value of a Known key. Returns what was expected, or nullopt when valid.
  [[nodiscard]] virtual std::optional<std::string> validate(const std::string& canonical,
                                                            std::string_view text) const = 0;
  // The effective value of a rule key for the entity behind `view`.
  [[nodiscard]] virtual EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const = 0;
};

struct ResolveOptions {
  KafkaVersion kafkaVersion;                  // brokers, topics, Connect workers
  std::optional<KafkaVersion> clientVersion;  // Java producers and consumers; default kafkaVersion

  [[nodiscard]] const KafkaVersion& javaClientVersion() const { return clientVersion ? *clientVersion : kafkaVersion; }
};

class Resolver {
 public:
  explicit Resolver(ResolveOptions options);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  [[nodiscard]] const ResolveOptions& options() const { return options_; }
  // The dialect an entity is read with (its kind, dialect id and Kafka release decide).
  [[nodiscard]] const Dialect& dialectFor(const Entity& entity) const;
  // The Kafka release an entity is audited at.
  [[nodiscard]] const KafkaVersion& versionFor(const Entity& entity) const;

 private:
  ResolveOptions options_;
  mutable std::map<std::tuple<EntityKind, std::string, std::uint32_t>, std::unique_ptr<Dialect>> dialects_;
};

class SharedViews;

// The effective configuration of one entity, computed on demand and cached. Cheap to create;
// create one per entity while evaluating it.
class EntityView {
 public:
  // With `shared`, the views of the entity's broker and cluster come from it (resolved once for
  // every entity that inherits from them) instead of being built for this view alone.
  EntityView(const Resolver& resolver, const Entity& entity, SharedViews* shared = nullptr);
  ~EntityView();
  EntityView(EntityView&& other) noexcept;

  [[nodiscard]] const Entity& entity() const { return *entity_; }
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
  [[nodiscard]] const Resolver& resolver() const { return *resolver_; }

  // The effective value of a rule key (Kafka's Java name).
  const EffectiveValue& get(std::string_view ruleKey);

  // The setting that is in effect for a canonical key of the dialect (the last one written),
  // or nullptr when it was not written.
  [[nodiscard]] const Setting* written(std::string_view canonical) const;
  // The view of the entity this one inherits from (a topic's broker), or nullptr.
  EntityView* parent();
  // The view of the cluster the entity belongs to, or nullptr.
  EntityView* cluster();
  // The topic a pair rule (a client and a topic it uses) is looking at; `topic:` keys read it.
  void setRelatedTopic(EntityView* topic) { relatedTopic_ = topic; }
  [[nodiscard]] EntityView* relatedTopic() const { return relatedTopic_; }
  // The Kafka release the entity is audited at: its own when its source names one.
  [[nodiscard]] const KafkaVersion& kafkaVersion() const;

 private:
  const Resolver* resolver_;
  const Entity* entity_;
  const Dialect* dialect_;
  std::map<std::string, const Setting*, std::less<>> written_;  // canonical -> last setting
  std::map<std::string, EffectiveValue, std::less<>> cache_;
  std::set<std::string> resolving_;
  std::unique_ptr<EntityView> parent_;
  std::unique_ptr<EntityView> cluster_;
  EntityView* relatedTopic_ = nullptr;
  SharedViews* shared_ = nullptr;
};

// Views of the entities that many others read: a topic's broker, an entity's cluster. A model of
// 100,000 topics inheriting from one broker resolves that broker once. Valid while the model and
// the resolver do not change (one evaluate() or durabilityBudgets() run).
class SharedViews {
 public:
  explicit SharedViews(const Resolver& resolver) : resolver_(&resolver) {}
  EntityView& of(const Entity& entity);

 private:
  const Resolver* resolver_;
  std::map<const Entity*, std::unique_ptr<EntityView>> views_;
};

// Properties of an entity that are not Kafka configs but that rules read like keys: a topic's
// replication factor and partition count, a cluster's broker and rack counts.
struct EntityProperty {
  EntityKind kind;
  std::string_view key;
  std::string_view brokerDefault;  // topics: the broker config used when unset or -1
  std::string_view description;
};
const EntityProperty* entityProperty(EntityKind kind, std::string_view key);
std::vector<const EntityProperty*> entityProperties(EntityKind kind);

// Keys of a related entity are written `target:key` in rules: `cluster:broker.count` (the
// entity's cluster), `topic:min.insync.replicas` (the topic of a client-topic pair rule),
// `broker:default.replication.factor` (the broker a topic inherits from).
struct TargetKey {
  std::string_view target;  // "" for the entity itself
  std::string_view key;
};
TargetKey splitTargetKey(std::string_view ruleKey);
// The entity kind a target names, or nullopt for an unknown target.
std::optional<EntityKind> targetKind(std::string_view target);

// The Kafka config scope of an entity kind (a controller reads broker configs, ...).
ConfigScope scopeOf(EntityKind kind);

// "set at conf/server.properties:14", "Kafka 4.1 default", "derived: ..." for people.
std::string describeProvenance(const Provenance& provenance, const SourceFiles& files);

}  // namespace kafkalint
