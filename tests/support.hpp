// Helpers shared by the tests: run the pipeline on text, find findings.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kafkalint/evaluate.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint::test {

struct Audit {
  LoadResult loaded;
  std::vector<Finding> findings;

  [[nodiscard]] std::vector<const Finding*> byRule(const std::string& id) const;
  [[nodiscard]] bool has(const std::string& id) const { return !byRule(id).empty(); }
  [[nodiscard]] std::string describe() const;  // every finding, one per line, for failure messages
};

struct AuditOptions {
  std::string name = "test.properties";
  std::string version = "4.1";
  std::string kind;  // "", or a --kind value such as "producer" or "client:librdkafka"
};

// Loads `text` as one .properties file and runs every built-in rule on it.
Audit audit(const std::string& text, const AuditOptions& options = {});
// Files of any kind (YAML, TOML, .env, .properties) written to a fresh temporary directory under
// their names and loaded as the command line loads them; findings name them by their path there
// (the same as auditWritten without --kind).
Audit auditTempFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1");
// Same, with several named files.
Audit auditFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1");

// Writes each (name, text) into a fresh temporary directory and audits the files the way the CLI
// does (loadInputs: structured inputs, links across files). Display paths are the written paths.
Audit auditWritten(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1",
                   const std::vector<std::pair<std::string, std::string>>& kinds = {});  // --kind KIND=NAME
// Audits files already on disk with loadInputs.
Audit auditPaths(const std::vector<std::string>& paths, const std::string& version = "4.1",
                 const LoadOptions& options = {});

// A live cluster built in code, as the cluster loader reads one: a cluster entity (broker.count,
// rack.count), a broker entity per broker, and topics with the configs DescribeConfigs gave (each
// with its origin) and the placement Metadata gave.
struct LivePartition {
  std::int32_t id = 0;
  std::int32_t leader = -1;
  std::vector<std::int32_t> replicas;
  std::vector<std::int32_t> isr;
};
struct LiveSetting {
  std::string key;
  std::string value;
  ProvenanceKind origin = ProvenanceKind::TopicOverride;
};

class LiveClusterBuilder {
 public:
  // Brokers by id, with their broker.rack ("" for none); a rack map without a broker models one
  // whose configs could not be read.
  explicit LiveClusterBuilder(Model& model, const std::map<std::int32_t, std::string>& brokerRacks,
                              const std::string& name = "live");
  // A topic with min.insync.replicas=2 (dynamic cluster-wide default) and unclean leader election
  // off (Kafka default), overridden by `configs`; replication.factor (the smallest replica count)
  // and partitions come from the partitions.
  Entity& topic(const std::string& name, const std::vector<LivePartition>& partitions,
                const std::vector<LiveSetting>& configs = {});
  LiveCluster& live() { return *live_; }

 private:
  Model& model_;
  Entity* cluster_;
  Entity* broker_;  // the broker topics inherit from
  LiveCluster* live_;
};

// `count` partitions with `rf` replicas each, all in sync, spread over brokers 1..`brokers`.
std::vector<LivePartition> inSyncPartitions(int count, int rf, int brokers = 3);
// Runs every built-in rule on a model built in code (a live cluster, usually).
Audit auditModel(void (*build)(Model&), const std::string& version = "4.1");
// Whether a JSON report follows docs/report.schema.json: "" when it does, else the validator's error.
std::string reportSchemaErrors(const std::string& json);

// The entity of that kind and name, or nullptr; the last setting of a key, or nullptr.
const Entity* findEntity(const Model& model, EntityKind kind, const std::string& name);
const Setting* findSetting(const Entity& entity, const std::string& key);

const RuleSet& builtinRules();

std::string sourceDir();  // the repository
std::string sharedDir();  // ../shared
std::string readFile(const std::string& path);

}  // namespace kafkalint::test
