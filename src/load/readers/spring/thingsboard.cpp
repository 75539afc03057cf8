#include "readers/spring/thingsboard.hpp"

#include "kafkalint/text.hpp"
#include "readers/spring/spring_properties.hpp"

namespace kafkalint {

namespace {

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

bool readThingsBoard(const TreeNode& root, InputBuilder& in) { return ThingsBoardReader(in).read(root); }

}  // namespace kafkalint
