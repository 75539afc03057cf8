// Names and ordering of the shared model types.
#include <algorithm>
#include <tuple>

#include "kafkalint/entity.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/provenance.hpp"

namespace kafkalint {

std::string_view entityKindId(EntityKind kind) {
  switch (kind) {
    case EntityKind::Cluster:
      return "cluster";
    case EntityKind::Broker:
      return "broker";
    case EntityKind::Controller:
      return "controller";
    case EntityKind::Topic:
      return "topic";
    case EntityKind::Producer:
      return "producer";
    case EntityKind::Consumer:
      return "consumer";
    case EntityKind::Connect:
      return "connect";
    case EntityKind::File:
      return "file";
  }
  return "?";
}

std::optional<EntityKind> parseEntityKind(std::string_view id) {
  for (EntityKind k : kAllEntityKinds) {
    if (entityKindId(k) == id) return k;
  }
  return std::nullopt;
}

void TopicPlacement::add(std::int32_t id, std::int32_t leader, std::int16_t error,
                         std::span<const std::int32_t> replicas, std::span<const std::int32_t> isr) {
  Partition p;
  p.id = id;
  p.leader = leader;
  p.error = error;
  p.first = static_cast<std::uint32_t>(brokerIds.size());
  p.replicaCount = static_cast<std::uint16_t>(replicas.size());
  p.isrCount = static_cast<std::uint16_t>(isr.size());
  brokerIds.insert(brokerIds.end(), replicas.begin(), replicas.end());
  brokerIds.insert(brokerIds.end(), isr.begin(), isr.end());
  partitions.push_back(p);
}

const LiveCluster* Model::liveClusterOf(const Entity& entity) const {
  const Entity* cluster = entity.kind == EntityKind::Cluster ? &entity : entity.cluster;
  for (const LiveCluster& c : live) {
    if (c.entity != nullptr && c.entity == cluster) return &c;
  }
  return nullptr;
}

std::string_view severityId(Severity s) {
  switch (s) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "?";
}

std::optional<Severity> parseSeverity(std::string_view id) {
  if (id == "note") return Severity::Note;
  if (id == "warning") return Severity::Warning;
  if (id == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view provenanceKindId(ProvenanceKind kind) {
  switch (kind) {
    case ProvenanceKind::Explicit:
      return "explicit";
    case ProvenanceKind::TopicOverride:
      return "topic-override";
    case ProvenanceKind::BrokerSetting:
      return "broker-setting";
    case ProvenanceKind::DynamicBrokerConfig:
      return "dynamic-broker-config";
    case ProvenanceKind::DynamicDefaultBroker:
      return "dynamic-default-broker-config";
    case ProvenanceKind::StaticBrokerConfig:
      return "static-broker-config";
    case ProvenanceKind::ClusterMetadata:
      return "cluster-metadata";
    case ProvenanceKind::KafkaDefault:
      return "kafka-default";
    case ProvenanceKind::ClientDefault:
      return "client-default";
    case ProvenanceKind::Derived:
      return "derived";
    case ProvenanceKind::Unset:
      return "unset";
  }
  return "?";
}

void sortFindings(std::vector<Finding>& findings, const SourceFiles& files) {
  // Sort indices by precomputed keys: findings can be many and are expensive to compare.
  struct Key {
    bool noFile;
    const std::string* path;
    std::uint32_t line, column;
    Finding* finding;
  };
  static const std::string kNone;
  std::vector<Key> keys;
  keys.reserve(findings.size());
  for (Finding& f : findings) {
    const bool located = f.location.valid();
    keys.push_back({!located, located ? &files.path(f.location.file) : &kNone, f.location.line, f.location.column, &f});
  }
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.noFile, *a.path, a.line, a.column, a.finding->ruleId, a.finding->entityName, a.finding->message) <
           std::tie(b.noFile, *b.path, b.line, b.column, b.finding->ruleId, b.finding->entityName, b.finding->message);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const Key& k : keys) sorted.push_back(std::move(*k.finding));
  findings = std::move(sorted);
}

}  // namespace kafkalint
