// What the Strimzi reader keeps from file to file (its state in the load): the Kafka clusters, node
// pools and topics read so far, linked once every file is read (strimzi_links.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"

namespace kafkalint {

inline constexpr std::string_view kStrimziReaderId = "strimzi";
inline constexpr std::string_view kStrimziClusterLabel = "strimzi.io/cluster";

struct StrimziKafka {
  Entity* cluster = nullptr;
  Entity* broker = nullptr;
  std::string name;
  std::string ns;
  FileId file = kNoFile;
  // spec.kafka.replicas as written (used when the audit has no node pools for this cluster).
  std::string replicas;
  SourceLocation replicasKey;
  SourceLocation replicasValue;
  SourceLocation anchor;
};

struct StrimziNodePool {
  std::string name;
  std::string cluster;
  std::string ns;
  FileId file = kNoFile;
  bool brokers = false;  // has the broker role: its nodes host partitions
  std::string replicas;
  SourceLocation replicasKey;
  SourceLocation replicasValue;
};

struct StrimziTopic {
  Entity* topic = nullptr;
  std::string cluster;
  std::string ns;
  FileId file = kNoFile;
  SourceLocation labelLocation;
};

struct StrimziIndex {
  std::vector<StrimziKafka> clusters;
  std::vector<StrimziNodePool> pools;
  std::vector<StrimziTopic> topics;
};

}  // namespace kafkalint
