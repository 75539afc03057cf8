#include "broker/protocol.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <random>

namespace kafkalint::testbroker {

namespace {

namespace api {
constexpr std::int16_t kMetadata = 3;
constexpr std::int16_t kFindCoordinator = 10;
constexpr std::int16_t kDescribeGroups = 15;
constexpr std::int16_t kListGroups = 16;
constexpr std::int16_t kApiVersions = 18;
constexpr std::int16_t kDescribeConfigs = 32;
constexpr std::int16_t kDescribeCluster = 60;
}  // namespace api

constexpr std::int8_t kResourceTopic = 2;
constexpr std::int8_t kResourceBroker = 4;
constexpr std::int8_t kResourceBrokerLogger = 8;
constexpr std::int32_t kAuthorizedOperationsOmitted = std::numeric_limits<std::int32_t>::min();
// Bits of AclOperation: READ(3), DESCRIBE(8), DESCRIBE_CONFIGS(10) - what a read-only auditor holds.
constexpr std::int32_t kReadOnlyOperations = (1 << 3) | (1 << 8) | (1 << 10);
constexpr std::int16_t kUnsupportedEndpointType = 119;

// First flexible version of each implemented API (KIP-482), from the message specs.
bool isFlexible(std::int16_t apiKey, std::int16_t version) {
  switch (apiKey) {
    case api::kMetadata:
      return version >= 9;
    case api::kFindCoordinator:
      return version >= 3;
    case api::kDescribeGroups:
      return version >= 5;
    case api::kListGroups:
      return version >= 3;
    case api::kApiVersions:
      return version >= 3;
    case api::kDescribeConfigs:
      return version >= 4;
    case api::kDescribeCluster:
      return true;
    default:
      return false;
  }
}

// Frame: int32 size, response header (v0: correlation id; v1: + tagged fields), body.
class ResponseWriter {
 public:
  ResponseWriter(std::int32_t correlationId, bool flexibleHeader, bool flexibleBody) : out(flexibleBody) {
    out.int32(0);
    out.int32(correlationId);
    if (flexibleHeader) out.unsignedVarint(0);
  }
  std::vector<std::uint8_t> finish() {
    out.patchInt32(0, static_cast<std::int32_t>(out.size() - 4));
    return std::move(out.bytes());
  }
  WireWriter out;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<std::string> readStringArray(WireReader& in) {
  std::vector<std::string> out;
  const auto n = in.arrayLength();
  for (std::int32_t i = 0; n && i < *n; ++i) out.push_back(in.string());
  return out;
}

void writeInt32Array(WireWriter& out, const std::vector<std::int32_t>& values) {
  out.arrayLength(values.size());
  for (auto v : values) out.int32(v);
}

// Metadata's ControllerId: the fixture's, or (controller_id "random") a live broker picked per
// response, as KRaft brokers answer (MetadataCache#getRandomAliveBrokerId).
std::int32_t controllerIdFor(const Cluster& cluster) {
  if (!cluster.randomController) return cluster.controllerId;
  std::vector<std::int32_t> live;
  for (const auto& b : cluster.brokers) {
    if (!b.down) live.push_back(b.id);
  }
  if (live.empty()) return -1;
  static std::mt19937 rng{std::random_device{}()};
  return live[std::uniform_int_distribution<std::size_t>(0, live.size() - 1)(rng)];
}

class RequestContext {
 public:
  RequestContext(const Cluster& cluster, const BrokerSpec& self, const RequestHeader& header, WireReader& in)
      : cluster_(cluster), self_(self), header_(header), in_(in), version_(header.apiVersion) {}

  std::vector<std::uint8_t> metadata();
  std::vector<std::uint8_t> describeConfigs();
  std::vector<std::uint8_t> findCoordinator();
  std::vector<std::uint8_t> listGroups();
  std::vector<std::uint8_t> describeGroups();
  std::vector<std::uint8_t> describeCluster();

 private:
  ResponseWriter response() const {
    const bool flexible = isFlexible(header_.apiKey, version_);
    return ResponseWriter(header_.correlationId, flexible, flexible);
  }
  // Kafka reads the request's tagged fields and ignores whatever follows (librdkafka 2.0.2 sends
  // an extra byte in ListGroups v3/v4 and a stray placeholder in OffsetFetch v6/v7).
  void endOfRequest() {
    if (isFlexible(header_.apiKey, version_)) in_.skipTaggedFields();
  }
  void writeTopic(WireWriter& out, const TopicSpec& topic, bool includeAuthorizedOperations) const;
  void writeConfigs(WireWriter& out, const ConfigSet& configs, const std::optional<std::vector<std::string>>& keys,
                    bool includeSynonyms, bool includeDocumentation) const;

  const Cluster& cluster_;
  const BrokerSpec& self_;
  const RequestHeader& header_;
  WireReader& in_;
  std::int16_t version_;
};

void RequestContext::writeTopic(WireWriter& out, const TopicSpec& topic, bool includeAuthorizedOperations) const {
  const bool ok = topic.metadataError == error_code::kNone;
  out.int16(topic.metadataError);
  out.string(topic.name);
  if (version_ >= 10) out.uuid(topic.id);
  if (version_ >= 1) out.boolean(topic.internal);
  if (ok) {
    out.arrayLength(topic.partitions.size());
    for (const auto& p : topic.partitions) {
      out.int16(p.errorCode);
      out.int32(p.index);
      out.int32(p.leader);
      if (version_ >= 7) out.int32(p.leaderEpoch);
      writeInt32Array(out, p.replicas);
      writeInt32Array(out, p.isr);
      if (version_ >= 5) writeInt32Array(out, p.offlineReplicas);
      out.noTaggedFields();
    }
  } else {
    out.arrayLength(0);
  }
  if (version_ >= 8) out.int32(includeAuthorizedOperations && ok ? kReadOnlyOperations : kAuthorizedOperationsOmitted);
  out.noTaggedFields();
}

std::vector<std::uint8_t> RequestContext::metadata() {
  // Request: which topics (by name, or by id from v10), then flags.
  struct Wanted {
    std::optional<std::string> name;
    Uuid id{};
  };
  std::optional<std::vector<Wanted>> wanted;  // nullopt = all topics
  if (const auto n = in_.arrayLength()) {
    wanted.emplace();
    for (std::int32_t i = 0; i < *n; ++i) {
      Wanted w;
      if (version_ >= 10) w.id = in_.uuid();
      w.name = version_ >= 10 ? in_.nullableString() : std::optional(in_.string());
      endOfRequest();
      wanted->push_back(std::move(w));
    }
    if (version_ == 0 && wanted->empty()) wanted.reset();  // v0: an empty list means all topics
  }
  if (version_ >= 4) in_.boolean();  // AllowAutoTopicCreation: this broker never creates topics
  if (version_ >= 8 && version_ <= 10) in_.boolean();
  const bool topicOperations = version_ >= 8 ? in_.boolean() : false;
  endOfRequest();

  auto r = response();
  auto& out = r.out;
  if (version_ >= 3) out.int32(0);
  std::size_t advertised = 0;
  for (const auto& b : cluster_.brokers) advertised += b.down ? 0 : 1;
  out.arrayLength(advertised);
  for (const auto& b : cluster_.brokers) {
    if (b.down) continue;  // Kafka lists live brokers only
    out.int32(b.id);
    out.string(b.host);
    out.int32(b.port);
    if (version_ >= 1) out.nullableString(b.rack);
    out.noTaggedFields();
  }
  if (version_ >= 2) out.nullableString(cluster_.clusterId);
  if (version_ >= 1) out.int32(controllerIdFor(cluster_));

  if (!wanted) {
    // Unauthorized topics are left out of "all topics", as Kafka does, so the count is known only
    // after the topics are written.
    WireWriter topics(out.flexible());
    std::size_t count = 0;
    cluster_.forEachTopic([&](const TopicSpec& topic) {
      if (topic.metadataError == error_code::kTopicAuthorizationFailed) return;
      writeTopic(topics, topic, topicOperations);
      ++count;
    });
    out.arrayLength(count);
    out.bytes().insert(out.bytes().end(), topics.bytes().begin(), topics.bytes().end());
  } else {
    out.arrayLength(wanted->size());
    for (const auto& w : *wanted) {
      std::optional<TopicSpec> topic = w.name ? cluster_.findTopic(*w.name) : cluster_.findTopic(w.id);
      if (topic) {
        writeTopic(out, *topic, topicOperations);
        continue;
      }
      out.int16(w.name ? error_code::kUnknownTopicOrPartition : error_code::kUnknownTopicId);
      out.nullableString(w.name);
      if (version_ >= 10) out.uuid(w.name ? Uuid{} : w.id);
      if (version_ >= 1) out.boolean(false);
      out.arrayLength(0);
      if (version_ >= 8) out.int32(kAuthorizedOperationsOmitted);
      out.noTaggedFields();
    }
  }
  if (version_ >= 8 && version_ <= 10) out.int32(kAuthorizedOperationsOmitted);
  out.noTaggedFields();
  return r.finish();
}

void RequestContext::writeConfigs(WireWriter& out, const ConfigSet& configs,
                                  const std::optional<std::vector<std::string>>& keys, bool includeSynonyms,
                                  bool includeDocumentation) const {
  std::vector<const ConfigEntry*> selected;
  for (const auto& entry : configs) {
    if (!keys || std::find(keys->begin(), keys->end(), entry.name) != keys->end()) selected.push_back(&entry);
  }
  out.arrayLength(selected.size());
  for (const ConfigEntry* entry : selected) {
    out.string(entry->name);
    // Like Kafka, a sensitive value never leaves the broker, in the entry or in its synonyms.
    out.nullableString(entry->sensitive ? std::nullopt : entry->value);
    out.boolean(entry->readOnly);
    if (version_ == 0) out.boolean(entry->source == config_source::kDefault);
    if (version_ >= 1) out.int8(entry->source);
    out.boolean(entry->sensitive);
    if (version_ >= 1) {
      if (includeSynonyms) {
        out.arrayLength(entry->synonyms.size());
        for (const auto& synonym : entry->synonyms) {
          out.string(synonym.name);
          out.nullableString(entry->sensitive ? std::nullopt : synonym.value);
          out.int8(synonym.source);
          out.noTaggedFields();
        }
      } else {
        out.arrayLength(0);
      }
    }
    if (version_ >= 3) {
      out.int8(entry->configType);
      out.nullableString(includeDocumentation ? entry->documentation : std::nullopt);
    }
    out.noTaggedFields();
  }
}

std::vector<std::uint8_t> RequestContext::describeConfigs() {
  struct Resource {
    std::int8_t type;
    std::string name;
    std::optional<std::vector<std::string>> keys;
  };
  std::vector<Resource> resources;
  const auto n = in_.arrayLength();
  for (std::int32_t i = 0; n && i < *n; ++i) {
    Resource resource;
    resource.type = in_.int8();
    resource.name = in_.string();
    if (auto k = in_.arrayLength()) {
      resource.keys.emplace();
      for (std::int32_t j = 0; j < *k; ++j) resource.keys->push_back(in_.string());
    }
    endOfRequest();
    resources.push_back(std::move(resource));
  }
  const bool includeSynonyms = version_ >= 1 ? in_.boolean() : false;
  const bool includeDocumentation = version_ >= 3 ? in_.boolean() : false;
  endOfRequest();

  auto r = response();
  auto& out = r.out;
  out.int32(0);
  out.arrayLength(resources.size());
  for (const auto& resource : resources) {
    std::int16_t error = error_code::kNone;
    // Kafka leaves the message at its default, "", when there is no error and for an unknown topic
    // (ConfigHelper), and sends Errors#message() for authorization errors (KafkaApis).
    std::optional<std::string> message = "";
    const ConfigSet* configs = nullptr;
    std::optional<TopicSpec> topic;
    static const ConfigSet kNoConfigs;
    if (resource.type == kResourceTopic) {
      topic = cluster_.findTopic(resource.name);
      if (!topic) {
        error = error_code::kUnknownTopicOrPartition;
      } else if (topic->describeConfigsError != error_code::kNone) {
        error = topic->describeConfigsError;
        message = errorMessage(error);
      } else {
        configs = topic->configs ? topic->configs.get() : &kNoConfigs;
      }
    } else if (resource.type == kResourceBroker) {
      if (self_.describeConfigsError != error_code::kNone) {
        error = self_.describeConfigsError;
        message = errorMessage(error);
      } else if (resource.name.empty()) {
        configs = &cluster_.brokerDefaultConfigs;
      } else if (resource.name == std::to_string(self_.id)) {
        configs = &self_.configs;
      } else {
        // The broker configs of another broker live on that broker (ConfigHelper's check).
        error = error_code::kInvalidRequest;
        message = "Unexpected broker id, expected " + std::to_string(self_.id) + " or empty string, but received " +
                  resource.name;
      }
    } else if (resource.type == kResourceBrokerLogger) {
      configs = &kNoConfigs;
    } else {
      error = error_code::kInvalidRequest;
      message = "Unsupported resource type " + std::to_string(resource.type);
    }
    out.int16(error);
    out.nullableString(message);
    out.int8(resource.type);
    out.string(resource.name);
    writeConfigs(out, configs ? *configs : kNoConfigs, resource.keys, includeSynonyms, includeDocumentation);
    out.noTaggedFields();
  }
  out.noTaggedFields();
  return r.finish();
}

std::vector<std::uint8_t> RequestContext::findCoordinator() {
  std::vector<std::string> keys;
  std::int8_t keyType = 0;
  if (version_ <= 3) keys.push_back(in_.string());
  if (version_ >= 1) keyType = in_.int8();
  if (version_ >= 4) keys = readStringArray(in_);
  endOfRequest();

  struct Answer {
    std::int16_t error = error_code::kNone;
    std::optional<std::string> message;
    const BrokerSpec* coordinator = nullptr;
  };
  auto answer = [&](const std::string& key) {
    Answer a;
    if (keyType != 0 && keyType != 1) {
      a.error = error_code::kInvalidRequest;
      a.message = "Unknown coordinator type " + std::to_string(keyType);
      return a;
    }
    const GroupSpec* group = keyType == 0 ? cluster_.group(key) : nullptr;
    if (group && group->findCoordinatorError != error_code::kNone) {
      a.error = group->findCoordinatorError;
      a.message = errorMessage(a.error);
      return a;
    }
    a.coordinator = cluster_.broker(cluster_.coordinatorFor(key));
    if (!a.coordinator || a.coordinator->down) {
      a.coordinator = nullptr;
      a.error = error_code::kCoordinatorNotAvailable;
      a.message = "The coordinator is not available.";
    }
    return a;
  };

  auto r = response();
  auto& out = r.out;
  if (version_ >= 1) out.int32(0);
  if (version_ <= 3) {
    const Answer a = answer(keys.front());
    out.int16(a.error);
    if (version_ >= 1) out.nullableString(a.error ? a.message : std::optional<std::string>("NONE"));
    out.int32(a.coordinator ? a.coordinator->id : -1);
    out.string(a.coordinator ? a.coordinator->host : "");
    out.int32(a.coordinator ? a.coordinator->port : -1);
  } else {
    out.arrayLength(keys.size());
    for (const auto& key : keys) {
      const Answer a = answer(key);
      out.string(key);
      out.int32(a.coordinator ? a.coordinator->id : -1);
      out.string(a.coordinator ? a.coordinator->host : "");
      out.int32(a.coordinator ? a.coordinator->port : -1);
      out.int16(a.error);
      out.nullableString(a.message);
      out.noTaggedFields();
    }
  }
  out.noTaggedFields();
  return r.finish();
}

std::vector<std::uint8_t> RequestContext::listGroups() {
  std::vector<std::string> states, types;
  if (version_ >= 4) states = readStringArray(in_);
  if (version_ >= 5) types = readStringArray(in_);
  endOfRequest();
  for (auto& s : states) s = lower(s);
  for (auto& t : types) t = lower(t);

  std::vector<const GroupSpec*> listed;
  if (self_.listGroupsError == error_code::kNone) {
    for (const auto& g : cluster_.groups) {
      if (cluster_.coordinatorFor(g.id) != self_.id) continue;  // each broker lists the groups it coordinates
      if (!states.empty() && std::find(states.begin(), states.end(), lower(g.state)) == states.end()) continue;
      if (!types.empty() && std::find(types.begin(), types.end(), g.type) == types.end()) continue;
      listed.push_back(&g);
    }
  }
  auto r = response();
  auto& out = r.out;
  if (version_ >= 1) out.int32(0);
  out.int16(self_.listGroupsError);
  out.arrayLength(listed.size());
  for (const GroupSpec* g : listed) {
    out.string(g->id);
    out.string(g->protocolType);
    if (version_ >= 4) out.string(g->state);
    if (version_ >= 5) out.string(g->type);
    out.noTaggedFields();
  }
  out.noTaggedFields();
  return r.finish();
}

std::vector<std::uint8_t> RequestContext::describeGroups() {
  const auto ids = readStringArray(in_);
  const bool includeOperations = version_ >= 3 ? in_.boolean() : false;
  endOfRequest();

  auto r = response();
  auto& out = r.out;
  if (version_ >= 1) out.int32(0);
  out.arrayLength(ids.size());
  for (const auto& id : ids) {
    const GroupSpec* g = cluster_.group(id);
    std::int16_t error = error_code::kNone;
    if (cluster_.coordinatorFor(id) != self_.id) {
      error = error_code::kNotCoordinator;
    } else if (g && g->describeError != error_code::kNone) {
      error = g->describeError;
    }
    // Kafka 4.x describes a group of the consumer protocol (KIP-848) through the classic
    // DescribeGroups as it does a group it does not know: Dead, without an error.
    if (g && g->type == "consumer") g = nullptr;
    const bool described = error == error_code::kNone && g;
    // A group the coordinator does not know is reported as Dead, without an error (as Kafka does).
    const std::string state = error != error_code::kNone ? "" : (g ? g->state : "Dead");
    const bool hasProtocol = described && state != "Empty" && state != "Dead";
    out.int16(error);
    out.string(id);
    out.string(state);
    out.string(described ? g->protocolType : "");
    out.string(hasProtocol ? g->protocol : "");
    out.arrayLength(described ? g->members.size() : 0);
    if (described) {
      for (const auto& m : g->members) {
        out.string(m.memberId);
        if (version_ >= 4) out.nullableString(m.groupInstanceId);
        out.string(m.clientId);
        out.string(m.clientHost);
        out.bytesField(m.metadata);
        out.bytesField(m.assignment);
        out.noTaggedFields();
      }
    }
    if (version_ >= 3) out.int32(includeOperations && described ? kReadOnlyOperations : kAuthorizedOperationsOmitted);
    out.noTaggedFields();
  }
  out.noTaggedFields();
  return r.finish();
}

std::vector<std::uint8_t> RequestContext::describeCluster() {
  const bool includeOperations = in_.boolean();
  const std::int8_t endpointType = version_ >= 1 ? in_.int8() : 1;
  endOfRequest();

  auto r = response();
  auto& out = r.out;
  out.int32(0);
  if (endpointType != 1) {
    // Brokers answer for the BROKER endpoint type only (KIP-919).
    out.int16(kUnsupportedEndpointType);
    out.nullableString("The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type " +
                       std::to_string(endpointType));
  } else {
    out.int16(error_code::kNone);
    out.nullableString(std::nullopt);
  }
  if (version_ >= 1) out.int8(1);
  out.string(cluster_.clusterId);
  out.int32(controllerIdFor(cluster_));
  std::size_t live = 0;
  for (const auto& b : cluster_.brokers) live += b.down ? 0 : 1;
  out.arrayLength(endpointType == 1 ? live : 0);
  for (const auto& b : cluster_.brokers) {
    if (b.down || endpointType != 1) continue;
    out.int32(b.id);
    out.string(b.host);
    out.int32(b.port);
    out.nullableString(b.rack);
    out.noTaggedFields();
  }
  out.int32(includeOperations ? kReadOnlyOperations : kAuthorizedOperationsOmitted);
  out.noTaggedFields();
  return r.finish();
}

}  // namespace

const std::map<std::int16_t, std::pair<std::int16_t, std::int16_t>>& implementedApiVersions() {
  static const std::map<std::int16_t, std::pair<std::int16_t, std::int16_t>> versions = {
      {api::kMetadata, {0, 12}},       {api::kFindCoordinator, {0, 5}}, {api::kDescribeGroups, {0, 5}},
      {api::kListGroups, {0, 5}},      {api::kApiVersions, {0, 3}},     {api::kDescribeConfigs, {0, 4}},
      {api::kDescribeCluster, {0, 1}},
  };
  return versions;
}

ProtocolHandler::ProtocolHandler(const Cluster& cluster, std::int32_t brokerId)
    : cluster_(cluster), self_(*cluster.broker(brokerId)), advertised_(implementedApiVersions()) {
  for (const auto& [key, range] : cluster.apiVersionOverrides) {
    auto it = advertised_.find(key);
    if (it == advertised_.end()) continue;  // nothing to advertise for an API this broker cannot answer
    if (!range) {
      advertised_.erase(it);
    } else {
      it->second = {std::max(range->first, it->second.first), std::min(range->second, it->second.second)};
    }
  }
}

Reply ProtocolHandler::handle(std::span<const std::uint8_t> request) const {
  Reply reply;
  WireReader in(request, false);
  RequestHeader header;
  try {
    header.apiKey = in.int16();
    header.apiVersion = in.int16();
    header.correlationId = in.int32();
    header.clientId = in.classicNullableString();  // never compact, even in header v2
  } catch (const WireError& e) {
    reply.closeConnection = true;
    reply.closeReason = std::string("malformed request header: ") + e.what();
    return reply;
  }
  reply.header = header;

  if (header.apiKey == api::kApiVersions) {
    const auto& [minVersion, maxVersion] = advertised_.at(api::kApiVersions);
    // KIP-511: an ApiVersions version the broker does not know is answered in v0 with
    // UNSUPPORTED_VERSION and ApiVersions' own range, so that the client can retry lower.
    const bool supported = header.apiVersion >= minVersion && header.apiVersion <= maxVersion;
    const std::int16_t version = supported ? header.apiVersion : 0;
    try {
      if (supported && isFlexible(header.apiKey, version)) {
        in.setFlexible(true);
        in.skipTaggedFields();  // header v2
        in.string();            // ClientSoftwareName
        in.string();            // ClientSoftwareVersion
        in.skipTaggedFields();
      }
    } catch (const WireError& e) {
      reply.closeConnection = true;
      reply.closeReason = std::string("malformed ApiVersions request: ") + e.what();
      return reply;
    }
    // ApiVersions responses always use response header v0, even when the body is flexible.
    ResponseWriter r(header.correlationId, false, isFlexible(header.apiKey, version));
    auto& out = r.out;
    out.int16(supported ? error_code::kNone : error_code::kUnsupportedVersion);
    if (supported) {
      out.arrayLength(advertised_.size());
      for (const auto& [key, range] : advertised_) {
        out.int16(key);
        out.int16(range.first);
        out.int16(range.second);
        out.noTaggedFields();
      }
    } else {
      out.arrayLength(1);
      out.int16(api::kApiVersions);
      out.int16(minVersion);
      out.int16(maxVersion);
    }
    if (version >= 1) out.int32(0);
    out.noTaggedFields();
    reply.frame = r.finish();
    return reply;
  }

  auto range = advertised_.find(header.apiKey);
  if (range == advertised_.end() || header.apiVersion < range->second.first ||
      header.apiVersion > range->second.second) {
    // Kafka cannot parse such a request and closes the connection without answering.
    reply.closeConnection = true;
    reply.closeReason = "unsupported API " + apiName(header.apiKey) + " v" + std::to_string(header.apiVersion);
    return reply;
  }

  try {
    const bool flexible = isFlexible(header.apiKey, header.apiVersion);
    if (flexible) {
      in.setFlexible(true);
      in.skipTaggedFields();  // request header v2
    }
    RequestContext context(cluster_, self_, header, in);
    switch (header.apiKey) {
      case api::kMetadata:
        reply.frame = context.metadata();
        break;
      case api::kDescribeConfigs:
        reply.frame = context.describeConfigs();
        break;
      case api::kFindCoordinator:
        reply.frame = context.findCoordinator();
        break;
      case api::kListGroups:
        reply.frame = context.listGroups();
        break;
      case api::kDescribeGroups:
        reply.frame = context.describeGroups();
        break;
      case api::kDescribeCluster:
        reply.frame = context.describeCluster();
        break;
      default:
        reply.closeConnection = true;
        reply.closeReason = "no handler for " + apiName(header.apiKey);
    }
  } catch (const WireError& e) {
    reply.frame.clear();
    reply.closeConnection = true;
    reply.closeReason =
        "malformed " + apiName(header.apiKey) + " v" + std::to_string(header.apiVersion) + " request: " + e.what();
  }
  return reply;
}

}  // namespace kafkalint::testbroker
