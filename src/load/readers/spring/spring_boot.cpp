// Spring Boot application.yml / application.properties: the spring.kafka.* properties Spring Boot
// turns into the Kafka client configs of the application's producers and consumers, and the
// ThingsBoard application config (queue.kafka.*, thingsboard.cpp), which keeps its Kafka settings
// under its own keys.
//
// Facts (Spring Boot KafkaProperties, Spring Kafka reference; ../shared/kafka/facts.md section 4):
//  - relaxed binding: auto-offset-reset, autoOffsetReset and auto_offset_reset are one property;
//  - precedence, lowest first: spring.kafka.bootstrap-servers/client-id, spring.kafka.properties.*,
//    the typed spring.kafka.producer.* / consumer.* properties, spring.kafka.producer.properties.* /
//    consumer.properties.* (map keys may be written in brackets: properties[max.block.ms]);
//  - spring.kafka.consumer.isolation-level has a non-null default and is always written, so
//    spring.kafka.properties.isolation.level never reaches a consumer;
//  - unknown spring.kafka.producer/consumer properties are ignored by Spring Boot;
//  - ${NAME:default} placeholders resolve to the default when NAME is not set.
#include <algorithm>
#include <cctype>
#include <map>
#include <span>

#include "input_builder.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"
#include "readers/spring/spring_properties.hpp"
#include "readers/spring/thingsboard.hpp"

namespace kafkalint {

namespace {

enum class Convert { None, Duration, DataSize, Enum };

struct TypedProperty {
  std::string_view spring;  // canonical name after spring.kafka.producer. / consumer.
  std::string_view kafka;
  Convert convert = Convert::None;
};

constexpr TypedProperty kProducer[] = {
    {"acks", "acks"},
    {"batch-size", "batch.size", Convert::DataSize},
    {"bootstrap-servers", "bootstrap.servers"},
    {"buffer-memory", "buffer.memory", Convert::DataSize},
    {"client-id", "client.id"},
    {"compression-type", "compression.type"},
    {"key-serializer", "key.serializer"},
    {"value-serializer", "value.serializer"},
    {"retries", "retries"},
    {"security.protocol", "security.protocol"},
};

constexpr TypedProperty kConsumer[] = {
    {"auto-commit-interval", "auto.commit.interval.ms", Convert::Duration},
    {"auto-offset-reset", "auto.offset.reset"},
    {"bootstrap-servers", "bootstrap.servers"},
    {"client-id", "client.id"},
    {"enable-auto-commit", "enable.auto.commit"},
    {"fetch-max-wait", "fetch.max.wait.ms", Convert::Duration},
    {"fetch-min-size", "fetch.min.bytes", Convert::DataSize},
    {"group-id", "group.id"},
    {"heartbeat-interval", "heartbeat.interval.ms", Convert::Duration},
    {"isolation-level", "isolation.level", Convert::Enum},
    {"key-deserializer", "key.deserializer"},
    {"value-deserializer", "value.deserializer"},
    {"max-poll-records", "max.poll.records"},
    {"max-poll-interval", "max.poll.interval.ms", Convert::Duration},
    {"security.protocol", "security.protocol"},
};

// Precedence of where a Kafka key came from, lowest first.
enum Rank { kCommonTyped = 0, kCommonProperties = 1, kTyped = 2, kSpecificProperties = 3 };

struct Candidate {
  Rank rank;
  std::string springName;  // as written
  std::string value;
  std::string detail;
  SourceLocation keyLocation;
  SourceLocation valueLocation;
};

// One spring.kafka.* property being read.
struct Property {
  std::vector<std::string> segments;
  std::string section;     // canonical third segment: producer, consumer, properties, bootstrap-servers...
  std::string springName;  // as written
  std::string value;       // placeholders replaced by their defaults
  std::string detail;
  SourceLocation keyLocation;
  SourceLocation valueLocation;
};

// A pass-through key (spring.kafka.properties.max.block.ms, ...properties[max.block.ms]) from
// segment `from` on.
std::string passThroughKey(const std::vector<std::string>& segments, std::size_t from) {
  std::string key;
  for (std::size_t i = from; i < segments.size(); ++i) {
    std::string s = segments[i];
    if (startsWith(s, "[") && s.size() >= 2) s = s.substr(1, s.size() - 2);
    key += (key.empty() ? "" : ".") + s;
  }
  return key;
}

std::string convertedValue(const TypedProperty& p, const std::string& value) {
  switch (p.convert) {
    case Convert::Duration:
      return durationMs(value);
    case Convert::DataSize:
      return dataSizeBytes(value);
    case Convert::Enum: {
      std::string v = toLower(value);
      std::replace(v.begin(), v.end(), '-', '_');
      return v;
    }
    case Convert::None:
      break;
  }
  return value;
}

class SpringReader {
 public:
  explicit SpringReader(InputBuilder& in) : in_(in) {}

  // Returns false when no spring.kafka.* property is in the entries.
  bool read(const std::vector<FlatEntry>& entries, const std::string& name) {
    std::vector<const FlatEntry*> kafka;
    for (const FlatEntry& e : entries) {
      auto segs = segments(e.path);
      if (segs.size() >= 3 && canonical(segs[0]) == "spring" && canonical(segs[1]) == "kafka") kafka.push_back(&e);
    }
    if (kafka.empty()) return false;
    bool producerKeys = false;
    bool consumerKeys = false;
    for (const FlatEntry* e : kafka) {
      const std::string section = canonical(segments(e->path)[2]);
      producerKeys = producerKeys || section == "producer" || section == "template";
      consumerKeys = consumerKeys || section == "consumer" || section == "listener";
    }
    if (!producerKeys && !consumerKeys) producerKeys = consumerKeys = true;  // only shared settings
    for (const FlatEntry* e : kafka) collect(*e);
    addClients(name, producerKeys, consumerKeys);
    return true;
  }

 private:
  void addClients(const std::string& name, bool producerKeys, bool consumerKeys) {
    Entity* producer = producerKeys ? &addClient(EntityKind::Producer, name, producer_) : nullptr;
    Entity* consumer = nullptr;
    if (consumerKeys) {
      dropSharedIsolationLevel();
      consumer = &addClient(EntityKind::Consumer, name, consumer_);
    }
    if (producer != nullptr && consumer != nullptr) {
      producer->sharedWith = consumer;
      consumer->sharedWith = producer;
    }
    in_.describe("Spring Boot spring.kafka.*: " + std::string(producer != nullptr ? "producer" : "") +
                 (producer != nullptr && consumer != nullptr ? " and " : "") + (consumer != nullptr ? "consumer" : "") +
                 (placeholders_ > 0
                      ? "; " + std::to_string(placeholders_) + " ${VAR:default} placeholder(s) read as their default"
                      : ""));
  }

  // isolation-level is always written by Spring Boot, above spring.kafka.properties.
  void dropSharedIsolationLevel() {
    auto it = consumer_.find("isolation.level");
    if (it == consumer_.end() || it->second.rank != kCommonProperties) return;
    in_.note(InputNote::Kind::Ignored, it->second.keyLocation,
             it->second.springName + "=" + it->second.value +
                 " does not reach the consumers: Spring Boot always writes spring.kafka.consumer.isolation-level "
                 "(default read_uncommitted) over spring.kafka.properties.*. Set "
                 "spring.kafka.consumer.isolation-level instead",
             it->second.springName);
    consumer_.erase(it);
  }

  void collect(const FlatEntry& e) {
    if (e.value->isMap() || e.value->isNull()) return;
    Property p;
    p.segments = segments(e.path);
    p.section = canonical(p.segments[2]);
    p.springName = e.path;
    std::vector<std::string> resolved;
    p.value = resolvePlaceholders(e.value->isScalar() ? e.value->scalar : joined(*e.value), resolved);
    placeholders_ += resolved.size();
    p.detail = placeholderDetail(resolved);
    p.keyLocation = e.key->location;
    p.valueLocation = e.value->location.line != 0 ? e.value->location : e.key->location;
    if (p.section == "properties" && p.segments.size() > 3) {
      sharedProperty(p);
    } else if ((p.section == "bootstrap-servers" || p.section == "client-id") && p.segments.size() == 3) {
      const std::string key = p.section == "bootstrap-servers" ? "bootstrap.servers" : "client.id";
      add(producer_, key, kCommonTyped, p, p.value);
      add(consumer_, key, kCommonTyped, p, p.value);
    } else if ((p.section == "producer" || p.section == "consumer") && p.segments.size() >= 4) {
      clientProperty(p);
    }  // else admin, streams, listener, ssl...: not client configs
  }

  // spring.kafka.properties.*: shared settings reach every client; a key only one kind has is
  // ignored by the other.
  void sharedProperty(const Property& p) {
    const std::string key = passThroughKey(p.segments, 3);
    const Catalog& catalog = Catalog::instance();
    const bool producerKey = catalog.knownInAnyRelease(ConfigScope::Producer, key);
    const bool consumerKey = catalog.knownInAnyRelease(ConfigScope::Consumer, key);
    if (producerKey || !consumerKey) add(producer_, key, kCommonProperties, p, p.value);
    if (consumerKey || !producerKey) add(consumer_, key, kCommonProperties, p, p.value);
  }

  // spring.kafka.producer.* / consumer.*: a typed property or a .properties.* pass-through.
  void clientProperty(const Property& p) {
    const bool isProducer = p.section == "producer";
    auto& into = isProducer ? producer_ : consumer_;
    const std::string field = canonical(p.segments[3]);
    if (field == "properties" && p.segments.size() > 4) {
      add(into, passThroughKey(p.segments, 4), kSpecificProperties, p, p.value);
      return;
    }
    std::string full = field;
    for (std::size_t i = 4; i < p.segments.size(); ++i) full.append(".").append(canonical(p.segments[i]));
    if (isProducer && full == "transaction-id-prefix") {
      // Each producer's transactional.id is this prefix plus a suffix: the producer is transactional.
      const std::string detail = p.detail.empty() ? "transaction-id-prefix " + p.value + " plus a suffix" : p.detail;
      producer_.insert_or_assign(
          "transactional.id", Candidate{kTyped, p.springName, p.value + "0", detail, p.keyLocation, p.valueLocation});
      return;
    }
    const std::span<const TypedProperty> table =
        isProducer ? std::span<const TypedProperty>(kProducer) : std::span<const TypedProperty>(kConsumer);
    const auto typed =
        std::find_if(table.begin(), table.end(), [&](const TypedProperty& t) { return t.spring == full; });
    if (typed != table.end()) {
      add(into, std::string(typed->kafka), kTyped, p, convertedValue(*typed, p.value));
    } else if (!startsWith(full, "ssl.") && !startsWith(full, "security.")) {  // TLS settings: not audited
      in_.note(InputNote::Kind::Ignored, p.keyLocation,
               p.springName +
                   " is not a Spring Boot property: Spring Boot ignores it. Kafka settings without a Spring "
                   "property go under spring.kafka." +
                   p.section + ".properties.*",
               p.springName);
    }
  }

  // Records `kafkaKey` = `value` from `p` unless a property of higher precedence set it.
  void add(std::map<std::string, Candidate>& into, const std::string& kafkaKey, Rank rank, const Property& p,
           std::string value) {
    Candidate c{rank, p.springName, std::move(value), p.detail, p.keyLocation, p.valueLocation};
    auto [it, inserted] = into.try_emplace(kafkaKey, c);
    if (inserted) return;
    Candidate& old = it->second;
    const bool newWins = rank >= old.rank;
    const Candidate& loser = newWins ? old : c;
    const Candidate& winner = newWins ? c : old;
    if (loser.rank != winner.rank && loser.value != winner.value) {
      in_.note(InputNote::Kind::Ignored, loser.keyLocation,
               loser.springName + "=" + loser.value + " is overridden by " + winner.springName + "=" + winner.value +
                   " (Spring Boot applies spring.kafka.*.properties.* over the typed properties, and those over "
                   "spring.kafka.properties.*)",
               loser.springName);
    }
    if (newWins) old = c;
  }

  static std::string joined(const TreeNode& seq) {
    std::string out;
    for (const TreeNode& item : seq.items) out += (out.empty() ? "" : ",") + item.scalar;
    return out;
  }

  Entity& addClient(EntityKind kind, const std::string& name, const std::map<std::string, Candidate>& settings) {
    Entity& e = in_.addEntity(kind, name, {in_.file(), 1, 1}, nullptr, "spring");
    e.classification = std::string("Spring Boot application config: the ") +
                       (kind == EntityKind::Producer ? "producer" : "consumer") +
                       " Spring Kafka builds from spring.kafka.*";
    // Lowest precedence first, so that the view's last-written rule agrees with Spring's.
    std::vector<const std::pair<const std::string, Candidate>*> ordered;
    ordered.reserve(settings.size());
    for (const auto& entry : settings) ordered.push_back(&entry);
    std::stable_sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->second.rank < b->second.rank; });
    for (const auto* entry : ordered) {
      Setting s;
      s.key = entry->first;
      s.value = entry->second.value;
      s.keyLocation = entry->second.keyLocation;
      s.valueLocation = entry->second.valueLocation;
      s.detail = entry->second.detail;
      e.settings.push_back(std::move(s));
    }
    return e;
  }

  InputBuilder& in_;
  std::map<std::string, Candidate> producer_;
  std::map<std::string, Candidate> consumer_;
  std::size_t placeholders_ = 0;
};

}  // namespace

bool readSpringBoot(const ConfigTree& tree, InputBuilder& in) {
  if (in.syntax() == InputSyntax::Env) return false;
  std::vector<FlatEntry> entries;
  for (const TreeNode& doc : tree.documents) flatten(doc, "", nullptr, entries);
  if (SpringReader(in).read(entries, in.displayPath())) return true;
  if (in.syntax() != InputSyntax::Yaml) return false;
  for (const TreeNode& doc : tree.documents) {
    if (doc.isMap() && readThingsBoard(doc, in)) return true;
  }
  return false;
}

}  // namespace kafkalint
