#include "kafkalint/catalog.hpp"

#include <algorithm>

#include "kafkalint/catalog_data.hpp"

namespace kafkalint {

using namespace catalog_data;

std::string_view scopeId(ConfigScope scope) {
  switch (scope) {
    case Scope::Broker:
      return "broker";
    case Scope::Topic:
      return "topic";
    case Scope::Producer:
      return "producer";
    case Scope::Consumer:
      return "consumer";
    case Scope::Admin:
      return "admin";
    case Scope::Connect:
      return "connect";
    case Scope::Streams:
      return "streams";
  }
  return "?";
}

std::string_view typeId(ConfigType type) {
  switch (type) {
    case Type::Boolean:
      return "boolean";
    case Type::String:
      return "string";
    case Type::Int:
      return "int";
    case Type::Short:
      return "short";
    case Type::Long:
      return "long";
    case Type::Double:
      return "double";
    case Type::List:
      return "list";
    case Type::Class:
      return "class";
    case Type::Password:
      return "password";
  }
  return "?";
}

const Catalog& Catalog::instance() {
  static const Catalog catalog;
  return catalog;
}

Catalog::Catalog() : namesByScope_(kScopeCount) {
  for (const KeyRecord& r : kKeys) namesByScope_[static_cast<int>(r.scope)].push_back(r.name);
  for (auto& names : namesByScope_) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
  }
  for (const KeyRecord& r : kKeys) {
    for (std::uint16_t i = 0; i < r.historyCount; ++i) {
      if (kHistory[r.historyBegin + i].type == Type::Password) passwordKeys_.push_back(r.name);
    }
  }
  std::sort(passwordKeys_.begin(), passwordKeys_.end());
  passwordKeys_.erase(std::unique(passwordKeys_.begin(), passwordKeys_.end()), passwordKeys_.end());
}

bool Catalog::isPasswordKey(std::string_view name) const {
  return std::binary_search(passwordKeys_.begin(), passwordKeys_.end(), name);
}

namespace {

// kVersions parsed once: versionIndex() runs for every catalog look-up.
const std::vector<KafkaVersion>& parsedVersions() {
  static const std::vector<KafkaVersion> parsed = [] {
    std::vector<KafkaVersion> out;
    for (auto v : kVersions) out.push_back(*KafkaVersion::parse(v));
    return out;
  }();
  return parsed;
}

}  // namespace

KafkaVersion Catalog::newest() const { return parsedVersions().back(); }
KafkaVersion Catalog::oldestCovered() const { return parsedVersions().front(); }

std::vector<std::string> Catalog::versionLines() const {
  std::vector<std::string> out{"0.8", "0.9", "0.10", "0.11", "1.0", "1.1"};
  for (auto v : kVersions) out.emplace_back(v);
  return out;
}

bool Catalog::isKnownRelease(const KafkaVersion& v) const {
  if (v.major == 0) return v.minor >= 8 && v.minor <= 11;
  if (v.major == 1) return v.minor <= 1;
  return versionIndex(v) >= 0 && v <= KafkaVersion{newest().major, newest().minor, 255, 255};
}

int Catalog::versionIndex(const KafkaVersion& v) const {
  const std::vector<KafkaVersion>& versions = parsedVersions();
  if (v < versions.front()) return 0;  // older releases start from the oldest table plus legacy facts
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].major == v.major && versions[i].minor == v.minor) return int(i);
  }
  if (v > newest()) return int(kVersions.size()) - 1;
  return -1;
}

const KeyRecord* Catalog::record(ConfigScope scope, std::string_view name) const {
  auto it = std::lower_bound(kKeys.begin(), kKeys.end(), std::make_pair(scope, name),
                             [](const KeyRecord& r, const std::pair<Scope, std::string_view>& k) {
                               return std::make_pair(r.scope, r.name) < k;
                             });
  if (it == kKeys.end() || it->scope != scope || it->name != name) return nullptr;
  return &*it;
}

std::optional<KeySpec> Catalog::at(ConfigScope scope, std::string_view name, const KafkaVersion& version) const {
  const KeyRecord* rec = record(scope, name);
  if (rec == nullptr) return std::nullopt;
  int idx = versionIndex(version);
  if (idx < 0) return std::nullopt;
  idx = std::min(idx, int(kLastCoveredVersion[static_cast<int>(scope)]));
  if ((rec->present & (1u << idx)) == 0) return std::nullopt;
  const KeyHistory* hist = nullptr;
  for (std::uint16_t i = 0; i < rec->historyCount; ++i) {
    const KeyHistory& h = kHistory[rec->historyBegin + i];
    if (h.versions & (1u << idx)) hist = &h;
  }
  if (hist == nullptr) return std::nullopt;

  KeySpec spec;
  spec.scope = scope;
  spec.name = rec->name;
  spec.type = hist->type;
  spec.history = hist;
  spec.serverDefault = rec->serverDefault;
  auto applyDefault = [&spec](DefaultKind kind, std::string_view value) {
    spec.hasDefault = kind == DefaultKind::Value || kind == DefaultKind::EmptyString;
    spec.required = kind == DefaultKind::Required;
    spec.defaultValue = kind == DefaultKind::Value ? std::string(value) : std::string();
  };
  applyDefault(hist->defaultKind, hist->defaultValue);

  const std::uint32_t packed = version.packed();
  for (const LegacyFact& f : kLegacyFacts) {
    if (f.scope != scope || f.key != name || packed < f.from || packed > f.to) continue;
    if (!f.present) return std::nullopt;
    applyDefault(f.defaultKind, f.defaultValue);
  }
  return spec;
}

KeyPresence Catalog::presence(ConfigScope scope, std::string_view name) const {
  KeyPresence p;
  const KeyRecord* rec = record(scope, name);
  if (rec == nullptr) return p;
  p.known = true;
  for (std::size_t i = 0; i < kVersions.size(); ++i) {
    if (rec->present & (1u << i)) {
      if (p.firstVersion.empty()) p.firstVersion = kVersions[i];
      p.lastVersion = kVersions[i];
    }
  }
  p.removed = (rec->present & (1u << kLastCoveredVersion[static_cast<int>(scope)])) == 0;
  return p;
}

const std::vector<std::string_view>& Catalog::names(ConfigScope scope) const {
  return namesByScope_[static_cast<int>(scope)];
}

bool Catalog::knownInAnyRelease(ConfigScope scope, std::string_view name) const {
  return record(scope, name) != nullptr;
}

const LibrdkafkaProperty* Catalog::librdkafka(std::string_view name) const {
  // Global properties win over topic properties of the same name (rd_kafka_conf_set order).
  auto it = std::lower_bound(kLibrdkafka.begin(), kLibrdkafka.end(), name,
                             [](const LibrdkafkaProperty& p, std::string_view n) { return p.name < n; });
  const LibrdkafkaProperty* found = nullptr;
  for (; it != kLibrdkafka.end() && it->name == name; ++it) {
    if (found == nullptr || !it->topicScope) found = &*it;
  }
  return found;
}

std::span<const LibrdkafkaProperty> Catalog::librdkafkaAll() const { return kLibrdkafka; }

const ScalaClientKey* Catalog::scala(std::string_view name, bool producer) const {
  for (const ScalaClientKey& k : kScalaClients) {
    if (k.name == name && k.producer == producer) return &k;
  }
  return nullptr;
}

std::span<const ScalaClientKey> Catalog::scalaAll() const { return kScalaClients; }

std::string_view Catalog::sourceDescription() const { return kSourceDescription; }

}  // namespace kafkalint
