// JulieOps topologies: topics named context.<other top-level fields>.project.topic[.dataType],
// with the replication factor and partitions of their config; plans are in files of their own.
#include "readers/topics_as_code/topic_tools.hpp"
#include "readers/tree_reading.hpp"

namespace kafkalint {

namespace {

// JulieOps takes the partition count and replication factor from the topic's config.
void readConfig(const TreeNode& config, Entity& topic, InputBuilder& in, const TreeReading& r) {
  for (const auto& [k, v] : config.entries) {
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

void readTopic(const TreeNode& t, const std::string& projectPrefix, const std::string& projectName, InputBuilder& in,
               const TreeReading& r) {
  r.map(t, "projects[].topics[]");
  std::string name = projectPrefix + "." + r.requiredText(t, "name", "projects[].topics[].name");
  if (const TreeNode* dataType = t.get("dataType"); dataType != nullptr && dataType->isScalar()) {
    name += "." + dataType->scalar;
  }
  Entity& topic = in.addEntity(EntityKind::Topic, name, t.location, nullptr);
  topic.classification = "JulieOps topic of project " + projectName;
  if (const TreeNode* config = r.optionalMap(t, "config", "projects[].topics[].config"))
    readConfig(*config, topic, in, r);
  if (const TreeNode* plan = t.get("plan")) {
    const std::string& planName = r.scalar(*plan, "plan");
    in.note(InputNote::Kind::Unresolved, plan->location,
            "topic " + name + " uses plan " + planName +
                ", defined in a plans file that is not in the input: the plan's settings take precedence over the "
                "topic's config, so what is checked here may not be what JulieOps applies",
            "plan");
  }
}

}  // namespace

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
    std::string projectPrefix = prefix + '.';
    projectPrefix += projectName;
    for (const TreeNode& t : topics->items) readTopic(t, projectPrefix, projectName, in, r);
    count += topics->items.size();
  }
  in.describe("JulieOps topology " + prefix + ": " + std::to_string(count) + " topic(s)");
}

}  // namespace kafkalint
