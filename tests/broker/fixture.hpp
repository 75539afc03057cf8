// The cluster a test broker serves, read from a JSON fixture (format: tests/broker/README.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "broker/wire.hpp"

namespace kafkalint::testbroker {

class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace error_code {
inline constexpr std::int16_t kNone = 0;
inline constexpr std::int16_t kUnknownTopicOrPartition = 3;
inline constexpr std::int16_t kLeaderNotAvailable = 5;
inline constexpr std::int16_t kCoordinatorNotAvailable = 15;
inline constexpr std::int16_t kNotCoordinator = 16;
inline constexpr std::int16_t kTopicAuthorizationFailed = 29;
inline constexpr std::int16_t kUnsupportedVersion = 35;
inline constexpr std::int16_t kInvalidRequest = 42;
inline constexpr std::int16_t kUnknownTopicId = 100;
}  // namespace error_code

// Kafka's DescribeConfigsResponse ConfigSource ids.
namespace config_source {
inline constexpr std::int8_t kUnknown = 0;
inline constexpr std::int8_t kDynamicTopic = 1;
inline constexpr std::int8_t kDynamicBroker = 2;
inline constexpr std::int8_t kDynamicDefaultBroker = 3;
inline constexpr std::int8_t kStaticBroker = 4;
inline constexpr std::int8_t kDefault = 5;
}  // namespace config_source

struct ConfigSynonym {
  std::string name;
  std::optional<std::string> value;
  std::int8_t source = config_source::kUnknown;
};

struct ConfigEntry {
  std::string name;
  std::optional<std::string> value;  // the real value, even when sensitive: masking happens on the wire
  std::int8_t source = config_source::kUnknown;
  bool readOnly = false;
  bool sensitive = false;
  std::int8_t configType = 0;  // DescribeConfigs v3+ ConfigType, 0 = UNKNOWN
  std::optional<std::string> documentation;
  std::vector<ConfigSynonym> synonyms;
};

using ConfigSet = std::vector<ConfigEntry>;

struct PartitionSpec {
  std::int32_t index = 0;
  std::int32_t leader = -1;
  std::int32_t leaderEpoch = 0;
  std::vector<std::int32_t> replicas;
  std::vector<std::int32_t> isr;
  std::vector<std::int32_t> offlineReplicas;
  std::int16_t errorCode = 0;
};

struct TopicSpec {
  std::string name;
  Uuid id{};
  bool internal = false;
  std::vector<PartitionSpec> partitions;
  std::shared_ptr<const ConfigSet> configs;
  std::int16_t metadataError = 0;         // e.g. TOPIC_AUTHORIZATION_FAILED (29)
  std::int16_t describeConfigsError = 0;  // likewise, for DescribeConfigs of this topic
};

// `count` topics named prefix + i + suffix (i from `first`), with replicas spread round-robin over
// the brokers, so that a fixture of a million partitions stays a few lines long. Topics are
// materialised one at a time when a request needs them.
struct GeneratedTopics {
  std::string prefix, suffix;
  std::int64_t first = 0;
  std::int64_t count = 0;
  std::int32_t partitions = 1;
  std::int32_t replicationFactor = 1;
  std::int64_t isrShrinkEvery = 0;   // every Nth partition (0 = none) has its last replica(s) out of the ISR
  std::int32_t isrShrinkBy = 1;      // how many of its last replicas leave the ISR (at least one stays)
  std::int64_t leaderlessEvery = 0;  // every Nth partition (0 = none) has no leader
  bool internal = false;
  std::shared_ptr<const ConfigSet> configs;
  std::int16_t metadataError = 0;
  std::int16_t describeConfigsError = 0;
};

struct MemberSpec {
  std::string memberId;
  std::optional<std::string> groupInstanceId;
  std::string clientId;
  std::string clientHost;
  std::vector<std::uint8_t> metadata;    // ConsumerProtocolSubscription bytes
  std::vector<std::uint8_t> assignment;  // ConsumerProtocolAssignment bytes
};

struct GroupSpec {
  std::string id;
  std::string state = "Stable";
  std::string protocolType = "consumer";
  std::string protocol = "range";
  // "classic", or "consumer" for a group of the consumer protocol (KIP-848): ListGroups lists it with
  // its state and protocol type (v5: group type "consumer"), but the classic DescribeGroups describes
  // it as Kafka 4.x does, as Dead without members, protocol type or error.
  std::string type = "classic";
  std::int32_t coordinator = -1;
  std::vector<MemberSpec> members;
  std::int16_t describeError = 0;
  std::int16_t findCoordinatorError = 0;
};

// How a malformed response is malformed. The response header (correlation id) stays intact unless
// said otherwise, so that the client matches the response to its request and decodes the body.
enum class Corruption {
  Counts,       // every body byte is 0x7F: array counts and string lengths far beyond the frame
  Length,       // the size prefix announces 1 MiB more than is sent; the connection stays open
  Correlation,  // the correlation id answers no request of the connection
};
Corruption corruptionFromName(const std::string& name);  // "counts", "length", "correlation"

// Misbehaviour, per broker (merged over the cluster-wide faults).
struct Faults {
  std::map<std::int16_t, std::int32_t> delayMs;  // api key -> delay before the response is sent
  std::int32_t dropAfterRequests = 0;            // close a connection when it sends request N+1 (0 = never)
  std::set<std::int16_t> dropOnApis;             // close the connection instead of answering these
  std::set<std::int16_t> truncateApis;           // answer these with a well-framed but cut-short body
  // Answer these with a malformed response (how: see Corruption).
  std::map<std::int16_t, Corruption> corruptApis;
  // The broker disappears once it has answered this many requests (over all its connections):
  // every connection is closed and new ones are refused, as when the process dies (0 = never).
  std::int32_t vanishAfterRequests = 0;
};

struct BrokerSpec {
  std::int32_t id = 0;
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0 = pick a free port
  std::optional<std::string> rack;
  ConfigSet configs;
  bool down = false;                      // not listening, not in Metadata (a dead broker)
  bool unreachable = false;               // in Metadata, but refuses connections (a network partition)
  std::int16_t describeConfigsError = 0;  // e.g. CLUSTER_AUTHORIZATION_FAILED (31)
  std::int16_t listGroupsError = 0;
  Faults faults;
};

struct Cluster {
  std::string clusterId = "kafkalint-test-cluster";
  std::int32_t controllerId = -1;
  // "controller_id": "random": every Metadata (and DescribeCluster) response names a random live
  // broker, as KRaft brokers do (clients never see the KRaft controller).
  bool randomController = false;
  std::vector<BrokerSpec> brokers;
  ConfigSet brokerDefaultConfigs;  // DescribeConfigs(BROKER, "") - cluster-wide dynamic defaults
  std::vector<TopicSpec> topics;
  std::vector<GeneratedTopics> generated;
  std::vector<GroupSpec> groups;
  Faults faults;
  // Overrides of the advertised ApiVersions table: key -> [min, max], or nullopt to leave it out.
  std::map<std::int16_t, std::optional<std::pair<std::int16_t, std::int16_t>>> apiVersionOverrides;

  const BrokerSpec* broker(std::int32_t id) const;
  std::size_t topicCount() const;
  // Calls `visit` for every topic in fixture order (explicit topics first), materialising generated ones.
  void forEachTopic(const std::function<void(const TopicSpec&)>& visit) const;
  std::optional<TopicSpec> findTopic(const std::string& name) const;
  std::optional<TopicSpec> findTopic(const Uuid& id) const;
  const GroupSpec* group(const std::string& id) const;
  // The broker that coordinates a group: the fixture's choice; else, as Kafka does, the leader of
  // the __consumer_offsets partition abs(javaHashCode(id)) % partitions (-1 when it has none, or when
  // there is no __consumer_offsets and no group at all: Kafka creates the topic on the first
  // FindCoordinator); else, for fixtures with groups but no __consumer_offsets, a stable hash over
  // the live brokers.
  std::int32_t coordinatorFor(const std::string& key) const;
  Faults faultsFor(std::int32_t brokerId) const;

 private:
  friend Cluster loadCluster(const std::string& path);
  std::map<std::string, std::size_t> topicIndex_;
  TopicSpec materialise(const GeneratedTopics& set, std::int64_t i) const;
};

Cluster loadCluster(const std::string& path);

// Kafka error-code and API names used by fixtures, the command line and the request log.
std::int16_t errorCodeFromName(const std::string& name);
// The message Kafka sends with an error it has no more to say about (Errors#message()), e.g.
// "Topic authorization failed." for TOPIC_AUTHORIZATION_FAILED; "" for NONE.
std::string errorMessage(std::int16_t code);
// java.lang.String#hashCode of a UTF-8 string (over its UTF-16 code units), as Kafka partitions
// group ids over __consumer_offsets.
std::int32_t javaHashCode(std::string_view utf8);
std::int16_t apiKeyFromName(const std::string& name);
std::string apiName(std::int16_t apiKey);

}  // namespace kafkalint::testbroker
