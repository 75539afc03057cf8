#include "readers/helm/chart_reader.hpp"

#include <filesystem>

namespace kafkalint {

const TreeEntry* lastEntry(const TreeNode* mapping, std::string_view key) {
  if (mapping == nullptr || !mapping->isMap()) return nullptr;
  const TreeEntry* found = nullptr;
  for (const auto& e : mapping->entries) {
    if (e.first.scalar == key) found = &e;
  }
  return found;
}

ChartReader::ChartReader(InputBuilder& in, const TreeNode& root, std::string chart)
    : in_(in), root_(root), chart_(std::move(chart)), r_(in, chart_ + " values") {
  name_ = std::filesystem::path(in.displayPath()).filename().string();
}

Entity& ChartReader::addCluster(const std::optional<KafkaVersion>& version) {
  Entity& cluster = in_.addCluster(name_, root_.location);
  cluster.kafkaVersion = version;
  cluster_ = &cluster;
  return cluster;
}

Entity& ChartReader::addBrokers(std::string name, const std::optional<KafkaVersion>& version, const std::string& from,
                                SourceLocation origin) {
  Entity& broker = in_.addEntity(EntityKind::Broker, std::move(name), origin, cluster_);
  broker.kafkaVersion = version;
  broker.classification = chart_ + " values: " + from;
  return broker;
}

SourceLocation ChartReader::anchor(std::string_view key) const {
  const auto* e = lastEntry(&root_, key);
  return e != nullptr ? e->first.location : root_.location;
}

void ChartReader::brokerCount(const TreeEntry* count, const std::string& chartDefault) {
  if (count == nullptr) {
    in_.set(*cluster_, "broker.count", chartDefault, root_.location, root_.location);
    return;
  }
  r_.number(count->second, count->first.scalar);
  in_.set(*cluster_, "broker.count", count->first, count->second);
}

void ChartReader::rackCount(const std::vector<Entity*>& brokers, const TreeNode* rackAwareness) {
  bool rack = rackAwareness != nullptr && rackAwareness->isScalar() && rackAwareness->scalar == "true";
  for (const Entity* b : brokers) {
    for (const Setting& s : b->settings) rack = rack || s.key == "broker.rack";
  }
  if (!rack) in_.set(*cluster_, "rack.count", "0", root_.location, root_.location);
}

}  // namespace kafkalint
