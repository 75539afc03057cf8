#include "rule_tests/cluster_description.hpp"

#include <memory>

namespace kafkalint {

namespace {

std::vector<LiveConfig> configs(const YamlValues& in, const TreeNode& node, LiveConfig::Source source) {
  std::vector<LiveConfig> out;
  for (auto& [name, value] : in.textMap(node, "configs")) {
    LiveConfig c;
    c.name = name;
    c.value = value;
    c.source = source;
    out.push_back(std::move(c));
  }
  return out;
}

LiveBroker broker(const YamlValues& in, const TreeNode& node) {
  in.mapping(node, "a broker", {"id", "rack", "configs", "error", "in_metadata"});
  LiveBroker b;
  const TreeNode* id = node.get("id");
  if (id == nullptr) in.fail(node, "a broker needs an 'id'");
  b.id = std::int32_t(in.integer(*id, "id"));
  b.host = "broker-" + std::to_string(b.id);
  b.port = 9092;
  if (const TreeNode* c = node.get("configs")) b.configs = configs(in, *c, LiveConfig::Source::StaticBroker);
  if (const TreeNode* rack = node.get("rack")) {
    LiveConfig c;
    c.name = "broker.rack";
    c.value = in.text(*rack, "rack");
    c.source = LiveConfig::Source::StaticBroker;
    b.configs.push_back(std::move(c));
  }
  if (const TreeNode* e = node.get("error")) b.error = in.text(*e, "error");
  if (const TreeNode* m = node.get("in_metadata")) b.inMetadata = in.boolean(*m, "in_metadata");
  return b;
}

std::shared_ptr<TopicPlacement> placement(const YamlValues& in, const TreeNode& node) {
  if (!node.isSeq()) in.fail(node, "expected a list of partitions");
  auto out = std::make_shared<TopicPlacement>();
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const TreeNode& p = node.items[i];
    in.mapping(p, "a partition", {"leader", "replicas", "isr"});
    const TreeNode* leader = p.get("leader");
    const TreeNode* replicas = p.get("replicas");
    if (leader == nullptr || replicas == nullptr) in.fail(p, "a partition needs a 'leader' and 'replicas'");
    const std::vector<std::int32_t> r = in.integers(*replicas, "replicas");
    const TreeNode* isr = p.get("isr");
    const std::vector<std::int32_t> inSync = isr != nullptr ? in.integers(*isr, "isr") : r;
    out->add(std::int32_t(i), std::int32_t(in.integer(*leader, "leader")), 0, r, inSync);
  }
  return out;
}

LiveTopic topic(const YamlValues& in, const TreeNode& node) {
  in.mapping(node, "a topic", {"name", "configs", "partitions", "config_error", "metadata_error", "internal"});
  LiveTopic t;
  const TreeNode* name = node.get("name");
  if (name == nullptr) in.fail(node, "a topic needs a 'name'");
  t.name = in.text(*name, "name");
  if (const TreeNode* c = node.get("configs")) t.configs = configs(in, *c, LiveConfig::Source::TopicOverride);
  if (const TreeNode* p = node.get("partitions")) t.placement = placement(in, *p);
  if (const TreeNode* e = node.get("config_error")) t.configError = in.text(*e, "config_error");
  if (const TreeNode* e = node.get("metadata_error")) t.metadataError = in.text(*e, "metadata_error");
  if (const TreeNode* i = node.get("internal")) t.internal = in.boolean(*i, "internal");
  return t;
}

}  // namespace

ClusterSnapshot readClusterDescription(const YamlValues& in, const TreeNode& node) {
  in.mapping(node, "a cluster", {"id", "controller", "brokers", "topics", "error", "groups_error"});
  ClusterSnapshot s;
  s.bootstrap = "test-cluster:9092";
  if (const TreeNode* id = node.get("id")) s.clusterId = in.text(*id, "id");
  if (const TreeNode* c = node.get("controller")) s.controllerId = std::int32_t(in.integer(*c, "controller"));
  if (const TreeNode* e = node.get("error")) s.error = in.text(*e, "error");
  if (const TreeNode* e = node.get("groups_error")) s.groupsError = in.text(*e, "groups_error");
  if (const TreeNode* brokers = node.get("brokers")) {
    if (!brokers->isSeq()) in.fail(*brokers, "expected a list of brokers");
    for (const TreeNode& b : brokers->items) s.brokers.push_back(broker(in, b));
  }
  if (const TreeNode* topics = node.get("topics")) {
    if (!topics->isSeq()) in.fail(*topics, "expected a list of topics");
    for (const TreeNode& t : topics->items) s.topics.push_back(topic(in, t));
  }
  return s;
}

}  // namespace kafkalint
