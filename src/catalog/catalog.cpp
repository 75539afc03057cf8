#include "kafkalint/catalog.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "kafkalint/catalog_data.hpp"
#include "kafkalint/text.hpp"

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

namespace {

// Java's Integer/Short/Long.parseLong: optional sign, decimal digits, nothing else.
bool parseJavaInteger(std::string_view s, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size() && out >= lo && out <= hi;
}

bool parseJavaDouble(std::string_view s, double& out) {
  if (s.empty()) return false;
  std::string tmp(s);
  if (!tmp.empty() && std::string_view("dDfF").find(tmp.back()) != std::string_view::npos) tmp.pop_back();
  if (tmp.empty() || tmp.find_first_of("xXpP") != std::string::npos) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size() && errno != ERANGE;
}

bool enumContains(std::string_view values, std::string_view v, bool caseInsensitive) {
  for (std::string_view item : splitView(values, '|')) {
    if (item.size() >= 2 && item.substr(item.size() - 2) == ":*") {
      if (v.substr(0, item.size() - 1) == item.substr(0, item.size() - 1)) return true;
      continue;
    }
    if (caseInsensitive ? equalsIgnoreCase(item, v) : item == v) return true;
  }
  return false;
}

std::string enumList(std::string_view values) {
  std::string out;
  for (std::string_view item : splitView(values, '|')) {
    if (!out.empty()) out += ", ";
    if (item.size() >= 2 && item.substr(item.size() - 2) == ":*") {
      out += std::string(item.substr(0, item.size() - 1)) + "<duration>";
    } else {
      out += item;
    }
  }
  return out;
}

std::string number(double d) {
  if (d == std::floor(d) && std::fabs(d) < 9.3e18) return std::to_string(static_cast<long long>(d));
  return trimDouble(d);
}

std::optional<std::string> checkRange(const KeyHistory& h, double v, std::string_view text) {
  if (!h.alsoAllowed.empty() && text == h.alsoAllowed) return std::nullopt;
  bool low = h.hasMin && v < h.min;
  bool high = h.hasMax && v > h.max;
  if (!low && !high) return std::nullopt;
  std::string msg =
      h.hasMax ? "must be between " + number(h.min) + " and " + number(h.max) : "must be at least " + number(h.min);
  if (!h.alsoAllowed.empty()) msg += " (or " + std::string(h.alsoAllowed) + ")";
  return msg;
}

}  // namespace

std::optional<std::string> validateValue(const KeySpec& spec, std::string_view raw) {
  // Kafka's ConfigDef trims values before parsing them.
  const std::string_view text = trimView(raw);
  const KeyHistory& h = *spec.history;
  double numeric = 0;
  bool isNumeric = false;
  switch (spec.type) {
    case Type::Boolean:
      if (!equalsIgnoreCase(text, "true") && !equalsIgnoreCase(text, "false")) {
        return std::string("expected true or false");
      }
      break;
    case Type::Short:
    case Type::Int:
    case Type::Long: {
      std::int64_t lo = std::numeric_limits<std::int64_t>::min();
      std::int64_t hi = std::numeric_limits<std::int64_t>::max();
      const char* what = "a 64-bit integer (long)";
      if (spec.type == Type::Int) {
        lo = std::numeric_limits<std::int32_t>::min();
        hi = std::numeric_limits<std::int32_t>::max();
        what = "a 32-bit integer (int)";
      } else if (spec.type == Type::Short) {
        lo = std::numeric_limits<std::int16_t>::min();
        hi = std::numeric_limits<std::int16_t>::max();
        what = "a 16-bit integer (short)";
      }
      std::int64_t v = 0;
      if (!parseJavaInteger(text, lo, hi, v)) return "expected " + std::string(what);
      numeric = double(v);
      isNumeric = true;
      break;
    }
    case Type::Double:
      if (!parseJavaDouble(text, numeric)) return std::string("expected a number (double)");
      isNumeric = true;
      break;
    case Type::List:
      if (h.validKind == ValidKind::Enum || h.validKind == ValidKind::EnumCaseInsensitive) {
        if (text.empty()) break;
        for (std::string_view item : splitView(text, ',')) {
          item = trimView(item);
          if (!enumContains(h.enumValues, item, h.validKind == ValidKind::EnumCaseInsensitive)) {
            return "each element must be one of: " + enumList(h.enumValues) + " (got '" + std::string(item) + "')";
          }
        }
        return std::nullopt;
      }
      break;
    case Type::String:
    case Type::Class:
    case Type::Password:
      break;
  }
  switch (h.validKind) {
    case ValidKind::Any:
      break;
    case ValidKind::Range:
      if (isNumeric) return checkRange(h, numeric, text);
      break;
    case ValidKind::Enum:
    case ValidKind::EnumCaseInsensitive:
      if (!enumContains(h.enumValues, text, h.validKind == ValidKind::EnumCaseInsensitive)) {
        return "must be one of: " + enumList(h.enumValues);
      }
      break;
    case ValidKind::NonEmpty:
      if (text.empty()) return std::string("must not be empty");
      break;
  }
  return std::nullopt;
}

}  // namespace kafkalint
