// Reads a live cluster through librdkafka 2.0.2: Metadata (brokers, controller, topics,
// partitions), DescribeConfigs of every broker and of every topic (batched, several batches in
// flight), ListGroups and DescribeGroups. Nothing else is sent (live/admin_client.hpp).
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <span>
#include <unordered_map>

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/live.hpp"
#include "live/admin_client.hpp"
#include "live/admin_results.hpp"
#include "live/topic_config_requests.hpp"

namespace kafkalint {

namespace {

using Clock = std::chrono::steady_clock;

bool isInternalTopic(std::string_view name) {
  return name == "__consumer_offsets" || name == "__transaction_state" || name == "__share_group_state" ||
         name == "__cluster_metadata";
}

std::string libraryError(const rd_kafka_error_t* e) {
  return std::string(rdk::rd_kafka_error_name(e)) + " (" + rdk::rd_kafka_error_string(e) + ")";
}

// Every partition of a topic as Metadata reports it, by partition id; a broker that holds replicas
// but is not registered is down (or gone): it still counts, as a broker missing from the metadata.
std::shared_ptr<TopicPlacement> placementOf(const rd_kafka_metadata_topic_t& mt,
                                            std::map<std::int32_t, LiveBroker>& brokers) {
  auto placement = std::make_shared<TopicPlacement>();
  placement->partitions.reserve(static_cast<std::size_t>(mt.partition_cnt));
  std::vector<const rd_kafka_metadata_partition_t*> partitions;
  partitions.reserve(static_cast<std::size_t>(mt.partition_cnt));
  std::size_t brokerIds = 0;
  for (int p = 0; p < mt.partition_cnt; ++p) {
    partitions.push_back(&mt.partitions[p]);
    brokerIds += static_cast<std::size_t>(mt.partitions[p].replica_cnt + mt.partitions[p].isr_cnt);
  }
  placement->brokerIds.reserve(brokerIds);
  std::sort(partitions.begin(), partitions.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const rd_kafka_metadata_partition_t* p : partitions) {
    placement->add(p->id, p->leader, static_cast<std::int16_t>(p->err),
                   {p->replicas, static_cast<std::size_t>(p->replica_cnt)},
                   {p->isrs, static_cast<std::size_t>(p->isr_cnt)});
    for (int r = 0; r < p->replica_cnt; ++r) {
      if (brokers.contains(p->replicas[r])) continue;
      LiveBroker& b = brokers[p->replicas[r]];
      b.id = p->replicas[r];
      b.inMetadata = false;
    }
  }
  return placement;
}

class ClusterReader {
 public:
  explicit ClusterReader(const LiveOptions& options) : options_(options), client_(options) {}

  // Reads the cluster into `snapshot`; `builder` makes entities of it as it comes (begin() once
  // the brokers are read, topicRead() as each topic's configs arrive).
  void read(ClusterSnapshot& snapshot, LiveModelBuilder& builder, LiveStats& stats) {
    const auto started = Clock::now();
    snapshot.bootstrap = options_.bootstrap;
    if (readMetadata(snapshot)) {
      readBrokerConfigs(snapshot);
      stats.brokers = snapshot.brokers.size();
      stats.topics = snapshot.topics.size();
      for (const LiveTopic& t : snapshot.topics) stats.partitions += t.placement ? t.placement->partitions.size() : 0;
      builder.begin();
      readTopicConfigs(snapshot, builder, stats);
      readGroups(snapshot);
    } else {
      builder.begin();
    }
    stats.groups = snapshot.groups.size();
    stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  }

 private:
  bool readMetadata(ClusterSnapshot& snapshot) {
    const rd_kafka_metadata_t* md = nullptr;
    rd_kafka_resp_err_t err = rdk::rd_kafka_metadata(client_.handle(), 1, nullptr, &md, client_.timeoutMs());
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      std::string why = "could not read the cluster's metadata from " + options_.bootstrap + " within " +
                        seconds(options_.timeout) + ": " + errorText(err, nullptr);
      if (std::string last = client_.lastClientError(); !last.empty()) why += "; last client error: " + last;
      snapshot.error = why;
      return false;
    }
    std::unique_ptr<const rd_kafka_metadata_t, void (*)(const rd_kafka_metadata_t*)> owned(
        md, rdk::rd_kafka_metadata_destroy);
    if (char* id = rdk::rd_kafka_clusterid(client_.handle(), 0)) {
      snapshot.clusterId = id;
      rdk::rd_kafka_mem_free(client_.handle(), id);
    }
    snapshot.controllerId = rdk::rd_kafka_controllerid(client_.handle(), 0);
    std::map<std::int32_t, LiveBroker> brokers;
    for (int i = 0; i < md->broker_cnt; ++i) {
      LiveBroker& b = brokers[md->brokers[i].id];
      b.id = md->brokers[i].id;
      b.host = md->brokers[i].host != nullptr ? md->brokers[i].host : "";
      b.port = md->brokers[i].port;
    }
    snapshot.topics.reserve(static_cast<std::size_t>(md->topic_cnt));
    for (int i = 0; i < md->topic_cnt; ++i) {
      const rd_kafka_metadata_topic_t& mt = md->topics[i];
      LiveTopic& t = snapshot.topics.emplace_back();
      t.name = mt.topic;
      t.internal = isInternalTopic(t.name);
      if (mt.err != RD_KAFKA_RESP_ERR_NO_ERROR) t.metadataError = errorText(mt.err, nullptr);
      t.placement = placementOf(mt, brokers);
    }
    for (auto& [id, b] : brokers) snapshot.brokers.push_back(std::move(b));
    return true;
  }

  // One BROKER resource per call (librdkafka routes it to that broker); all calls at once.
  void readBrokerConfigs(ClusterSnapshot& snapshot) {
    client_.newPhase();
    std::size_t pending = 0;
    for (LiveBroker& b : snapshot.brokers) {
      if (!b.inMetadata) continue;
      rd_kafka_ConfigResource_t* resource =
          rdk::rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, std::to_string(b.id).c_str());
      AdminOptions o = client_.adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, &b);
      rdk::rd_kafka_DescribeConfigs(client_.handle(), &resource, 1, o.get(), client_.queue());
      rdk::rd_kafka_ConfigResource_destroy(resource);
      b.error = "no answer";
      ++pending;
    }
    for (; pending > 0; --pending) {
      Event ev = client_.nextResult();
      if (!ev) break;  // the rest keep "no answer"
      auto* broker = static_cast<LiveBroker*>(rdk::rd_kafka_event_opaque(ev.get()));
      if (broker == nullptr) continue;
      if (std::string why = eventError(ev); !why.empty()) {
        broker->error = std::move(why);
        continue;
      }
      const auto resources = describedResources(ev);
      if (resources.size() != 1) continue;  // keeps "no answer"
      broker->error = resourceError(resources[0]);
      if (broker->error.empty()) broker->configs = readConfigs(resources[0]);
    }
  }

  void readTopicConfigs(ClusterSnapshot& snapshot, LiveModelBuilder& builder, LiveStats& stats) {
    if (snapshot.topics.empty()) return;
    if (snapshot.controllerId < 0) {
      // librdkafka sends topic DescribeConfigs to the controller; without one it would wait out
      // every request.
      for (LiveTopic& t : snapshot.topics) {
        t.configError = "the cluster's metadata names no controller, and topic configs are read from it";
      }
      return;
    }
    client_.newPhase();
    kafkalint::readTopicConfigs(client_, options_, snapshot, builder, stats);
  }

  void readGroups(ClusterSnapshot& snapshot) {
    std::vector<std::string> ids = listGroups(snapshot);
    constexpr std::size_t kGroupsPerRequest = 100;
    for (std::size_t first = 0; first < ids.size(); first += kGroupsPerRequest) {
      std::vector<const char*> names;
      for (std::size_t i = first; i < std::min(ids.size(), first + kGroupsPerRequest); ++i) {
        names.push_back(ids[i].c_str());
      }
      describeGroups(std::move(names), snapshot);
    }
  }

  // The ids of the cluster's consumer groups, sorted.
  std::vector<std::string> listGroups(ClusterSnapshot& snapshot) {
    client_.newPhase();
    AdminOptions listOptions = client_.adminOptions(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, &tag_);
    rdk::rd_kafka_ListConsumerGroups(client_.handle(), listOptions.get(), client_.queue());
    Event ev = client_.nextResult();
    if (!ev) {
      snapshot.groupsError = "no answer to ListGroups";
      return {};
    }
    snapshot.groupsError = eventError(ev);
    if (!snapshot.groupsError.empty()) return {};
    const auto* result = rdk::rd_kafka_event_ListConsumerGroups_result(ev.get());
    std::size_t count = 0;
    const rd_kafka_error_t** errors = rdk::rd_kafka_ListConsumerGroups_result_errors(result, &count);
    for (std::size_t i = 0; i < count; ++i) snapshot.groupsError += (i ? "; " : "") + libraryError(errors[i]);
    const rd_kafka_ConsumerGroupListing_t** listings = rdk::rd_kafka_ListConsumerGroups_result_valid(result, &count);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) ids.emplace_back(rdk::rd_kafka_ConsumerGroupListing_group_id(listings[i]));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  void describeGroups(std::vector<const char*> names, ClusterSnapshot& snapshot) {
    client_.newPhase();
    AdminOptions o = client_.adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, &tag_);
    rdk::rd_kafka_DescribeConsumerGroups(client_.handle(), names.data(), names.size(), o.get(), client_.queue());
    Event described = client_.nextResult();
    const std::string why = described ? eventError(described) : "no answer to DescribeGroups";
    if (!why.empty()) {
      for (const char* name : names) snapshot.groups.push_back({name, "Unknown", "", 0, {}, why});
      return;
    }
    std::size_t n = 0;
    const rd_kafka_ConsumerGroupDescription_t** groups = rdk::rd_kafka_DescribeConsumerGroups_result_groups(
        rdk::rd_kafka_event_DescribeConsumerGroups_result(described.get()), &n);
    for (std::size_t g = 0; g < n; ++g) snapshot.groups.push_back(groupState(groups[g]));
  }

  // A group's state, members and the topics assigned to them.
  static ConsumerGroupState groupState(const rd_kafka_ConsumerGroupDescription_t* group) {
    ConsumerGroupState state;
    state.id = rdk::rd_kafka_ConsumerGroupDescription_group_id(group);
    state.state = rdk::rd_kafka_consumer_group_state_name(rdk::rd_kafka_ConsumerGroupDescription_state(group));
    if (const rd_kafka_error_t* e = rdk::rd_kafka_ConsumerGroupDescription_error(group)) state.error = libraryError(e);
    state.members = rdk::rd_kafka_ConsumerGroupDescription_member_count(group);
    std::vector<std::string> topics;
    for (std::size_t m = 0; m < state.members; ++m) {
      const rd_kafka_MemberDescription_t* member = rdk::rd_kafka_ConsumerGroupDescription_member(group, m);
      const rd_kafka_topic_partition_list_t* parts =
          rdk::rd_kafka_MemberAssignment_partitions(rdk::rd_kafka_MemberDescription_assignment(member));
      for (int p = 0; parts != nullptr && p < parts->cnt; ++p) topics.emplace_back(parts->elems[p].topic);
    }
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    state.topics = std::move(topics);
    return state;
  }

  const LiveOptions& options_;
  AdminClient client_;
  int tag_ = 0;  // the opaque of the group requests (their results are told apart by phase)
};

}  // namespace

LiveStats loadLiveCluster(Model& model, const LiveOptions& options) {
  LiveStats stats;
  ClusterSnapshot snapshot;
  LiveModelBuilder builder(model, snapshot, options.onTopic);
  {
    ClusterReader reader(options);
    reader.read(snapshot, builder, stats);
  }
  builder.finish();
  return stats;
}

}  // namespace kafkalint
