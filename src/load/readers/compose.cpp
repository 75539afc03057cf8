// docker-compose files (and .env files) for the common Kafka images: each Kafka service's
// environment variables mapped back to the broker config keys its image writes into
// server.properties (kafka_images.hpp), one broker (or KRaft controller) entity per service, and a
// cluster entity per cluster the file runs.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "input_builder.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"
#include "readers/kafka_images.hpp"

namespace kafkalint {

namespace {

struct EnvVar {
  std::string name;
  std::string value;
  SourceLocation nameLocation;
  SourceLocation valueLocation;
  bool quoted = false;  // the value's location is its opening quote
};

// Keys whose presence makes a service (or .env file) a Kafka broker or controller.
constexpr std::string_view kNodeKeys[] = {
    "broker.id",
    "node.id",
    "process.roles",
    "zookeeper.connect",
    "listeners",
    "advertised.listeners",
    "controller.quorum.voters",
    "advertised.host.name",
    "log.dirs",
    "controller.listener.names",
};

KafkaImage imageOf(std::string_view image, const std::vector<EnvVar>& env) {
  const std::string lower = toLower(image);
  if (lower.find("bitnami/kafka") != std::string::npos) return KafkaImage::Bitnami;
  if (lower.find("wurstmeister/kafka") != std::string::npos) return KafkaImage::Wurstmeister;
  if (lower.find("cp-kafka") != std::string::npos || lower.find("cp-server") != std::string::npos) {
    return KafkaImage::Confluent;
  }
  if (lower.find("apache/kafka") != std::string::npos) return KafkaImage::Apache;
  // A locally built or parameterised image: its variables say which convention it follows.
  bool cfg = false;
  bool createTopics = false;
  for (const EnvVar& v : env) {
    cfg = cfg || startsWith(v.name, "KAFKA_CFG_");
    createTopics = createTopics || v.name == "KAFKA_CREATE_TOPICS";
  }
  if (cfg) return KafkaImage::Bitnami;
  if (createTopics) return KafkaImage::Wurstmeister;
  return KafkaImage::Unknown;
}

// The Kafka release an image tag names: apache/bitnami/wurstmeister tags are Kafka versions
// ("3.7", "2.13-2.8.1"), Confluent Platform X.Y ships Kafka (X-4).Y from 7.0 (6.Y: 2.(6+Y), 5.Y: 2.Y).
std::optional<KafkaVersion> versionOf(std::string_view image, KafkaImage family) {
  auto colon = image.rfind(':');
  if (colon == std::string_view::npos || image.find("${") != std::string_view::npos) return std::nullopt;
  std::string_view tag = image.substr(colon + 1);
  if (auto dash = tag.rfind('-'); family == KafkaImage::Wurstmeister && dash != std::string_view::npos) {
    tag = tag.substr(dash + 1);
  }
  if (auto dash = tag.find('-'); dash != std::string_view::npos) tag = tag.substr(0, dash);
  auto v = KafkaVersion::parse(tag);
  if (!v) return std::nullopt;
  if (family == KafkaImage::Confluent) return kafkaOfConfluentPlatform(*v);
  if (family == KafkaImage::Unknown) return std::nullopt;
  return v;
}

class ComposeReader {
 public:
  explicit ComposeReader(InputBuilder& in) : in_(in) {}

  // A compose file: every service whose environment configures a Kafka node.
  bool readCompose(const TreeNode& root) {
    const TreeNode* services = root.get("services");
    if (services == nullptr || !services->isMap()) return false;
    std::vector<Service> found;
    for (const auto& [name, service] : services->entries) {
      if (!service.isMap()) continue;
      const TreeNode* envNode = service.get("environment");
      if (envNode == nullptr) continue;
      std::vector<EnvVar> env = environment(*envNode);
      const TreeNode* imageNode = service.get("image");
      const std::string image = imageNode != nullptr && imageNode->isScalar() ? imageNode->scalar : "";
      KafkaImage family = imageOf(image, env);
      if (!isKafkaNode(env, family)) continue;
      const TreeNode* anchor = imageNode != nullptr ? imageNode : service.get("build");
      found.push_back({name.scalar, name.location, anchor != nullptr ? anchor->location : name.location, image, family,
                       std::move(env)});
    }
    if (found.empty()) return false;
    addNodes(found, services->location, false);
    return true;
  }

  // A .env file of a Kafka service: KAFKA_CFG_* (Bitnami) or KAFKA_* variables of one node.
  bool readEnvFile(const TreeNode& root) {
    std::vector<EnvVar> env;
    for (const auto& [k, v] : root.entries) env.push_back({k.scalar, v.scalar, k.location, v.location});
    const KafkaImage family = imageOf("", env);
    if (!isKafkaNode(env, family)) return false;
    std::vector<Service> one{{in_.displayPath(), root.location, root.location, "", family, std::move(env)}};
    addNodes(one, root.location, true);
    return true;
  }

 private:
  struct Service {
    std::string name;
    SourceLocation nameLocation;
    SourceLocation imageLocation;
    std::string image;
    KafkaImage family;
    std::vector<EnvVar> env;
  };

  [[noreturn]] void fail(const TreeNode& node, const std::string& what) const {
    throw InputError(in_.displayPath(), node.location.line, node.location.column, "docker-compose: " + what);
  }

  // `environment:` as a mapping (KEY: value) or a list ("- KEY=value").
  std::vector<EnvVar> environment(const TreeNode& node) {
    std::vector<EnvVar> out;
    if (node.isMap()) {
      for (const auto& [k, v] : node.entries) {
        if (v.isNull()) continue;  // KEY: with no value passes the host's variable through
        if (!v.isScalar()) fail(v, "expected the value of environment variable " + k.scalar + " to be a scalar");
        out.push_back({k.scalar, v.scalar, k.location, v.location, v.quoted});
      }
    } else if (node.isSeq()) {
      for (const TreeNode& item : node.items) {
        if (!item.isScalar()) fail(item, "expected an environment entry KEY=VALUE");
        const auto eq = item.scalar.find('=');
        if (eq == std::string::npos) continue;  // KEY alone passes the host's variable through
        SourceLocation name = item.location;
        if (item.quoted) ++name.column;
        SourceLocation value = name;
        value.column += static_cast<std::uint32_t>(eq + 1);
        out.push_back({item.scalar.substr(0, eq), item.scalar.substr(eq + 1), name, value});
      }
    } else if (!node.isNull()) {
      fail(node, "expected 'environment' to be a mapping or a list of KEY=VALUE");
    }
    return out;
  }

  static bool isKafkaNode(const std::vector<EnvVar>& env, KafkaImage family) {
    for (const EnvVar& v : env) {
      const std::string key = brokerKeyOfVariable(v.name, family);
      if (std::find(std::begin(kNodeKeys), std::end(kNodeKeys), key) != std::end(kNodeKeys)) return true;
    }
    return false;
  }

  static std::string find(const std::vector<EnvVar>& env, std::string_view name) {
    for (const EnvVar& v : env) {
      if (v.name == name) return v.value;
    }
    return {};
  }

  void addNodes(std::vector<Service>& services, SourceLocation servicesLocation, bool envFile) {
    // Services sharing a CLUSTER_ID form one cluster; without ids the file runs one cluster.
    std::map<std::string, std::vector<Service*>> clusters;
    std::vector<std::string> order;
    for (Service& s : services) {
      std::string id = find(s.env, "CLUSTER_ID");
      if (id.empty()) id = find(s.env, "KAFKA_KRAFT_CLUSTER_ID");
      if (!clusters.contains(id)) order.push_back(id);
      clusters[id].push_back(&s);
    }
    for (const std::string& id : order) addCluster(id, clusters[id], servicesLocation, envFile, order.size() > 1);
    if (!unknownImages_.empty()) {
      std::string names;
      for (const Service* s : unknownImages_) names += (names.empty() ? "" : ", ") + s->name;
      const Service& first = *unknownImages_.front();
      in_.note(InputNote::Kind::Unresolved, first.imageLocation,
               "service(s) " + names + ": the image (" + (first.image.empty() ? "built locally" : first.image) +
                   ") is not one kafkalint knows; KAFKA_* variables were read with the Confluent/apache convention, "
                   "and settings the image may add from its own base config are not known");
    }
  }

  // What the nodes of one cluster add up to.
  struct ClusterTally {
    std::size_t brokers = 0;
    std::set<std::string> racks;
    bool everyBrokerHasRack = true;
    Entity* firstBroker = nullptr;
    std::optional<KafkaVersion> version;
    std::vector<const EnvVar*> topicSpecs;  // KAFKA_CREATE_TOPICS
    const EnvVar* placementVar = nullptr;   // confluent.log.placement.constraints
  };

  void addCluster(const std::string& id, const std::vector<Service*>& services, SourceLocation servicesLocation,
                  bool envFile, bool several) {
    Entity* cluster = nullptr;
    if (!envFile) {
      std::string name = in_.displayPath();
      if (several && !id.empty()) name += " cluster " + id;
      cluster = &in_.addCluster(name, servicesLocation);
    }
    ClusterTally tally;
    for (Service* s : services) addNode(*s, cluster, envFile, tally);
    const std::size_t racks = tally.everyBrokerHasRack ? tally.racks.size() : 0;
    if (cluster != nullptr) {
      cluster->kafkaVersion = tally.version;
      in_.set(*cluster, "broker.count", std::to_string(tally.brokers), servicesLocation, servicesLocation);
      in_.set(*cluster, "rack.count", std::to_string(racks), servicesLocation, servicesLocation);
    }
    for (const EnvVar* spec : tally.topicSpecs) addTopics(*spec, tally.firstBroker, cluster, tally.version);
    if (tally.placementVar != nullptr) notePlacement(*tally.placementVar);
    in_.describe((cluster != nullptr ? cluster->name + ": " : "") + std::to_string(tally.brokers) + " broker(s), " +
                 std::to_string(services.size() - tally.brokers) + " controller-only node(s)" +
                 (racks > 0 ? ", " + std::to_string(racks) + " rack(s)" : ""));
  }

  // One service: a broker, or a KRaft controller-only node, with the settings of its variables.
  void addNode(Service& s, Entity* cluster, bool envFile, ClusterTally& tally) {
    std::vector<std::pair<std::string, const EnvVar*>> settings;
    for (const EnvVar& v : s.env) {
      std::string key = brokerKeyOfVariable(v.name, s.family);
      if (!key.empty()) settings.emplace_back(std::move(key), &v);
      if (v.name == "KAFKA_CREATE_TOPICS") tally.topicSpecs.push_back(&v);
    }
    std::string roles;
    std::string rack;
    for (const auto& [key, v] : settings) {
      if (key == "process.roles") roles = toLower(v->value);
      if (key == "broker.rack") rack = v->value;
      if (key == "confluent.log.placement.constraints" && tally.placementVar == nullptr) tally.placementVar = v;
    }
    const bool broker = roles.empty() || roles.find("broker") != std::string::npos;
    const std::optional<KafkaVersion> version = versionOf(s.image, s.family);
    if (version && !tally.version) tally.version = version;
    Entity& node = in_.addEntity(broker ? EntityKind::Broker : EntityKind::Controller, s.name, s.nameLocation, cluster);
    node.kafkaVersion = version;
    node.classification = envFile ? ".env file of a " : "docker-compose service (";
    node.classification.append(imageName(s.family)).append(envFile ? " image" : " image)");
    if (!broker) node.classification.append("; KRaft controller only (process.roles=").append(roles).append(")");
    addImageBase(node, s, settings, version);
    for (const auto& [key, v] : settings) in_.set(node, key, v->value, v->nameLocation, v->valueLocation);
    if (broker) {
      ++tally.brokers;
      if (tally.firstBroker == nullptr) tally.firstBroker = &node;
      tally.everyBrokerHasRack = tally.everyBrokerHasRack && !rack.empty();
      if (!rack.empty()) tally.racks.insert(rack);
    }
    if (s.family == KafkaImage::Unknown && !envFile) unknownImages_.push_back(&s);
  }

  // Bitnami and wurstmeister edit Kafka's stock server.properties: what the variables do not set
  // keeps the stock file's values, which replicate the internal topics once.
  void addImageBase(Entity& node, const Service& s, const std::vector<std::pair<std::string, const EnvVar*>>& settings,
                    const std::optional<KafkaVersion>& version) {
    const std::vector<std::string_view> keys = stockConfigKeys(s.family, version);
    if (keys.empty()) return;
    std::string detail = "the ";
    detail.append(imageName(s.family)).append(" image's base config, Kafka's stock server.properties");
    for (std::string_view key : keys) {
      const bool set = std::any_of(settings.begin(), settings.end(), [&](const auto& p) { return p.first == key; });
      if (set) continue;
      node.settings.push_back(
          {std::string(key), "1", s.imageLocation, s.imageLocation, ProvenanceKind::StaticBrokerConfig, detail});
    }
  }

  // wurstmeister's KAFKA_CREATE_TOPICS: "name:partitions:replicas[:cleanup.policy]", comma-separated.
  void addTopics(const EnvVar& spec, Entity* broker, Entity* cluster, const std::optional<KafkaVersion>& version) {
    std::size_t offset = 0;
    for (std::string_view item : splitView(spec.value, ',')) {
      SourceLocation at = spec.valueLocation;
      const std::size_t leading = item.find_first_not_of(" \t");
      at.column += static_cast<std::uint32_t>(offset + (leading == std::string_view::npos ? 0 : leading) +
                                              (spec.quoted ? 1 : 0));
      offset += item.size() + 1;
      item = trimView(item);
      if (item.empty()) continue;
      auto parts = splitView(item, ':');
      if (parts.size() < 3 || parts[0].empty()) {
        throw InputError(in_.displayPath(), at.line, at.column,
                         "docker-compose: KAFKA_CREATE_TOPICS entry '" + std::string(item) +
                             "': expected name:partitions:replicas[:cleanup.policy]");
      }
      Entity& topic = in_.addEntity(EntityKind::Topic, std::string(parts[0]), at, cluster);
      topic.inheritsFrom = broker;
      topic.kafkaVersion = version;
      topic.classification = "docker-compose: KAFKA_CREATE_TOPICS of the wurstmeister image";
      in_.set(topic, "partitions", std::string(parts[1]), at, at);
      in_.set(topic, "replication.factor", std::string(parts[2]), at, at);
      if (parts.size() > 3 && !parts[3].empty()) in_.set(topic, "cleanup.policy", std::string(parts[3]), at, at);
    }
  }

  // Confluent multi-region clusters: observers are replicas outside the ISR, so they do not count
  // toward min.insync.replicas; only the synchronous replicas protect acknowledged writes.
  void notePlacement(const EnvVar& var) {
    const std::string& json = var.value;
    auto countIn = [&json](std::string_view section) -> std::optional<int> {
      std::string quoted(1, '"');
      quoted.append(section).push_back('"');
      auto start = json.find(quoted);
      if (start == std::string::npos) return std::nullopt;
      auto open = json.find('[', start);
      auto close = json.find(']', open);
      if (open == std::string::npos || close == std::string::npos) return std::nullopt;
      int total = 0;
      for (auto pos = json.find("\"count\"", open); pos != std::string::npos && pos < close;
           pos = json.find("\"count\"", pos + 7)) {
        auto digits = json.find_first_of("0123456789", pos + 7);
        if (digits == std::string::npos) return std::nullopt;
        int n = 0;
        std::from_chars(json.data() + digits, json.data() + json.size(), n);
        total += n;
      }
      return total;
    };
    const auto replicas = countIn("replicas");
    const auto observers = countIn("observers").value_or(0);
    if (!replicas) {
      in_.note(InputNote::Kind::Unresolved, var.valueLocation,
               "confluent.log.placement.constraints could not be read (expected JSON with \"replicas\" counts): "
               "the replica placement of new topics is not known",
               "confluent.log.placement.constraints");
      return;
    }
    in_.note(InputNote::Kind::Unresolved, var.valueLocation,
             "confluent.log.placement.constraints places " + std::to_string(*replicas) +
                 " synchronous replica(s) and " + std::to_string(observers) +
                 " observer(s) per partition: observers are not in the ISR and do not count toward "
                 "min.insync.replicas, so topics created with this placement have " +
                 std::to_string(*replicas) + " replica(s) that protect acknowledged writes" +
                 (*replicas < 3
                      ? " (fewer than 3: one broker down leaves " + std::to_string(*replicas - 1) + " in-sync copy)"
                      : "") +
                 ". kafkalint's replication-factor rules do not model placement constraints; check "
                 "min.insync.replicas against the synchronous replicas only",
             "confluent.log.placement.constraints");
  }

  InputBuilder& in_;
  std::vector<const Service*> unknownImages_;
};

}  // namespace

bool readCompose(const ConfigTree& tree, InputBuilder& in) {
  if (in.syntax() == InputSyntax::Env) {
    if (tree.documents.size() != 1 || !tree.documents[0].isMap()) return false;
    return ComposeReader(in).readEnvFile(tree.documents[0]);
  }
  if (in.syntax() != InputSyntax::Yaml) return false;
  for (const TreeNode& doc : tree.documents) {
    if (!doc.isMap()) continue;
    if (ComposeReader(in).readCompose(doc)) return true;
  }
  return false;
}

}  // namespace kafkalint
