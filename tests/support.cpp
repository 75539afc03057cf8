#include "support.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace kafkalint::test {

std::vector<const Finding*> Audit::byRule(const std::string& id) const {
  std::vector<const Finding*> out;
  for (const Finding& f : findings) {
    if (f.ruleId == id) out.push_back(&f);
  }
  return out;
}

std::string Audit::describe() const {
  std::string out;
  for (const Finding& f : findings) {
    out += f.ruleId + " " + std::string(severityId(f.severity)) + " " + std::string(entityKindId(f.entityKind)) + " " +
           f.message + "\n";
  }
  for (const InputError& e : loaded.errors) out += std::string("input error: ") + e.what() + "\n";
  return out;
}

const RuleSet& builtinRules() {
  static const RuleSet rules = RuleSet::builtin();
  return rules;
}

Audit auditFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version) {
  Audit a;
  for (const auto& [name, text] : files) loadText(a.loaded, name, text, LoadOptions{});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditTempFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version) {
  return auditWritten(files, version);
}

Audit audit(const std::string& text, const AuditOptions& options) {
  // Structured files (YAML, TOML, .env) go through the readers, as on the command line.
  for (const char* ext : {".yaml", ".yml", ".toml", ".env"}) {
    if (options.kind.empty() && options.name.ends_with(ext))
      return auditTempFiles({{options.name, text}}, options.version);
  }
  Audit a;
  LoadOptions load;
  if (!options.kind.empty()) load.kindOverrides.push_back(parseKindOverride(options.kind + "=" + options.name));
  loadText(a.loaded, options.name, text, load);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(options.version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditPaths(const std::vector<std::string>& paths, const std::string& version, const LoadOptions& options) {
  Audit a;
  a.loaded = loadInputs(paths, options);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditWritten(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version,
                   const std::vector<std::pair<std::string, std::string>>& kinds) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  const fs::path dir =
      fs::temp_directory_path() / ("kafkalint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) {
    const fs::path path = dir / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    paths.push_back(path.string());
  }
  LoadOptions options;
  for (const auto& [kind, name] : kinds)
    options.kindOverrides.push_back(parseKindOverride(kind + "=" + (dir / name).string()));
  Audit a = auditPaths(paths, version, options);
  fs::remove_all(dir);
  return a;
}

const Entity* findEntity(const Model& model, EntityKind kind, const std::string& name) {
  for (const Entity& e : model.entities) {
    if (e.kind == kind && e.name == name) return &e;
  }
  return nullptr;
}

const Setting* findSetting(const Entity& entity, const std::string& key) {
  const Setting* found = nullptr;
  for (const Setting& s : entity.settings) {
    if (s.key == key) found = &s;
  }
  return found;
}

LiveClusterBuilder::LiveClusterBuilder(Model& model, const std::map<std::int32_t, std::string>& brokerRacks,
                                       const std::string& name)
    : model_(model) {
  std::set<std::string> racks;
  for (const auto& [id, rack] : brokerRacks) {
    if (!rack.empty()) racks.insert(rack);
  }
  Entity& cluster = model.entities.emplace_back();
  cluster.kind = EntityKind::Cluster;
  cluster.name = name;
  cluster.fromCluster = true;
  for (auto [key, value] : {std::pair{"broker.count", brokerRacks.size()}, std::pair{"rack.count", racks.size()}}) {
    cluster.settings.push_back(Setting{key, std::to_string(value), {}, {}, ProvenanceKind::ClusterMetadata, ""});
  }
  cluster_ = &cluster;
  broker_ = nullptr;
  for (const auto& [id, rack] : brokerRacks) {
    Entity& broker = model.entities.emplace_back();
    broker.kind = EntityKind::Broker;
    broker.name = std::to_string(id);
    broker.fromCluster = true;
    broker.cluster = &cluster;
    broker.settings = {
        {"min.insync.replicas", "2", {}, {}, ProvenanceKind::DynamicDefaultBroker, ""},
        {"default.replication.factor", "3", {}, {}, ProvenanceKind::StaticBrokerConfig, ""},
        {"auto.create.topics.enable", "false", {}, {}, ProvenanceKind::StaticBrokerConfig, ""},
    };
    if (!rack.empty()) broker.settings.push_back({"broker.rack", rack, {}, {}, ProvenanceKind::StaticBrokerConfig, ""});
    if (broker_ == nullptr) broker_ = &broker;
  }
  LiveCluster& live = model.live.emplace_back();
  live.bootstrap = "localhost:9092";
  live.clusterId = "test-cluster-id";
  live.controllerId = brokerRacks.empty() ? -1 : brokerRacks.begin()->first;
  live.entity = &cluster;
  live.racks = brokerRacks;
  live_ = &live;
}

Entity& LiveClusterBuilder::topic(const std::string& name, const std::vector<LivePartition>& partitions,
                                  const std::vector<LiveSetting>& configs) {
  auto placement = std::make_shared<TopicPlacement>();
  std::size_t rf = partitions.empty() ? 0 : partitions.front().replicas.size();
  for (const LivePartition& p : partitions) {
    placement->add(p.id, p.leader, 0, p.replicas, p.isr);
    rf = std::min(rf, p.replicas.size());
  }
  Entity& topic = model_.entities.emplace_back();
  topic.kind = EntityKind::Topic;
  topic.name = name;
  topic.fromCluster = true;
  topic.cluster = cluster_;
  topic.inheritsFrom = broker_;
  topic.placement = placement;
  topic.settings = {
      {"min.insync.replicas", "2", {}, {}, ProvenanceKind::DynamicDefaultBroker, ""},
      {"unclean.leader.election.enable", "false", {}, {}, ProvenanceKind::KafkaDefault, ""},
      {"replication.factor", std::to_string(rf), {}, {}, ProvenanceKind::ClusterMetadata, ""},
      {"partitions", std::to_string(partitions.size()), {}, {}, ProvenanceKind::ClusterMetadata, ""},
  };
  for (const LiveSetting& c : configs) topic.settings.push_back({c.key, c.value, {}, {}, c.origin, ""});
  return topic;
}

std::vector<LivePartition> inSyncPartitions(int count, int rf, int brokers) {
  std::vector<LivePartition> out;
  for (int p = 0; p < count; ++p) {
    LivePartition partition{p, 0, {}, {}};
    for (int r = 0; r < rf; ++r) partition.replicas.push_back(1 + (p + r) % brokers);
    partition.leader = partition.replicas.front();
    partition.isr = partition.replicas;
    out.push_back(std::move(partition));
  }
  return out;
}

Audit auditModel(void (*build)(Model&), const std::string& version) {
  Audit a;
  build(a.loaded.model);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

std::string reportSchemaErrors(const std::string& json) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  const fs::path base =
      fs::temp_directory_path() / ("kafkalint-schema-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::ofstream(base.string() + ".json", std::ios::binary) << json;
  const std::string command = std::string(KAFKALINT_PYTHON) +
                              " -c 'import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                              "json.load(open(sys.argv[2])))' " +
                              base.string() + ".json " + sourceDir() + "/docs/report.schema.json > " + base.string() +
                              ".out 2>&1";
  const int status = std::system(command.c_str());
  std::string errors = status == 0 ? "" : "exit " + std::to_string(status) + ": " + readFile(base.string() + ".out");
  fs::remove(base.string() + ".json");
  fs::remove(base.string() + ".out");
  return errors;
}

std::string sourceDir() { return KAFKALINT_SOURCE_DIR; }
std::string sharedDir() { return KAFKALINT_SHARED_DIR; }

std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace kafkalint::test
