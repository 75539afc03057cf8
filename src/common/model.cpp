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
  auto key = [&files](const Finding& f) {
    const std::string* path = f.location.valid() ? &files.path(f.location.file) : nullptr;
    return std::make_tuple(path == nullptr, path ? *path : std::string(), f.location.line, f.location.column, f.ruleId,
                           f.entityName, f.message);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace kafkalint
