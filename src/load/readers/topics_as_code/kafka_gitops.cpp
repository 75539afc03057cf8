// kafka-gitops state files: `topics` maps a name to partitions, replication and configs;
// settings.topics.defaults.replication applies to topics without their own.
#include <algorithm>
#include <iterator>

#include "readers/topics_as_code/topic_tools.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kGitopsRootKeys[] = {"settings",          "topics",        "services", "users",
                                                "customServiceAcls", "customUserAcls"};
constexpr std::string_view kGitopsTopicKeys[] = {"partitions", "replication", "configs"};

}  // namespace

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

}  // namespace kafkalint
