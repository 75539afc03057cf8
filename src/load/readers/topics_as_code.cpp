// Topics declared as code by the tools users already run: Jikkou resources (KafkaTopic,
// KafkaTopicList, and the ConfigMaps their configMapRefs name), JulieOps topologies and
// kafka-gitops state files. They describe topics only: without the brokers' config in the input,
// the topic rules say what they cannot know.
#include <set>

#include "kafkalint/text.hpp"
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

bool isJikkou(const TreeNode& doc) {
  if (!doc.isMap()) return false;
  const std::string api = doc.text("apiVersion");
  const std::string kind = doc.text("kind");
  return (startsWith(api, "kafka.jikkou.io/") && (kind == "KafkaTopic" || kind == "KafkaTopicList")) ||
         (startsWith(api, "core.jikkou.io/") && kind == "ConfigMap");
}

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

// JulieOps names a topic context.<other top-level fields>.project.topic[.dataType].
bool isJulieOps(const TreeNode& root) {
  const TreeNode* context = root.get("context");
  const TreeNode* projects = root.get("projects");
  return root.isMap() && context != nullptr && context->isScalar() && projects != nullptr && projects->isSeq();
}

void readJulieOps(const TreeNode& root, InputBuilder& in) {
  TreeReading r(in, "JulieOps topology");
  std::string prefix = r.scalar(*root.get("context"), "context");
  for (const auto& [k, v] : root.entries) {
    if (k.scalar == "context" || k.scalar == "projects" || !v.isScalar()) continue;
    prefix += "." + v.scalar;
  }
  std::size_t count = 0;
  for (const TreeNode& project : root.get("projects")->items) {
    r.map(project, "projects[]");
    const std::string projectName = r.requiredText(project, "name", "projects[].name");
    const TreeNode* topics = r.optionalList(project, "topics", "projects[].topics");
    if (topics == nullptr) continue;
    for (const TreeNode& t : topics->items) {
      r.map(t, "projects[].topics[]");
      std::string name = prefix + "." + projectName + "." + r.requiredText(t, "name", "projects[].topics[].name");
      if (const TreeNode* dataType = t.get("dataType"); dataType != nullptr && dataType->isScalar()) {
        name += "." + dataType->scalar;
      }
      Entity& topic = in.addEntity(EntityKind::Topic, name, t.location, nullptr);
      topic.classification = "JulieOps topic of project " + projectName;
      if (const TreeNode* config = r.optionalMap(t, "config", "projects[].topics[].config")) {
        // JulieOps takes the partition count and replication factor from the topic's config.
        for (const auto& [k, v] : config->entries) {
          if (k.scalar == "replication.factor" || k.scalar == "num.partitions") {
            r.number(v, "config." + k.scalar, true);
            in.set(topic, k.scalar == "replication.factor" ? "replication.factor" : "partitions", k, v);
          } else if (v.isMap()) {
            in.setAll(topic, v, k.scalar);
          } else {
            in.set(topic, k.scalar, k, v);
          }
        }
      }
      if (const TreeNode* plan = t.get("plan")) {
        const std::string& planName = r.scalar(*plan, "plan");
        in.note(InputNote::Kind::Unresolved, plan->location,
                "topic " + name + " uses plan " + planName +
                    ", defined in a plans file that is not in the input: the plan's settings take precedence over the "
                    "topic's config, so what is checked here may not be what JulieOps applies",
                "plan");
      }
      ++count;
    }
  }
  in.describe("JulieOps topology " + prefix + ": " + std::to_string(count) + " topic(s)");
}

// kafka-gitops: `topics` maps a name to partitions, replication and configs; settings.topics.
// defaults.replication applies to topics without their own.
constexpr std::string_view kGitopsRootKeys[] = {"settings",          "topics",        "services", "users",
                                                "customServiceAcls", "customUserAcls"};
constexpr std::string_view kGitopsTopicKeys[] = {"partitions", "replication", "configs"};

bool isKafkaGitops(const TreeNode& root) {
  if (!root.isMap()) return false;
  const TreeNode* topics = root.get("topics");
  if (topics == nullptr || !topics->isMap() || topics->entries.empty()) return false;
  for (const auto& [k, v] : root.entries) {
    if (std::find(std::begin(kGitopsRootKeys), std::end(kGitopsRootKeys), k.scalar) == std::end(kGitopsRootKeys)) {
      return false;
    }
  }
  for (const auto& [name, topic] : topics->entries) {
    if (!topic.isMap() || topic.entries.empty()) return false;
    for (const auto& [k, v] : topic.entries) {
      if (std::find(std::begin(kGitopsTopicKeys), std::end(kGitopsTopicKeys), k.scalar) == std::end(kGitopsTopicKeys)) {
        return false;
      }
    }
  }
  return true;
}

void readKafkaGitops(const TreeNode& root, InputBuilder& in) {
  TreeReading r(in, "kafka-gitops state file");
  const TreeEntry* defaultReplication = nullptr;
  if (const TreeNode* defaults = root.at("settings", "topics", "defaults"); defaults != nullptr && defaults->isMap()) {
    for (const auto& e : defaults->entries) {
      if (e.first.scalar == "replication") defaultReplication = &e;
    }
    if (defaultReplication != nullptr) r.number(defaultReplication->second, "settings.topics.defaults.replication");
  }
  const TreeNode& topics = *root.get("topics");
  for (const auto& [name, spec] : topics.entries) {
    Entity& topic = in.addEntity(EntityKind::Topic, name.scalar, name.location, nullptr);
    topic.classification = "kafka-gitops topic";
    bool ownReplication = false;
    for (const auto& [k, v] : spec.entries) {
      if (k.scalar == "partitions" || k.scalar == "replication") {
        r.number(v, "topics." + name.scalar + "." + k.scalar);
        in.set(topic, k.scalar == "replication" ? "replication.factor" : "partitions", k, v);
        ownReplication = ownReplication || k.scalar == "replication";
      }
    }
    if (!ownReplication && defaultReplication != nullptr) {
      in.set(topic, "replication.factor", defaultReplication->first, defaultReplication->second);
    }
    if (const TreeNode* configs = r.optionalMap(spec, "configs", "topics." + name.scalar + ".configs")) {
      in.setAll(topic, *configs);
    }
  }
  in.describe("kafka-gitops state file: " + std::to_string(topics.entries.size()) + " topic(s)" +
              (defaultReplication != nullptr ? ", default replication " + defaultReplication->second.scalar : ""));
}

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

bool readTopicsAsCode(const ConfigTree& tree, InputBuilder& in) {
  if (std::any_of(tree.documents.begin(), tree.documents.end(), isJikkou)) {
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
    return true;
  }
  if (tree.documents.size() != 1) return false;
  const TreeNode& root = tree.documents[0];
  if (isJulieOps(root)) {
    readJulieOps(root, in);
    return true;
  }
  if (isKafkaGitops(root)) {
    readKafkaGitops(root, in);
    return true;
  }
  return false;
}

void linkTopicsAsCode(LoadResult& result) {
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
      if (own.count(s.key) == 0) ref.topic->settings.push_back(s);
    }
  }
}

}  // namespace kafkalint
