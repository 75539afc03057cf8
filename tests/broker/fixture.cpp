#include "broker/fixture.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>

namespace kafkalint::testbroker {

namespace {

using Json = nlohmann::ordered_json;

struct NamedCode {
  const char* name;
  std::int16_t code;
};

// Errors#message() of Apache Kafka 3.9 and 4.1 (the same in both) for the codes fixtures can name.
struct CodeMessage {
  std::int16_t code;
  const char* message;
};
constexpr CodeMessage kErrorMessages[] = {
    {-1, "The server experienced an unexpected error when processing the request."},
    {3, "This server does not host this topic-partition."},
    {5, "There is no leader for this topic-partition as we are in the middle of a leadership election."},
    {6,
     "For requests intended only for the leader, this error indicates that the broker is not the current leader. "
     "For requests intended for any replica, this error indicates that the broker is not a replica of the topic "
     "partition."},
    {7, "The request timed out."},
    {8, "The broker is not available."},
    {9,
     "The replica is not available for the requested topic-partition. Produce/Fetch requests and other requests "
     "intended only for the leader or follower return NOT_LEADER_OR_FOLLOWER if the broker is not a replica of the "
     "topic-partition."},
    {14, "The coordinator is loading and hence can't process requests."},
    {15, "The coordinator is not available."},
    {16, "This is not the correct coordinator."},
    {19, "Messages are rejected since there are fewer in-sync replicas than required."},
    {29, "Topic authorization failed."},
    {30, "Group authorization failed."},
    {31, "Cluster authorization failed."},
    {35, "The version of API is not supported."},
    {42,
     "This most likely occurs because of a request being malformed by the client library or the message was sent "
     "to an incompatible broker. See the broker logs for more details."},
    {44, "Request parameters do not satisfy the configured policy."},
    {69, "The group id does not exist."},
    {100, "This server does not host this topic ID."},
};

// The error codes fixtures are likely to name (Kafka's Errors enum); any other is given as a number.
constexpr NamedCode kErrorNames[] = {
    {"NONE", 0},
    {"UNKNOWN_SERVER_ERROR", -1},
    {"UNKNOWN_TOPIC_OR_PARTITION", 3},
    {"LEADER_NOT_AVAILABLE", 5},
    {"NOT_LEADER_OR_FOLLOWER", 6},
    {"REQUEST_TIMED_OUT", 7},
    {"BROKER_NOT_AVAILABLE", 8},
    {"REPLICA_NOT_AVAILABLE", 9},
    {"COORDINATOR_LOAD_IN_PROGRESS", 14},
    {"COORDINATOR_NOT_AVAILABLE", 15},
    {"NOT_COORDINATOR", 16},
    {"NOT_ENOUGH_REPLICAS", 19},
    {"TOPIC_AUTHORIZATION_FAILED", 29},
    {"GROUP_AUTHORIZATION_FAILED", 30},
    {"CLUSTER_AUTHORIZATION_FAILED", 31},
    {"UNSUPPORTED_VERSION", 35},
    {"POLICY_VIOLATION", 44},
    {"INVALID_REQUEST", 42},
    {"GROUP_ID_NOT_FOUND", 69},
    {"UNKNOWN_TOPIC_ID", 100},
};

// API keys of the Kafka protocol, so that the request log names whatever a client sends.
constexpr NamedCode kApiNames[] = {
    {"Produce", 0},
    {"Fetch", 1},
    {"ListOffsets", 2},
    {"Metadata", 3},
    {"LeaderAndIsr", 4},
    {"StopReplica", 5},
    {"UpdateMetadata", 6},
    {"ControlledShutdown", 7},
    {"OffsetCommit", 8},
    {"OffsetFetch", 9},
    {"FindCoordinator", 10},
    {"JoinGroup", 11},
    {"Heartbeat", 12},
    {"LeaveGroup", 13},
    {"SyncGroup", 14},
    {"DescribeGroups", 15},
    {"ListGroups", 16},
    {"SaslHandshake", 17},
    {"ApiVersions", 18},
    {"CreateTopics", 19},
    {"DeleteTopics", 20},
    {"DeleteRecords", 21},
    {"InitProducerId", 22},
    {"OffsetForLeaderEpoch", 23},
    {"AddPartitionsToTxn", 24},
    {"AddOffsetsToTxn", 25},
    {"EndTxn", 26},
    {"WriteTxnMarkers", 27},
    {"TxnOffsetCommit", 28},
    {"DescribeAcls", 29},
    {"CreateAcls", 30},
    {"DeleteAcls", 31},
    {"DescribeConfigs", 32},
    {"AlterConfigs", 33},
    {"AlterReplicaLogDirs", 34},
    {"DescribeLogDirs", 35},
    {"SaslAuthenticate", 36},
    {"CreatePartitions", 37},
    {"CreateDelegationToken", 38},
    {"RenewDelegationToken", 39},
    {"ExpireDelegationToken", 40},
    {"DescribeDelegationToken", 41},
    {"DeleteGroups", 42},
    {"ElectLeaders", 43},
    {"IncrementalAlterConfigs", 44},
    {"AlterPartitionReassignments", 45},
    {"ListPartitionReassignments", 46},
    {"OffsetDelete", 47},
    {"DescribeClientQuotas", 48},
    {"AlterClientQuotas", 49},
    {"DescribeUserScramCredentials", 50},
    {"AlterUserScramCredentials", 51},
    {"DescribeCluster", 60},
    {"DescribeProducers", 61},
};

constexpr NamedCode kSourceNames[] = {
    {"UNKNOWN", config_source::kUnknown},
    {"DYNAMIC_TOPIC_CONFIG", config_source::kDynamicTopic},
    {"TOPIC_CONFIG", config_source::kDynamicTopic},
    {"DYNAMIC_BROKER_CONFIG", config_source::kDynamicBroker},
    {"DYNAMIC_DEFAULT_BROKER_CONFIG", config_source::kDynamicDefaultBroker},
    {"STATIC_BROKER_CONFIG", config_source::kStaticBroker},
    {"DEFAULT_CONFIG", config_source::kDefault},
    {"DYNAMIC_BROKER_LOGGER_CONFIG", 6},
};

std::int16_t lookup(const Json& v, std::span<const NamedCode> table, const char* what) {
  if (v.is_number_integer()) return v.get<std::int16_t>();
  if (v.is_string()) {
    const auto name = v.get<std::string>();
    for (const auto& entry : table) {
      if (name == entry.name) return entry.code;
    }
    // Numbers written as strings are fine too ("29").
    std::int16_t code = 0;
    auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), code);
    if (ec == std::errc() && end == name.data() + name.size()) return code;
  }
  throw FixtureError(std::string("unknown ") + what + ": " + v.dump());
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Topic ids are derived from the name, so they are stable across runs and never the zero UUID.
Uuid topicIdFor(std::string_view name) {
  Uuid id{};
  const std::uint64_t hi = fnv1a(name, 14695981039346656037ULL);
  const std::uint64_t lo = fnv1a(name, 0x9E3779B97F4A7C15ULL) | 1;
  for (int i = 0; i < 8; ++i) {
    id[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(hi >> (56 - 8 * i));
    id[static_cast<std::size_t>(i + 8)] = static_cast<std::uint8_t>(lo >> (56 - 8 * i));
  }
  return id;
}

std::optional<std::string> optionalString(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  return it->dump();  // numbers and booleans as Kafka prints them
}

ConfigSet parseConfigs(const Json& configs, std::int8_t defaultSource, const std::string& where) {
  ConfigSet out;
  if (configs.is_null()) return out;
  if (!configs.is_object()) throw FixtureError(where + ": \"configs\" must be an object");
  for (const auto& [name, spec] : configs.items()) {
    ConfigEntry entry;
    entry.name = name;
    entry.source = defaultSource;
    if (spec.is_object()) {
      entry.value = optionalString(spec, "value");
      if (spec.contains("source"))
        entry.source = static_cast<std::int8_t>(lookup(spec["source"], kSourceNames, "config source"));
      entry.readOnly = spec.value("read_only", false);
      entry.sensitive = spec.value("sensitive", false);
      entry.configType = static_cast<std::int8_t>(spec.value("type", 0));
      entry.documentation = optionalString(spec, "documentation");
      if (spec.contains("synonyms")) {
        for (const auto& syn : spec["synonyms"]) {
          ConfigSynonym synonym;
          synonym.name = syn.value("name", name);
          synonym.value = optionalString(syn, "value");
          synonym.source =
              static_cast<std::int8_t>(lookup(syn.value("source", Json("UNKNOWN")), kSourceNames, "config source"));
          entry.synonyms.push_back(std::move(synonym));
        }
      } else {
        entry.synonyms.push_back({entry.name, entry.value, entry.source});
      }
    } else {
      entry.value = spec.is_null()
                        ? std::nullopt
                        : (spec.is_string() ? std::optional(spec.get<std::string>()) : std::optional(spec.dump()));
      entry.synonyms.push_back({entry.name, entry.value, entry.source});
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::int16_t errorFor(const Json& obj, const char* key) {
  auto errors = obj.find("errors");
  if (errors == obj.end() || !errors->contains(key)) return 0;
  return lookup((*errors)[key], kErrorNames, "error code");
}

Faults parseFaults(const Json& j) {
  Faults faults;
  if (j.is_null()) return faults;
  if (j.contains("delay_ms")) {
    for (const auto& [api, ms] : j["delay_ms"].items()) faults.delayMs[apiKeyFromName(api)] = ms.get<std::int32_t>();
  }
  faults.dropAfterRequests = j.value("drop_after_requests", 0);
  for (const auto& api : j.value("drop_on", Json::array())) faults.dropOnApis.insert(lookup(api, kApiNames, "API"));
  for (const auto& api : j.value("truncate", Json::array())) faults.truncateApis.insert(lookup(api, kApiNames, "API"));
  if (j.contains("corrupt")) {
    for (const auto& [api, how] : j["corrupt"].items()) {
      faults.corruptApis[apiKeyFromName(api)] = corruptionFromName(how.get<std::string>());
    }
  }
  faults.vanishAfterRequests = j.value("vanish_after_requests", 0);
  return faults;
}

void writeString(std::vector<std::uint8_t>& out, std::string_view s) {
  out.push_back(static_cast<std::uint8_t>(s.size() >> 8));
  out.push_back(static_cast<std::uint8_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

void writeInt32(std::vector<std::uint8_t>& out, std::int32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(v) >> shift));
}

std::vector<std::uint8_t> fromHex(const std::string& hex, const std::string& where) {
  if (hex.size() % 2 != 0) throw FixtureError(where + ": odd-length hex string");
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (ec != std::errc() || end != hex.data() + i + 2) throw FixtureError(where + ": bad hex string");
    out.push_back(static_cast<std::uint8_t>(value));
  }
  return out;
}

// ConsumerProtocolSubscription v0: version, topics, user data (null), as the Java consumer writes it.
std::vector<std::uint8_t> consumerSubscription(const Json& topics) {
  std::vector<std::uint8_t> out = {0, 0};
  writeInt32(out, static_cast<std::int32_t>(topics.size()));
  for (const auto& t : topics) writeString(out, t.get<std::string>());
  writeInt32(out, -1);
  return out;
}

// ConsumerProtocolAssignment v0: version, [topic, [partition]], user data (null).
std::vector<std::uint8_t> consumerAssignment(const Json& assignment) {
  std::vector<std::uint8_t> out = {0, 0};
  writeInt32(out, static_cast<std::int32_t>(assignment.size()));
  for (const auto& [topic, partitions] : assignment.items()) {
    writeString(out, topic);
    writeInt32(out, static_cast<std::int32_t>(partitions.size()));
    for (const auto& p : partitions) writeInt32(out, p.get<std::int32_t>());
  }
  writeInt32(out, -1);
  return out;
}

GeneratedTopics parseGenerated(const Json& g, const std::string& where) {
  GeneratedTopics set;
  const std::string pattern = g.value("name", "topic-{i}");
  const auto brace = pattern.find("{i}");
  if (brace == std::string::npos) throw FixtureError(where + ": generated topic name needs \"{i}\"");
  set.prefix = pattern.substr(0, brace);
  set.suffix = pattern.substr(brace + 3);
  set.count = g.value("count", std::int64_t{0});
  set.first = g.value("first", std::int64_t{0});
  set.partitions = g.value("partitions", 1);
  set.replicationFactor = g.value("replication_factor", 1);
  set.isrShrinkEvery = g.value("isr_shrink_every", std::int64_t{0});
  set.isrShrinkBy = g.value("isr_shrink_by", 1);
  set.leaderlessEvery = g.value("leaderless_every", std::int64_t{0});
  set.internal = g.value("internal", false);
  set.configs =
      std::make_shared<ConfigSet>(parseConfigs(g.value("configs", Json()), config_source::kDynamicTopic, where));
  set.metadataError = errorFor(g, "metadata");
  set.describeConfigsError = errorFor(g, "describe_configs");
  if (set.count < 0 || set.partitions < 1 || set.replicationFactor < 1 || set.isrShrinkBy < 1) {
    throw FixtureError(where + ": count, partitions, replication_factor and isr_shrink_by must be positive");
  }
  return set;
}

TopicSpec parseTopic(const Json& t, const std::string& where) {
  TopicSpec topic;
  topic.name = t.at("name").get<std::string>();
  topic.id = topicIdFor(topic.name);
  topic.internal = t.value("internal", false);
  topic.configs =
      std::make_shared<ConfigSet>(parseConfigs(t.value("configs", Json()), config_source::kDynamicTopic, where));
  topic.metadataError = errorFor(t, "metadata");
  topic.describeConfigsError = errorFor(t, "describe_configs");
  std::int32_t index = 0;
  for (const auto& p : t.value("partitions", Json::array())) {
    PartitionSpec partition;
    partition.index = p.value("index", index);
    partition.replicas = p.value("replicas", std::vector<std::int32_t>{});
    partition.leader = p.value("leader", partition.replicas.empty() ? -1 : partition.replicas.front());
    partition.isr = p.value("isr", partition.replicas);
    partition.offlineReplicas = p.value("offline", std::vector<std::int32_t>{});
    partition.leaderEpoch = p.value("leader_epoch", 0);
    partition.errorCode = p.contains("error")
                              ? lookup(p["error"], kErrorNames, "error code")
                              : (partition.leader < 0 ? error_code::kLeaderNotAvailable : error_code::kNone);
    topic.partitions.push_back(std::move(partition));
    index = topic.partitions.back().index + 1;
  }
  return topic;
}

}  // namespace

std::int16_t errorCodeFromName(const std::string& name) { return lookup(Json(name), kErrorNames, "error code"); }

std::string errorMessage(std::int16_t code) {
  for (const auto& entry : kErrorMessages) {
    if (entry.code == code) return entry.message;
  }
  return code == 0 ? "" : "error " + std::to_string(code);
}

std::int32_t javaHashCode(std::string_view utf8) {
  std::uint32_t h = 0;
  auto add = [&h](std::uint32_t unit) { h = 31 * h + unit; };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    if (i + len > utf8.size()) len = 1, cp = c;  // a truncated sequence counts byte by byte
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      add(0xD800 + (cp >> 10));
      add(0xDC00 + (cp & 0x3FF));
    } else {
      add(cp);
    }
    i += len;
  }
  return static_cast<std::int32_t>(h);
}
std::int16_t apiKeyFromName(const std::string& name) { return lookup(Json(name), kApiNames, "API"); }

std::string apiName(std::int16_t apiKey) {
  for (const auto& entry : kApiNames) {
    if (entry.code == apiKey) return entry.name;
  }
  return "Unknown" + std::to_string(apiKey);
}

Cluster loadCluster(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw FixtureError("cannot read fixture " + path);
  Json j;
  try {
    j = Json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const Json::exception& e) {
    throw FixtureError(path + ": " + e.what());
  }
  Cluster cluster;
  try {
    cluster.clusterId = j.value("cluster_id", cluster.clusterId);
    for (const auto& b : j.at("brokers")) {
      BrokerSpec broker;
      broker.id = b.at("id").get<std::int32_t>();
      const std::string where = path + ": broker " + std::to_string(broker.id);
      broker.host = b.value("host", broker.host);
      broker.port = b.value("port", std::uint16_t{0});
      broker.rack = optionalString(b, "rack");
      broker.configs = parseConfigs(b.value("configs", Json()), config_source::kStaticBroker, where);
      broker.down = b.value("down", false);
      broker.unreachable = b.value("unreachable", false);
      broker.describeConfigsError = errorFor(b, "describe_configs");
      broker.listGroupsError = errorFor(b, "list_groups");
      broker.faults = parseFaults(b.value("faults", Json()));
      if (cluster.broker(broker.id)) throw FixtureError(where + " is defined twice");
      cluster.brokers.push_back(std::move(broker));
    }
    if (cluster.brokers.empty()) throw FixtureError(path + ": a cluster needs at least one broker");
    if (j.contains("controller_id") && j["controller_id"].is_string()) {
      if (j["controller_id"].get<std::string>() != "random") {
        throw FixtureError(path + ": controller_id must be a broker id, -1 or \"random\"");
      }
      cluster.randomController = true;
      cluster.controllerId = cluster.brokers.front().id;
    } else {
      cluster.controllerId = j.value("controller_id", cluster.brokers.front().id);
    }
    cluster.brokerDefaultConfigs = parseConfigs(j.value("broker_defaults", Json()),
                                                config_source::kDynamicDefaultBroker, path + ": broker_defaults");
    std::size_t n = 0;
    for (const auto& t : j.value("topics", Json::array())) {
      const std::string where = path + ": topic #" + std::to_string(n++);
      if (t.contains("generate")) {
        auto set = parseGenerated(t["generate"], where);
        if (set.replicationFactor > static_cast<std::int32_t>(cluster.brokers.size())) {
          throw FixtureError(where + ": replication_factor exceeds the number of brokers");
        }
        cluster.generated.push_back(std::move(set));
      } else {
        auto topic = parseTopic(t, where);
        if (!cluster.topicIndex_.emplace(topic.name, cluster.topics.size()).second) {
          throw FixtureError(where + ": topic " + topic.name + " is defined twice");
        }
        cluster.topics.push_back(std::move(topic));
      }
    }
    for (const auto& g : j.value("groups", Json::array())) {
      GroupSpec group;
      group.id = g.at("id").get<std::string>();
      const std::string where = path + ": group " + group.id;
      group.state = g.value("state", group.state);
      group.protocolType = g.value("protocol_type", group.protocolType);
      group.protocol = g.value("protocol", group.protocol);
      group.type = g.value("type", group.type);
      if (group.type != "classic" && group.type != "consumer") {
        throw FixtureError(where + ": type must be classic or consumer");
      }
      group.coordinator = g.value("coordinator", -1);
      group.describeError = errorFor(g, "describe_groups");
      group.findCoordinatorError = errorFor(g, "find_coordinator");
      for (const auto& m : g.value("members", Json::array())) {
        MemberSpec member;
        member.memberId = m.at("member_id").get<std::string>();
        member.groupInstanceId = optionalString(m, "group_instance_id");
        member.clientId = m.value("client_id", "");
        member.clientHost = m.value("client_host", "/127.0.0.1");
        if (m.contains("metadata_hex")) {
          member.metadata = fromHex(m["metadata_hex"].get<std::string>(), where);
        } else if (m.contains("subscription")) {
          member.metadata = consumerSubscription(m["subscription"]);
        }
        if (m.contains("assignment_hex")) {
          member.assignment = fromHex(m["assignment_hex"].get<std::string>(), where);
        } else if (m.contains("assignment")) {
          member.assignment = consumerAssignment(m["assignment"]);
        }
        group.members.push_back(std::move(member));
      }
      cluster.groups.push_back(std::move(group));
    }
    cluster.faults = parseFaults(j.value("faults", Json()));
    const Json apiVersions = j.value("api_versions", Json::object());
    for (const auto& [api, range] : apiVersions.items()) {
      const std::int16_t key = apiKeyFromName(api);
      if (range.is_null()) {
        cluster.apiVersionOverrides[key] = std::nullopt;
      } else {
        cluster.apiVersionOverrides[key] = std::pair{range.at(0).get<std::int16_t>(), range.at(1).get<std::int16_t>()};
      }
    }
  } catch (const Json::exception& e) {
    throw FixtureError(path + ": " + e.what());
  }
  return cluster;
}

const BrokerSpec* Cluster::broker(std::int32_t id) const {
  for (const auto& b : brokers) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

std::size_t Cluster::topicCount() const {
  std::size_t n = topics.size();
  for (const auto& set : generated) n += static_cast<std::size_t>(set.count);
  return n;
}

TopicSpec Cluster::materialise(const GeneratedTopics& set, std::int64_t i) const {
  TopicSpec topic;
  topic.name = set.prefix + std::to_string(set.first + i) + set.suffix;
  topic.id = topicIdFor(topic.name);
  topic.internal = set.internal;
  topic.configs = set.configs;
  topic.metadataError = set.metadataError;
  topic.describeConfigsError = set.describeConfigsError;
  const auto brokerCount = static_cast<std::int64_t>(brokers.size());
  topic.partitions.resize(static_cast<std::size_t>(set.partitions));
  for (std::int32_t p = 0; p < set.partitions; ++p) {
    auto& partition = topic.partitions[static_cast<std::size_t>(p)];
    const std::int64_t ordinal = i * set.partitions + p;  // spreads leaders evenly over the brokers
    partition.index = p;
    for (std::int32_t r = 0; r < set.replicationFactor; ++r) {
      partition.replicas.push_back(brokers[static_cast<std::size_t>((ordinal + r) % brokerCount)].id);
    }
    partition.isr = partition.replicas;
    if (set.isrShrinkEvery > 0 && ordinal % set.isrShrinkEvery == 0) {
      for (std::int32_t k = 0; k < set.isrShrinkBy && partition.isr.size() > 1; ++k) partition.isr.pop_back();
    }
    partition.leader = partition.replicas.front();
    if (set.leaderlessEvery > 0 && ordinal % set.leaderlessEvery == 0) {
      partition.leader = -1;
      partition.errorCode = error_code::kLeaderNotAvailable;
    }
  }
  return topic;
}

void Cluster::forEachTopic(const std::function<void(const TopicSpec&)>& visit) const {
  for (const auto& topic : topics) visit(topic);
  for (const auto& set : generated) {
    for (std::int64_t i = 0; i < set.count; ++i) visit(materialise(set, i));
  }
}

std::optional<TopicSpec> Cluster::findTopic(const std::string& name) const {
  if (auto it = topicIndex_.find(name); it != topicIndex_.end()) return topics[it->second];
  for (const auto& set : generated) {
    if (name.size() <= set.prefix.size() + set.suffix.size() || !name.starts_with(set.prefix) ||
        !name.ends_with(set.suffix)) {
      continue;
    }
    const std::string_view digits(name.data() + set.prefix.size(), name.size() - set.prefix.size() - set.suffix.size());
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    // Only the canonical spelling names a topic ("bench-07" is not "bench-7").
    if (ec != std::errc() || end != digits.data() + digits.size() || std::to_string(number) != digits) continue;
    if (number >= set.first && number - set.first < set.count) return materialise(set, number - set.first);
  }
  return std::nullopt;
}

std::optional<TopicSpec> Cluster::findTopic(const Uuid& id) const {
  std::optional<TopicSpec> found;
  // Lookups by id are rare (Metadata v10+ clients): a scan is fine.
  forEachTopic([&](const TopicSpec& topic) {
    if (!found && topic.id == id) found = topic;
  });
  return found;
}

const GroupSpec* Cluster::group(const std::string& id) const {
  for (const auto& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

std::int32_t Cluster::coordinatorFor(const std::string& key) const {
  if (const auto* g = group(key); g && g->coordinator >= 0) return g->coordinator;
  if (const auto offsets = findTopic("__consumer_offsets"); offsets && !offsets->partitions.empty()) {
    // Kafka: GroupCoordinator#partitionFor, Utils.abs(groupId.hashCode()) % partitions, where
    // Utils.abs(Integer.MIN_VALUE) is 0.
    const std::int64_t hash = javaHashCode(key);
    const std::size_t index =
        static_cast<std::size_t>(hash < 0 ? (hash == INT32_MIN ? 0 : -hash) : hash) % offsets->partitions.size();
    for (const auto& p : offsets->partitions) {
      if (p.index == static_cast<std::int32_t>(index)) return p.leader;
    }
    return -1;
  }
  if (groups.empty()) return -1;  // no group was ever coordinated: no __consumer_offsets yet
  std::vector<std::int32_t> live;
  for (const auto& b : brokers) {
    if (!b.down && !b.unreachable) live.push_back(b.id);
  }
  if (live.empty()) return -1;
  return live[fnv1a(key, 14695981039346656037ULL) % live.size()];
}

Corruption corruptionFromName(const std::string& name) {
  if (name == "counts") return Corruption::Counts;
  if (name == "length") return Corruption::Length;
  if (name == "correlation") return Corruption::Correlation;
  throw FixtureError("unknown corruption '" + name + "' (expected counts, length or correlation)");
}

Faults Cluster::faultsFor(std::int32_t brokerId) const {
  Faults merged = faults;
  if (const auto* b = broker(brokerId)) {
    for (const auto& [api, ms] : b->faults.delayMs) merged.delayMs[api] = ms;
    if (b->faults.dropAfterRequests > 0) merged.dropAfterRequests = b->faults.dropAfterRequests;
    merged.dropOnApis.insert(b->faults.dropOnApis.begin(), b->faults.dropOnApis.end());
    merged.truncateApis.insert(b->faults.truncateApis.begin(), b->faults.truncateApis.end());
    for (const auto& [api, how] : b->faults.corruptApis) merged.corruptApis[api] = how;
    if (b->faults.vanishAfterRequests > 0) merged.vanishAfterRequests = b->faults.vanishAfterRequests;
  }
  return merged;
}

}  // namespace kafkalint::testbroker
