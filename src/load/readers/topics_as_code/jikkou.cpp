// Jikkou resources: KafkaTopic and KafkaTopicList (with replicas, partitions and configs), and the
// Jikkou ConfigMaps whose settings topics take through configMapRefs, from any file of the input.
#include <set>

#include "kafkalint/text.hpp"
#include "readers/topics_as_code/topic_tools.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kReaderId = "topics-as-code";

// ConfigMaps and the topics that refer to them may be in different files: kept until every file
// is read.
struct JikkouConfigMap {
  std::string name;
  FileId file = kNoFile;
  std::vector<Setting> settings;
};
struct JikkouRef {
  Entity* topic = nullptr;
  std::string configMap;
  SourceLocation location;
  FileId file = kNoFile;
};
struct TopicsIndex {
  std::vector<JikkouConfigMap> configMaps;
  std::vector<JikkouRef> refs;
};

class JikkouReader {
 public:
  JikkouReader(InputBuilder& in, TopicsIndex& found) : in_(in), found_(found), r_(in, "Jikkou") {}

  void readDocument(const TreeNode& doc) {
    const std::string kind = doc.text("kind");
    if (kind == "KafkaTopic") {
      readTopic(doc, "");
    } else if (kind == "KafkaTopicList") {
      const TreeNode* items = r_.optionalList(doc, "items", "items");
      if (items == nullptr) r_.fail(doc, "missing 'items' (the topics of the KafkaTopicList)");
      for (const TreeNode& item : items->items) readTopic(r_.map(item, "items[]"), "items[].");
    } else {
      readConfigMap(doc);
    }
  }

  [[nodiscard]] std::size_t topics() const { return topics_; }

 private:
  void readTopic(const TreeNode& node, const std::string& path) {
    const TreeNode* metadata = node.get("metadata");
    if (metadata == nullptr || !metadata->isMap())
      r_.fail(node, "missing '" + path + "metadata' with the topic's name");
    const std::string name = r_.requiredText(*metadata, "name", path + "metadata.name");
    Entity& topic = in_.addEntity(EntityKind::Topic, name, node.location, nullptr);
    topic.classification = "Jikkou KafkaTopic " + name;
    const TreeNode* spec = r_.optionalMap(node, "spec", path + "spec");
    if (spec != nullptr) {
      for (const auto& [k, v] : spec->entries) {
        if (k.scalar == "replicas" || k.scalar == "partitions") {
          r_.number(v, path + "spec." + k.scalar, true);  // -1: the broker's default
          in_.set(topic, k.scalar == "replicas" ? "replication.factor" : "partitions", k, v);
        }
      }
      if (const TreeNode* configs = r_.optionalMap(*spec, "configs", path + "spec.configs"))
        in_.setAll(topic, *configs);
      if (const TreeNode* refs = r_.optionalList(*spec, "configMapRefs", path + "spec.configMapRefs")) {
        for (const TreeNode& ref : refs->items) {
          found_.refs.push_back({&topic, r_.scalar(ref, path + "spec.configMapRefs[]"), ref.location, in_.file()});
        }
      }
    }
    // Jikkou reads a topic's settings from spec.configs only; a configs block beside spec is
    // silently dropped, and the topic gets the broker defaults instead.
    for (const auto& [k, v] : node.entries) {
      if (k.scalar != "configs") continue;
      std::string keys;
      if (v.isMap()) {
        for (const auto& [ck, cv] : v.entries) keys += (keys.empty() ? "" : ", ") + ck.scalar;
      }
      in_.note(InputNote::Kind::Ignored, k.location,
               "Jikkou ignores 'configs' beside 'spec' (it reads spec.configs): " +
                   (keys.empty() ? std::string("these settings") : keys) + " do not apply to topic " + name +
                   ", which gets the broker's values instead. Move them under spec.configs.",
               k.scalar);
    }
    ++topics_;
  }

  void readConfigMap(const TreeNode& doc) {
    const TreeNode* metadata = doc.get("metadata");
    if (metadata == nullptr || !metadata->isMap()) r_.fail(doc, "missing 'metadata' with the ConfigMap's name");
    JikkouConfigMap map;
    map.name = r_.requiredText(*metadata, "name", "metadata.name");
    map.file = in_.file();
    if (const TreeNode* data = r_.optionalMap(doc, "data", "data")) {
      // Read into a scratch entity: the settings are copied to each topic that refers to the map.
      Entity scratch;
      in_.setAll(scratch, *data);
      map.settings = std::move(scratch.settings);
    }
    found_.configMaps.push_back(std::move(map));
  }

  InputBuilder& in_;
  TopicsIndex& found_;
  TreeReading r_;
  std::size_t topics_ = 0;
};

const JikkouConfigMap* findConfigMap(const TopicsIndex& index, const JikkouRef& ref, std::size_t* candidates) {
  const JikkouConfigMap* sameFile = nullptr;
  const JikkouConfigMap* any = nullptr;
  *candidates = 0;
  for (const JikkouConfigMap& m : index.configMaps) {
    if (m.name != ref.configMap) continue;
    ++*candidates;
    any = &m;
    if (m.file == ref.file) sameFile = &m;
  }
  if (sameFile != nullptr) return sameFile;
  return *candidates == 1 ? any : nullptr;
}

}  // namespace

bool isJikkou(const TreeNode& doc) {
  if (!doc.isMap()) return false;
  const std::string api = doc.text("apiVersion");
  const std::string kind = doc.text("kind");
  return (startsWith(api, "kafka.jikkou.io/") && (kind == "KafkaTopic" || kind == "KafkaTopicList")) ||
         (startsWith(api, "core.jikkou.io/") && kind == "ConfigMap");
}

void readJikkou(const ConfigTree& tree, InputBuilder& in) {
  TopicsIndex found;
  JikkouReader reader(in, found);
  for (const TreeNode& doc : tree.documents) {
    if (isJikkou(doc)) reader.readDocument(doc);
  }
  in.describe("Jikkou resources: " + std::to_string(reader.topics()) + " topic(s), " +
              std::to_string(found.configMaps.size()) + " ConfigMap(s)");
  TopicsIndex& index = in.state<TopicsIndex>(kReaderId);
  for (JikkouConfigMap& m : found.configMaps) index.configMaps.push_back(std::move(m));
  for (JikkouRef& ref : found.refs) index.refs.push_back(ref);
}

void linkJikkou(LoadResult& result) {
  auto it = result.readerState.find(kReaderId);
  if (it == result.readerState.end()) return;
  const TopicsIndex& index = std::any_cast<const TopicsIndex&>(it->second);
  for (const JikkouRef& ref : index.refs) {
    std::size_t candidates = 0;
    const JikkouConfigMap* map = findConfigMap(index, ref, &candidates);
    if (map == nullptr) {
      result.model.notes.push_back(
          {InputNote::Kind::Unresolved,
           ref.location,
           "topic " + ref.topic->name + " takes settings from ConfigMap " + ref.configMap + ", " +
               (candidates == 0 ? std::string("which is not in the input")
                                : "which " + std::to_string(candidates) + " files of the input define") +
               ": those settings are not checked",
           {}});
      continue;
    }
    // The topic's own spec.configs win over a ConfigMap's values.
    std::set<std::string> own;
    for (const Setting& s : ref.topic->settings) own.insert(s.key);
    for (const Setting& s : map->settings) {
      if (!own.contains(s.key)) ref.topic->settings.push_back(s);
    }
  }
}

}  // namespace kafkalint
