// Spring Boot application.yml / application.properties: the spring.kafka.* properties Spring Boot
// turns into the Kafka client configs of the application's producers and consumers, and the
// ThingsBoard application config (queue.kafka.*), which keeps its Kafka settings under its own keys.
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

namespace kafkalint {

namespace {

struct FlatEntry {
  std::string path;  // dotted, as written (bracketed map keys kept)
  const TreeNode* key;
  const TreeNode* value;
};

// A YAML document as Spring sees it: nested keys joined with dots, lists of scalars as one value.
void flatten(const TreeNode& node, const std::string& prefix, const TreeNode* keyNode, std::vector<FlatEntry>& out) {
  if (node.isMap()) {
    for (const auto& [k, v] : node.entries) {
      if (!k.isScalar()) continue;
      std::string path =
          prefix.empty() ? k.scalar : (startsWith(k.scalar, "[") ? prefix + k.scalar : prefix + "." + k.scalar);
      flatten(v, path, &k, out);
    }
    return;
  }
  if (keyNode == nullptr) return;
  if (node.isSeq()) {
    const bool scalars =
        std::all_of(node.items.begin(), node.items.end(), [](const TreeNode& i) { return i.isScalar(); });
    if (scalars) {
      out.push_back({prefix, keyNode, &node});
      return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      flatten(node.items[i], prefix + "[" + std::to_string(i) + "]", keyNode, out);
    }
    return;
  }
  out.push_back({prefix, keyNode, &node});
}

// Segments of a property path: dots separate, [..] is one segment (a map key kept verbatim).
std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '[') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      const auto close = path.find(']', i);
      const std::size_t end = close == std::string_view::npos ? path.size() : close;
      out.emplace_back(path.substr(i, end - i + 1));
      i = end;
    } else if (c == '.') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// Relaxed binding: camelCase, snake_case and kebab-case are the same property.
std::string canonical(std::string_view segment) {
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const char c = segment[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && out.back() != '-') out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c == '_' ? '-' : c;
    }
  }
  return out;
}

// Spring's ${NAME:default} placeholders replaced by their defaults. `resolved` lists the ones
// replaced; a placeholder without a default stays (its value is unknown).
std::string resolvePlaceholders(std::string_view text, std::vector<std::string>& resolved) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto open = text.find("${", i);
    if (open == std::string_view::npos) break;
    // The matching brace: defaults may hold nested placeholders.
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t j = open; j < text.size(); ++j) {
      if (text.compare(j, 2, "${") == 0) {
        ++depth;
        ++j;
      } else if (text[j] == '}' && --depth == 0) {
        close = j;
        break;
      }
    }
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string_view inner = text.substr(open + 2, close - open - 2);
    const auto colon = inner.find(':');
    if (colon == std::string_view::npos) {
      out.append(text.substr(open, close - open + 1));
    } else {
      resolved.emplace_back(text.substr(open, close - open + 1));
      std::vector<std::string> nested;
      out += resolvePlaceholders(inner.substr(colon + 1), nested);
    }
    i = close + 1;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

std::string placeholderDetail(const std::vector<std::string>& resolved) {
  if (resolved.empty()) return {};
  std::string names;
  for (const std::string& r : resolved) {
    const auto colon = r.find(':');
    names += (names.empty() ? "" : ", ") + r.substr(2, colon - 2);
  }
  return "the default of " + resolved.front() + (resolved.size() > 1 ? " (and others)" : "") +
         ", assuming the environment does not set " + names;
}

// A Spring Duration (10s, 500ms, PT1S, or a number of milliseconds) in milliseconds.
std::string durationMs(std::string_view text) {
  const std::string t = toLower(trimView(text));
  std::size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits == 0 || digits > 12) return std::string(text);
  const long long n = std::stoll(t.substr(0, digits));
  const std::string unit = t.substr(digits);
  if (unit.empty() || unit == "ms") return std::to_string(n);
  if (unit == "s") return std::to_string(n * 1000);
  if (unit == "m") return std::to_string(n * 60'000);
  if (unit == "h") return std::to_string(n * 3'600'000);
  return std::string(text);
}

// A Spring DataSize (1KB, 10MB, or a number of bytes) in bytes.
std::string dataSizeBytes(std::string_view text) {
  std::string t(trimView(text));
  for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits == 0 || digits > 12) return std::string(text);
  const long long n = std::stoll(t.substr(0, digits));
  const std::string unit = t.substr(digits);
  if (unit.empty() || unit == "B") return std::to_string(n);
  if (unit == "KB") return std::to_string(n * 1024);
  if (unit == "MB") return std::to_string(n * 1024 * 1024);
  return std::string(text);
}

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

    Entity* producer = nullptr;
    Entity* consumer = nullptr;
    if (producerKeys) producer = &addClient(EntityKind::Producer, name, producer_);
    if (consumerKeys) {
      // isolation-level is always written by Spring Boot, above spring.kafka.properties.
      if (auto it = consumer_.find("isolation.level"); it != consumer_.end() && it->second.rank == kCommonProperties) {
        in_.note(InputNote::Kind::Ignored, it->second.keyLocation,
                 it->second.springName + "=" + it->second.value +
                     " does not reach the consumers: Spring Boot always writes spring.kafka.consumer.isolation-level "
                     "(default read_uncommitted) over spring.kafka.properties.*. Set "
                     "spring.kafka.consumer.isolation-level instead",
                 it->second.springName);
        consumer_.erase(it);
      }
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
    return true;
  }

 private:
  void collect(const FlatEntry& e) {
    auto segs = segments(e.path);
    const std::string section = canonical(segs[2]);
    const std::string springName = e.path;
    if (e.value->isMap() || e.value->isNull()) return;
    std::vector<std::string> resolved;
    std::string value = e.value->isScalar() ? e.value->scalar : joined(*e.value);
    value = resolvePlaceholders(value, resolved);
    placeholders_ += resolved.size();
    const std::string detail = placeholderDetail(resolved);
    SourceLocation valueLocation = e.value->location.line != 0 ? e.value->location : e.key->location;

    auto add = [&](std::map<std::string, Candidate>& into, const std::string& kafkaKey, Rank rank, std::string v) {
      Candidate c{rank, springName, std::move(v), detail, e.key->location, valueLocation};
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
    };
    auto passThrough = [&](std::size_t from) {
      std::string key;
      for (std::size_t i = from; i < segs.size(); ++i) {
        std::string s = segs[i];
        if (startsWith(s, "[") && s.size() >= 2) s = s.substr(1, s.size() - 2);
        key += (key.empty() ? "" : ".") + s;
      }
      return key;
    };

    if (section == "properties" && segs.size() > 3) {
      const std::string key = passThrough(3);
      const Catalog& catalog = Catalog::instance();
      const bool producerKey = catalog.knownInAnyRelease(ConfigScope::Producer, key);
      const bool consumerKey = catalog.knownInAnyRelease(ConfigScope::Consumer, key);
      // Shared settings reach every client; a key only one kind has is ignored by the other.
      if (producerKey || !consumerKey) add(producer_, key, kCommonProperties, value);
      if (consumerKey || !producerKey) add(consumer_, key, kCommonProperties, value);
      return;
    }
    if ((section == "bootstrap-servers" || section == "client-id") && segs.size() == 3) {
      const std::string key = section == "bootstrap-servers" ? "bootstrap.servers" : "client.id";
      add(producer_, key, kCommonTyped, value);
      add(consumer_, key, kCommonTyped, value);
      return;
    }
    if (section != "producer" && section != "consumer") return;  // admin, streams, listener, ssl...
    const bool isProducer = section == "producer";
    auto& into = isProducer ? producer_ : consumer_;
    if (segs.size() < 4) return;
    const std::string field = canonical(segs[3]);
    if (field == "properties" && segs.size() > 4) {
      add(into, passThrough(4), kSpecificProperties, value);
      return;
    }
    std::string full = field;
    for (std::size_t i = 4; i < segs.size(); ++i) full += "." + canonical(segs[i]);
    if (isProducer && full == "transaction-id-prefix") {
      // Each producer's transactional.id is this prefix plus a suffix: the producer is transactional.
      Candidate c{kTyped,          springName,
                  value + "0",     detail.empty() ? "transaction-id-prefix " + value + " plus a suffix" : detail,
                  e.key->location, valueLocation};
      producer_.insert_or_assign("transactional.id", c);
      return;
    }
    std::span<const TypedProperty> table =
        isProducer ? std::span<const TypedProperty>(kProducer) : std::span<const TypedProperty>(kConsumer);
    for (const TypedProperty& p : table) {
      if (p.spring != full) continue;
      std::string v = value;
      if (p.convert == Convert::Duration) v = durationMs(value);
      if (p.convert == Convert::DataSize) v = dataSizeBytes(value);
      if (p.convert == Convert::Enum) {
        v = toLower(value);
        std::replace(v.begin(), v.end(), '-', '_');
      }
      add(into, std::string(p.kafka), kTyped, v);
      return;
    }
    if (startsWith(full, "ssl.") || startsWith(full, "security.")) return;  // TLS settings: not audited
    in_.note(InputNote::Kind::Ignored, e.key->location,
             springName +
                 " is not a Spring Boot property: Spring Boot ignores it. Kafka settings without a Spring "
                 "property go under spring.kafka." +
                 section + ".properties.*",
             springName);
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

// ThingsBoard keeps its Kafka client settings under queue.kafka.* (Java client keys, a few in
// snake_case) and its topics' settings in `topic-properties` strings "key:value;key:value".
class ThingsBoardReader {
 public:
  explicit ThingsBoardReader(InputBuilder& in) : in_(in) {}

  bool read(const TreeNode& root) {
    const TreeNode* kafka = root.at("queue", "kafka");
    if (kafka == nullptr || !kafka->isMap() || kafka->get("bootstrap.servers") == nullptr ||
        (kafka->get("acks") == nullptr && kafka->get("topic-properties") == nullptr)) {
      return false;
    }
    Entity& producer =
        in_.addEntity(EntityKind::Producer, in_.displayPath() + " queue.kafka", kafka->location, nullptr);
    producer.classification = "ThingsBoard queue.kafka producer settings";
    for (std::string_view key :
         {"bootstrap.servers", "acks", "retries", "compression.type", "batch.size", "linger.ms", "max.request.size",
          "max.in.flight.requests.per.connection", "buffer.memory", "request.timeout.ms"}) {
      if (const TreeNode* v = kafka->get(key); v != nullptr && v->isScalar()) set(producer, std::string(key), *v);
    }
    std::string replication;
    const TreeNode* replicationNode = kafka->get("replication_factor");
    if (replicationNode != nullptr && replicationNode->isScalar()) {
      std::vector<std::string> resolved;
      replication = resolvePlaceholders(replicationNode->scalar, resolved);
      replicationDetail_ = placeholderDetail(resolved);
    }
    std::size_t topics = 0;
    if (const TreeNode* props = kafka->get("topic-properties"); props != nullptr && props->isMap()) {
      for (const auto& [k, v] : props->entries) {
        if (!v.isScalar()) continue;
        Entity& topic = in_.addEntity(EntityKind::Topic, k.scalar, k.location, nullptr);
        topic.classification = "ThingsBoard queue.kafka.topic-properties." + k.scalar;
        if (replicationNode != nullptr) {
          Setting rf;
          rf.key = "replication.factor";
          rf.value = replication;
          rf.keyLocation = replicationNode->location;
          rf.valueLocation = replicationNode->location;
          rf.detail = "queue.kafka.replication_factor" + (replicationDetail_.empty() ? "" : ", " + replicationDetail_);
          topic.settings.push_back(std::move(rf));
        }
        topicProperties(topic, v);
        producer.produces.push_back({k.scalar, k.location});
        ++topics;
      }
    }
    in_.describe("ThingsBoard queue.kafka: producer settings and " + std::to_string(topics) +
                 " topic group(s); used when TB_QUEUE_TYPE=kafka (queue.type defaults to in-memory); ThingsBoard's "
                 "consumers commit offsets from its code, so their settings are not audited");
    return true;
  }

 private:
  void set(Entity& e, std::string key, const TreeNode& value) {
    std::vector<std::string> resolved;
    Setting s;
    s.key = std::move(key);
    s.value = resolvePlaceholders(value.scalar, resolved);
    s.keyLocation = s.valueLocation = value.location;
    s.detail = placeholderDetail(resolved);
    e.settings.push_back(std::move(s));
  }

  // "${VAR:k:v;k:v}" -> settings, each located at its own column in the quoted string.
  void topicProperties(Entity& topic, const TreeNode& node) {
    std::vector<std::string> resolved;
    const std::string text = resolvePlaceholders(node.scalar, resolved);
    const std::string detail = placeholderDetail(resolved);
    // Where the default starts in the written scalar, when it is written on one line.
    std::size_t base = node.scalar.find(text);
    if (base == std::string::npos) base = 0;
    const std::uint32_t quote = node.quoted ? 1 : 0;
    std::size_t offset = 0;
    for (std::string_view item : splitView(text, ';')) {
      const std::size_t at = offset;
      offset += item.size() + 1;
      const auto colon = item.find(':');
      if (item.empty() || colon == std::string_view::npos) continue;
      SourceLocation location = node.location;
      location.column += static_cast<std::uint32_t>(base + at) + quote;
      Setting s;
      s.key = std::string(trimView(item.substr(0, colon)));
      s.value = std::string(trimView(item.substr(colon + 1)));
      s.keyLocation = location;
      s.valueLocation = location;
      s.detail = detail;
      topic.settings.push_back(std::move(s));
    }
  }

  InputBuilder& in_;
  std::string replicationDetail_;
};

}  // namespace

bool readSpringBoot(const ConfigTree& tree, InputBuilder& in) {
  if (in.syntax() == InputSyntax::Env) return false;
  std::vector<FlatEntry> entries;
  for (const TreeNode& doc : tree.documents) flatten(doc, "", nullptr, entries);
  if (SpringReader(in).read(entries, in.displayPath())) return true;
  if (in.syntax() != InputSyntax::Yaml) return false;
  for (const TreeNode& doc : tree.documents) {
    if (doc.isMap() && ThingsBoardReader(in).read(doc)) return true;
  }
  return false;
}

}  // namespace kafkalint
