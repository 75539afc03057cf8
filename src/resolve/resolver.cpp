#include <stdexcept>

#include "dialects.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

ConfigScope scopeOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::Broker:
    case EntityKind::Controller:
    case EntityKind::Cluster:
    case EntityKind::File:
      return ConfigScope::Broker;
    case EntityKind::Topic:
      return ConfigScope::Topic;
    case EntityKind::Producer:
      return ConfigScope::Producer;
    case EntityKind::Consumer:
      return ConfigScope::Consumer;
    case EntityKind::Connect:
      return ConfigScope::Connect;
  }
  return ConfigScope::Broker;
}

EffectiveValue absentValue(std::string_view ruleKey, std::string detail) {
  EffectiveValue ev;
  ev.key = std::string(ruleKey);
  ev.name = std::string(ruleKey);
  ev.exists = false;
  ev.provenance.kind = ProvenanceKind::Unset;
  ev.provenance.detail = std::move(detail);
  return ev;
}

EffectiveValue defaultValue(std::string_view ruleKey, std::string_view name, std::string text, Value value,
                            ProvenanceKind kind, std::string detail) {
  EffectiveValue ev;
  ev.key = std::string(ruleKey);
  ev.name = std::string(name);
  ev.text = std::move(text);
  ev.value = std::move(value);
  ev.secret = isSecretKey(name);
  ev.provenance.kind = ev.value.isNull() && kind != ProvenanceKind::Derived ? ProvenanceKind::Unset : kind;
  ev.provenance.detail = std::move(detail);
  return ev;
}

Resolver::Resolver(ResolveOptions options) : options_(options) {}
Resolver::~Resolver() = default;

const KafkaVersion& Resolver::versionFor(const Entity& entity) const {
  if (entity.kafkaVersion) return *entity.kafkaVersion;
  const bool client = entity.kind == EntityKind::Producer || entity.kind == EntityKind::Consumer;
  return client ? options_.javaClientVersion() : options_.kafkaVersion;
}

const Dialect& Resolver::dialectFor(const Entity& entity) const {
  const KafkaVersion& version = versionFor(entity);
  auto key = std::make_tuple(entity.kind, entity.dialect, version.packed());
  auto it = dialects_.find(key);
  if (it != dialects_.end()) return *it->second;
  std::unique_ptr<Dialect> dialect = makeDialect(entity, version);
  return *dialects_.emplace(key, std::move(dialect)).first->second;
}

EntityView::EntityView(const Resolver& resolver, const Entity& entity, SharedViews* shared)
    : resolver_(&resolver), entity_(&entity), dialect_(&resolver.dialectFor(entity)), shared_(shared) {
  for (const Setting& s : entity.settings) {
    KeyLookup lookup = dialect_->lookup(s.key);
    if (lookup.status == KeyLookup::Status::Known) written_[lookup.canonical] = &s;  // last one wins
  }
}

EntityView::~EntityView() = default;
EntityView::EntityView(EntityView&&) noexcept = default;

const EffectiveValue& EntityView::get(std::string_view ruleKey) {
  if (auto it = cache_.find(ruleKey); it != cache_.end()) return it->second;
  if (TargetKey tk = splitTargetKey(ruleKey); !tk.target.empty()) {
    EntityView* target = tk.target == "cluster"  ? cluster()
                         : tk.target == "topic"  ? relatedTopic_
                         : tk.target == "broker" ? parent()
                                                 : nullptr;
    if (target != nullptr) return target->get(tk.key);
    // Not cached: the related topic of a pair rule changes between evaluations.
    static thread_local EffectiveValue none;
    none = absentValue(ruleKey, "no " + std::string(tk.target) + " is known for " + entity_->name);
    return none;
  }
  // A dialect deriving a default from another key must never come back to the key it is resolving.
  if (!resolving_.insert(std::string(ruleKey)).second) {
    throw std::logic_error("cyclic default for " + std::string(ruleKey) + " in " + dialect_->label());
  }
  EffectiveValue ev = dialect_->resolve(ruleKey, *this);
  resolving_.erase(std::string(ruleKey));
  // A live entity whose configs could not be read: a value that was not read is not known, and
  // a default or an inherited value would pass a check that was never made.
  if (!entity_->unverified.empty() && written(ruleKey) == nullptr && ev.exists) {
    ev.value = Value::unknown(entity_->unverified);
    ev.text.clear();
    ev.provenance = Provenance{ProvenanceKind::Unset, {}, entity_->unverified, {}};
  }
  return cache_.emplace(std::string(ruleKey), std::move(ev)).first->second;
}

const Setting* EntityView::written(std::string_view canonical) const {
  auto it = written_.find(canonical);
  return it == written_.end() ? nullptr : it->second;
}

EntityView* EntityView::parent() {
  if (entity_->inheritsFrom == nullptr) return nullptr;
  if (shared_ != nullptr) return &shared_->of(*entity_->inheritsFrom);
  if (!parent_) parent_ = std::make_unique<EntityView>(*resolver_, *entity_->inheritsFrom);
  return parent_.get();
}

EntityView* EntityView::cluster() {
  if (entity_->cluster == nullptr) return nullptr;
  if (shared_ != nullptr) return &shared_->of(*entity_->cluster);
  if (!cluster_) cluster_ = std::make_unique<EntityView>(*resolver_, *entity_->cluster);
  return cluster_.get();
}

EntityView& SharedViews::of(const Entity& entity) {
  std::unique_ptr<EntityView>& view = views_[&entity];
  if (!view) view = std::make_unique<EntityView>(*resolver_, entity, this);
  return *view;
}

const KafkaVersion& EntityView::kafkaVersion() const { return resolver_->versionFor(*entity_); }

namespace {

constexpr EntityProperty kEntityProperties[] = {
    {EntityKind::Topic, "replication.factor", "default.replication.factor",
     "the number of replicas of each partition (-1 or unset: the broker's default.replication.factor)"},
    {EntityKind::Topic, "partitions", "num.partitions",
     "the number of partitions (-1 or unset: the broker's num.partitions)"},
    {EntityKind::Cluster, "broker.count", "", "the number of brokers (nodes that host partitions)"},
    {EntityKind::Cluster, "rack.count", "",
     "the number of distinct broker.rack values (0: no broker has a rack; unset: unknown)"},
};

}  // namespace

const EntityProperty* entityProperty(EntityKind kind, std::string_view key) {
  for (const EntityProperty& p : kEntityProperties) {
    if (p.kind == kind && p.key == key) return &p;
  }
  return nullptr;
}

std::vector<const EntityProperty*> entityProperties(EntityKind kind) {
  std::vector<const EntityProperty*> out;
  for (const EntityProperty& p : kEntityProperties) {
    if (p.kind == kind) out.push_back(&p);
  }
  return out;
}

TargetKey splitTargetKey(std::string_view ruleKey) {
  auto colon = ruleKey.find(':');
  if (colon == std::string_view::npos) return {{}, ruleKey};
  return {ruleKey.substr(0, colon), ruleKey.substr(colon + 1)};
}

std::optional<EntityKind> targetKind(std::string_view target) {
  if (target == "cluster") return EntityKind::Cluster;
  if (target == "topic") return EntityKind::Topic;
  if (target == "broker") return EntityKind::Broker;
  return std::nullopt;
}

std::string describeProvenance(const Provenance& p, const SourceFiles& files) {
  auto where = [&]() -> std::string {
    if (!p.location.valid()) return {};
    return files.path(p.location.file) + ":" + std::to_string(p.location.line);
  };
  switch (p.kind) {
    case ProvenanceKind::Explicit: {
      std::string out = p.location.valid() ? "set at " + where() : "set explicitly";
      return p.detail.empty() ? out : out + " (" + p.detail + ")";
    }
    case ProvenanceKind::TopicOverride:
      return p.location.valid() ? "topic override at " + where() : "topic override";
    case ProvenanceKind::BrokerSetting:
      return "inherited from broker setting " + p.via + (p.location.valid() ? " at " + where() : "");
    case ProvenanceKind::DynamicBrokerConfig:
      return p.detail.empty() ? "dynamic per-broker config" : p.detail;
    case ProvenanceKind::DynamicDefaultBroker:
      return p.detail.empty() ? "dynamic cluster-wide default" : p.detail;
    case ProvenanceKind::ClusterMetadata:
      return p.detail.empty() ? "from the cluster's metadata" : p.detail;
    case ProvenanceKind::StaticBrokerConfig:
      if (p.detail.empty()) return "static broker config (server.properties)";
      return p.detail + (p.location.valid() ? " (" + where() + ")" : "");
    case ProvenanceKind::KafkaDefault:
    case ProvenanceKind::ClientDefault:
    case ProvenanceKind::Derived:
    case ProvenanceKind::Unset:
      return p.detail;
  }
  return p.detail;
}

}  // namespace kafkalint
