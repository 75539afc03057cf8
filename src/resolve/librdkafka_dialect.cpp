// librdkafka 2.0.2 (the version Debian 12 ships): its property names and aliases, its value
// spellings and its own defaults. Facts: ../shared/kafka/facts.md section 2 and the property table
// from librdkafka's CONFIGURATION.md at v2.0.2.
#include <cstdlib>

#include "dialects.hpp"
#include "kafkalint/catalog_data.hpp"
#include "kafkalint/text.hpp"
#include "key_families.hpp"

namespace kafkalint {

namespace {

using catalog_data::LibrdkafkaProperty;

const std::string kLabel = "librdkafka " + std::string(catalog_data::kLibrdkafkaVersion);

bool appliesTo(const LibrdkafkaProperty& p, EntityKind kind) {
  return kind == EntityKind::Producer ? p.producer : p.consumer;
}

// librdkafka's boolean parser accepts true/t/1 and false/f/0.
std::optional<bool> parseBool(std::string_view s) {
  if (equalsIgnoreCase(s, "true") || equalsIgnoreCase(s, "t") || s == "1") return true;
  if (equalsIgnoreCase(s, "false") || equalsIgnoreCase(s, "f") || s == "0") return false;
  return std::nullopt;
}

// librdkafka reads integers with strtol(base 0) and keeps an int: "0x10" is 16, trailing text is
// ignored, and out-of-range values wrap (observed with librdkafka 2.0.2).
std::optional<std::int64_t> parseInteger(std::string_view s) {
  std::string tmp(s);
  char* end = nullptr;
  long long v = std::strtoll(tmp.c_str(), &end, 0);
  if (end == tmp.c_str()) return std::nullopt;
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
}

std::optional<double> parseNumber(std::string_view s) {
  std::string tmp(s);
  char* end = nullptr;
  double d = std::strtod(tmp.c_str(), &end);
  if (end == tmp.c_str()) return std::nullopt;
  return d;
}

std::vector<std::string> propertiesFor(EntityKind kind) {
  std::vector<std::string> out;
  for (const LibrdkafkaProperty& p : Catalog::instance().librdkafkaAll()) {
    if (appliesTo(p, kind)) out.emplace_back(p.name);
  }
  return out;
}

class LibrdkafkaDialect final : public Dialect {
 public:
  explicit LibrdkafkaDialect(EntityKind kind)
      : kind_(kind), catalog_(Catalog::instance()), suggester_(propertiesFor(kind)) {}

  [[nodiscard]] std::string_view id() const override { return "librdkafka"; }
  [[nodiscard]] std::string label() const override {
    return kLabel + (kind_ == EntityKind::Producer ? " producer" : " consumer");
  }

  [[nodiscard]] KeyLookup lookup(std::string_view key) const override {
    KeyLookup out;
    if (const LibrdkafkaProperty* p = catalog_.librdkafka(key)) {
      if (appliesTo(*p, kind_)) {
        out.status = KeyLookup::Status::Known;
        out.canonical = p->aliasOf.empty() ? std::string(p->name) : std::string(p->aliasOf);
      } else {
        out.status = KeyLookup::Status::OtherScope;
        out.note = kind_ == EntityKind::Producer ? "it is a librdkafka consumer property; producers ignore it"
                                                 : "it is a librdkafka producer property; consumers ignore it";
      }
      return out;
    }
    if (auto family = keyFamily(scopeOf(kind_), key)) {
      out.status = KeyLookup::Status::Family;
      out.note = *family;
      return out;
    }
    const ConfigScope javaScope = scopeOf(kind_);
    if (catalog_.knownInAnyRelease(javaScope, key) || catalog_.knownInAnyRelease(ConfigScope::Admin, key)) {
      out.status = KeyLookup::Status::OtherScope;
      out.note =
          "it is a Java client setting that librdkafka does not have (rd_kafka_conf_set fails with "
          "\"No such configuration property\")";
      return out;
    }
    if (catalog_.knownInAnyRelease(ConfigScope::Topic, key) || catalog_.knownInAnyRelease(ConfigScope::Broker, key)) {
      out.status = KeyLookup::Status::OtherScope;
      out.note = "it is a topic/broker setting, not a client property";
    }
    return out;
  }

  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view key) const override {
    return suggester_.closest(key);
  }

  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    const LibrdkafkaProperty* p = catalog_.librdkafka(ruleKey);
    if (p == nullptr || !appliesTo(*p, kind_)) return std::nullopt;
    return p->aliasOf.empty() ? std::string(p->name) : std::string(p->aliasOf);
  }

  [[nodiscard]] std::optional<std::string> validate(const std::string& canonical, std::string_view raw) const override {
    const LibrdkafkaProperty* p = catalog_.librdkafka(canonical);
    if (p == nullptr) return std::nullopt;
    const std::string_view text = trimView(raw);
    if (p->type == "boolean") {
      if (!parseBool(text)) return std::string("expected true or false");
    } else if (p->type == "integer" || p->type == "float") {
      if (canonical == "request.required.acks" && equalsIgnoreCase(text, "all")) return std::nullopt;
      std::optional<double> v;
      if (p->type == "integer") {
        if (auto i = parseInteger(text)) v = double(*i);
      } else {
        v = parseNumber(text);
      }
      if (!v) return std::string(p->type == "integer" ? "expected an integer" : "expected a number");
      auto range = splitView(p->range, ' ');
      if (range.size() == 3 && range[1] == "..") {
        auto lo = parseNumber(range[0]);
        auto hi = parseNumber(range[2]);
        if (lo && hi && (*v < *lo || *v > *hi)) {
          return "must be between " + std::string(range[0]) + " and " + std::string(range[2]);
        }
      }
    } else if (p->type == "enum value") {
      bool ok = false;
      for (std::string_view item : splitView(p->range, ',')) ok = ok || equalsIgnoreCase(trimView(item), text);
      if (!ok) return "must be one of: " + std::string(p->range);
    }
    return std::nullopt;
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    auto name = nameFor(ruleKey);
    if (!name) return absentValue(ruleKey, label() + " has no " + std::string(ruleKey) + " setting");
    const LibrdkafkaProperty* p = catalog_.librdkafka(*name);
    auto typed = [this, &ruleKey, p](std::string_view text) { return toKafkaValue(ruleKey, *p, text); };
    if (const Setting* s = view.written(*name)) return writtenValue(ruleKey, *s, typed);
    if (auto derived = derivedDefault(ruleKey, *name, view)) return *derived;
    if (p->defaultValue.empty()) {
      return defaultValue(ruleKey, *name, "", Value::null(), ProvenanceKind::ClientDefault,
                          "not set (no default in " + kLabel + ")");
    }
    return defaultValue(ruleKey, *name, std::string(p->defaultValue), typed(p->defaultValue),
                        ProvenanceKind::ClientDefault, kLabel + " default");
  }

 private:
  // librdkafka spellings in Kafka's vocabulary, typed like the Java key the rules use.
  [[nodiscard]] Value toKafkaValue(std::string_view ruleKey, const LibrdkafkaProperty& p, std::string_view raw) const {
    const std::string_view text = trimView(raw);
    if (ruleKey == "acks") {
      if (equalsIgnoreCase(text, "all")) return Value("all");
      auto v = parseInteger(text);
      if (!v) return Value::unknown("not an acks value");
      return Value(*v == -1 ? std::string("all") : std::to_string(*v));
    }
    if (ruleKey == "auto.offset.reset") {
      const std::string t = toLower(text);
      if (t == "smallest" || t == "earliest" || t == "beginning") return Value("earliest");
      if (t == "largest" || t == "latest" || t == "end") return Value("latest");
      if (t == "error") return Value("none");
      return Value::unknown("not an auto.offset.reset value");
    }
    if (p.type == "boolean") {
      auto b = parseBool(text);
      return b ? Value(*b) : Value::unknown("not a boolean");
    }
    if (p.type == "integer") {
      auto v = parseInteger(text);
      return v ? Value(*v) : Value::unknown("not an integer");
    }
    if (p.type == "float") {
      auto d = parseNumber(text);
      if (!d) return Value::unknown("not a number");
      if (*d == double(std::int64_t(*d))) return Value(std::int64_t(*d));
      return Value(*d);
    }
    if (p.type == "enum value") return Value(toLower(text));
    return Value(std::string(text));
  }

  std::optional<EffectiveValue> derivedDefault(std::string_view ruleKey, const std::string& name,
                                               EntityView& view) const {
    if (kind_ != EntityKind::Producer) return std::nullopt;
    auto transactional = [&view] {
      const EffectiveValue& t = view.get("transactional.id");
      return !t.value.isNull() && !(t.value.kind() == Value::Kind::String && t.value.asString().empty());
    };
    if (ruleKey == "enable.idempotence" && transactional()) {
      return defaultValue(ruleKey, name, "true", Value(true), ProvenanceKind::Derived,
                          "on: " + kLabel + " enables idempotence when transactional.id is set");
    }
    if (ruleKey == "max.in.flight.requests.per.connection") {
      const EffectiveValue& idem = view.get("enable.idempotence");
      if (idem.value.kind() == Value::Kind::Bool && idem.value.asBool()) {
        return defaultValue(ruleKey, name, "5", Value(std::int64_t{5}), ProvenanceKind::Derived,
                            "capped at 5 by " + kLabel + " because idempotence is on");
      }
    }
    if (ruleKey == "delivery.timeout.ms" && transactional()) {
      const EffectiveValue& t = view.get("transaction.timeout.ms");
      return defaultValue(ruleKey, name, t.text, t.value, ProvenanceKind::Derived,
                          "set by " + kLabel + " to transaction.timeout.ms because transactional.id is set");
    }
    return std::nullopt;
  }

  EntityKind kind_;
  const Catalog& catalog_;
  KeySuggester suggester_;
};

}  // namespace

std::unique_ptr<Dialect> makeLibrdkafkaDialect(EntityKind kind, const KafkaVersion& /*version*/) {
  return std::make_unique<LibrdkafkaDialect>(kind);
}

}  // namespace kafkalint
