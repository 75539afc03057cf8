// Reads a live cluster through librdkafka 2.0.2: Metadata (brokers, controller, topics,
// partitions), DescribeConfigs of every broker and of every topic (batched, several batches in
// flight), ListGroups and DescribeGroups. Nothing else is sent: the client is a producer that
// never produces, with idempotence off and topic auto-creation off.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/secrets.hpp"
#include "live/rdkafka_api.hpp"

namespace kafkalint {

namespace {

using Clock = std::chrono::steady_clock;

struct HandleDeleter {
  void operator()(rd_kafka_t* rk) const { rdk::rd_kafka_destroy(rk); }
};
struct QueueDeleter {
  void operator()(rd_kafka_queue_t* q) const { rdk::rd_kafka_queue_destroy(q); }
};
struct EventDeleter {
  void operator()(rd_kafka_event_t* e) const { rdk::rd_kafka_event_destroy(e); }
};
struct OptionsDeleter {
  void operator()(rd_kafka_AdminOptions_t* o) const { rdk::rd_kafka_AdminOptions_destroy(o); }
};
struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rdk::rd_kafka_conf_destroy(c); }
};
using Handle = std::unique_ptr<rd_kafka_t, HandleDeleter>;
using Queue = std::unique_ptr<rd_kafka_queue_t, QueueDeleter>;
using Event = std::unique_ptr<rd_kafka_event_t, EventDeleter>;
using AdminOptions = std::unique_ptr<rd_kafka_AdminOptions_t, OptionsDeleter>;
using Conf = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;

// Replaces every secret the user gave with [REDACTED] in text that came from librdkafka (its
// errors and logs can quote configuration).
class SecretScrubber {
 public:
  explicit SecretScrubber(const std::vector<ClientSetting>& settings) {
    for (const ClientSetting& s : settings) {
      if (isSecretKey(s.key) && s.value.size() >= 3) secrets_.push_back(s.value);
    }
    // Longest first, so that a secret containing another is replaced whole.
    std::sort(secrets_.begin(), secrets_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }
  [[nodiscard]] std::string operator()(std::string text) const {
    for (const std::string& secret : secrets_) {
      for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
        text.replace(at, secret.size(), kRedacted);
      }
    }
    return text;
  }

 private:
  std::vector<std::string> secrets_;
};

// What librdkafka's callbacks report, read by the audit thread.
struct ClientEvents {
  const SecretScrubber* scrub = nullptr;
  const std::function<void(std::string_view)>* log = nullptr;
  std::mutex mutex;
  std::string lastError;  // the last error callback, e.g. "Connect to ipv4#127.0.0.1:9 failed: ..."
};

void onError(rd_kafka_t*, int, const char* reason, void* opaque) {
  auto* events = static_cast<ClientEvents*>(opaque);
  std::lock_guard lock(events->mutex);
  events->lastError = (*events->scrub)(reason != nullptr ? reason : "");
}

void onLog(const rd_kafka_t* rk, int level, const char* facility, const char* message) {
  auto* events = static_cast<ClientEvents*>(rdk::rd_kafka_opaque(rk));
  if (events == nullptr || events->log == nullptr || !*events->log) return;
  std::string line = "librdkafka " + std::to_string(level) + " " + (facility ? facility : "") + ": " +
                     (*events->scrub)(message != nullptr ? message : "");
  std::lock_guard lock(events->mutex);
  (*events->log)(line);
}

std::string errorText(rd_kafka_resp_err_t err, const char* message) {
  std::string out = rdk::rd_kafka_err2name(err);
  const std::string detail = message != nullptr && *message != '\0' ? message : rdk::rd_kafka_err2str(err);
  if (!detail.empty() && detail != out) out += " (" + detail + ")";
  return out;
}

LiveConfig::Source sourceOf(rd_kafka_ConfigSource_t source) {
  switch (source) {
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG:
      return LiveConfig::Source::TopicOverride;
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG:
      return LiveConfig::Source::DynamicBroker;
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG:
      return LiveConfig::Source::DynamicDefaultBroker;
    case RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG:
      return LiveConfig::Source::StaticBroker;
    case RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG:
      return LiveConfig::Source::Default;
    case RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG:
      return LiveConfig::Source::Unknown;
    default:
      return LiveConfig::Source::Other;
  }
}

std::vector<LiveConfig> readConfigs(const rd_kafka_ConfigResource_t* resource) {
  std::vector<LiveConfig> out;
  std::size_t count = 0;
  const rd_kafka_ConfigEntry_t** entries = rdk::rd_kafka_ConfigResource_configs(resource, &count);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    LiveConfig c;
    c.name = rdk::rd_kafka_ConfigEntry_name(entries[i]);
    c.sensitive = rdk::rd_kafka_ConfigEntry_is_sensitive(entries[i]) != 0;
    const char* value = rdk::rd_kafka_ConfigEntry_value(entries[i]);
    if (value != nullptr && !c.sensitive) c.value = value;
    c.source = sourceOf(rdk::rd_kafka_ConfigEntry_source(entries[i]));
    out.push_back(std::move(c));
  }
  return out;
}

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = ms.count() / 100;
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " s";
}

bool isInternalTopic(std::string_view name) {
  return name == "__consumer_offsets" || name == "__transaction_state" || name == "__share_group_state" ||
         name == "__cluster_metadata";
}

class ClusterReader {
 public:
  ClusterReader(const LiveOptions& options) : options_(options), scrub_(options.clientSettings) {
    events_.scrub = &scrub_;
    events_.log = &options_.log;
  }

  // Reads the cluster into `snapshot`; `builder` makes entities of it as it comes (begin() once
  // the brokers are read, topicRead() as each topic's configs arrive).
  void read(ClusterSnapshot& snapshot, LiveModelBuilder& builder, LiveStats& stats) {
    const auto started = Clock::now();
    snapshot.bootstrap = options_.bootstrap;
    connect();
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
  [[nodiscard]] int timeoutMs() const { return static_cast<int>(options_.timeout.count()); }

  void set(rd_kafka_conf_t* conf, const std::string& key, const std::string& value, const std::string& origin) {
    char error[512];
    if (rdk::rd_kafka_conf_set(conf, key.c_str(), value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
      // librdkafka's message can quote the value: never for a secret.
      const std::string why = isSecretKey(key) ? "librdkafka does not accept the value" : scrub_(error);
      throw InputError(origin, 0, 0, "client setting " + key + ": " + why);
    }
  }

  void connect() {
    rdk::load();
    Conf conf(rdk::rd_kafka_conf_new());
    set(conf.get(), "client.id", "kafkalint", "kafkalint");
    set(conf.get(), "log.connection.close", "false", "kafkalint");
    for (const ClientSetting& s : options_.clientSettings) set(conf.get(), s.key, s.value, s.origin);
    // After the user's settings: the audit must not write, nor refresh metadata on its own.
    set(conf.get(), "bootstrap.servers", options_.bootstrap, "--bootstrap");
    set(conf.get(), "enable.idempotence", "false", "kafkalint");
    set(conf.get(), "allow.auto.create.topics", "false", "kafkalint");
    set(conf.get(), "topic.metadata.refresh.interval.ms", "-1", "kafkalint");
    rdk::rd_kafka_conf_set_opaque(conf.get(), &events_);
    rdk::rd_kafka_conf_set_error_cb(conf.get(), onError);
    rdk::rd_kafka_conf_set_log_cb(conf.get(), onLog);
    char error[512];
    rd_kafka_t* rk = rdk::rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), error, sizeof error);
    if (rk == nullptr) throw InputError("--bootstrap", 0, 0, "cannot create the Kafka client: " + scrub_(error));
    conf.release();  // rdk::rd_kafka_new took it
    handle_.reset(rk);
  }

  std::string lastClientError() {
    rdk::rd_kafka_poll(handle_.get(), 0);  // error callbacks are served from the client's main queue
    std::lock_guard lock(events_.mutex);
    return events_.lastError;
  }

  bool readMetadata(ClusterSnapshot& snapshot) {
    const rd_kafka_metadata_t* md = nullptr;
    rd_kafka_resp_err_t err = rdk::rd_kafka_metadata(handle_.get(), 1, nullptr, &md, timeoutMs());
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      std::string why = "could not read the cluster's metadata from " + options_.bootstrap + " within " +
                        seconds(options_.timeout) + ": " + errorText(err, nullptr);
      if (std::string last = lastClientError(); !last.empty()) why += "; last client error: " + last;
      snapshot.error = why;
      return false;
    }
    std::unique_ptr<const rd_kafka_metadata_t, void (*)(const rd_kafka_metadata_t*)> owned(
        md, rdk::rd_kafka_metadata_destroy);

    if (char* id = rdk::rd_kafka_clusterid(handle_.get(), 0)) {
      snapshot.clusterId = id;
      rdk::rd_kafka_mem_free(handle_.get(), id);
    }
    snapshot.controllerId = rdk::rd_kafka_controllerid(handle_.get(), 0);

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
        // A broker that holds replicas but is not registered is down (or gone): it still counts.
        for (int r = 0; r < p->replica_cnt; ++r) {
          if (!brokers.count(p->replicas[r])) {
            LiveBroker& b = brokers[p->replicas[r]];
            b.id = p->replicas[r];
            b.inMetadata = false;
          }
        }
      }
      t.placement = std::move(placement);
    }
    for (auto& [id, b] : brokers) snapshot.brokers.push_back(std::move(b));
    return true;
  }

  AdminOptions adminOptions(rd_kafka_admin_op_t op, void* opaque) {
    AdminOptions o(rdk::rd_kafka_AdminOptions_new(handle_.get(), op));
    char error[256];
    rdk::rd_kafka_AdminOptions_set_request_timeout(o.get(), timeoutMs(), error, sizeof error);
    rdk::rd_kafka_AdminOptions_set_opaque(o.get(), opaque);
    return o;
  }

  // Waits for one admin result; nullptr when none came in time (librdkafka times requests out
  // itself, so this is a safety net against a hang).
  Event nextResult() { return Event(rdk::rd_kafka_queue_poll(queue_.get(), timeoutMs() + 5000)); }

  // Each phase gets its own result queue: an answer to a request given up on (no result in time)
  // lands in the old queue and can never be taken for an answer of the next phase.
  void newPhase() { queue_.reset(rdk::rd_kafka_queue_new(handle_.get())); }

  void readBrokerConfigs(ClusterSnapshot& snapshot) {
    newPhase();
    // One BROKER resource per call (librdkafka routes it to that broker); all calls at once.
    std::size_t pending = 0;
    for (LiveBroker& b : snapshot.brokers) {
      if (!b.inMetadata) continue;
      rd_kafka_ConfigResource_t* resource =
          rdk::rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, std::to_string(b.id).c_str());
      AdminOptions o = adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, &b);
      rdk::rd_kafka_DescribeConfigs(handle_.get(), &resource, 1, o.get(), queue_.get());
      rdk::rd_kafka_ConfigResource_destroy(resource);
      b.error = "no answer";
      ++pending;
    }
    for (; pending > 0; --pending) {
      Event ev = nextResult();
      if (!ev) break;  // the rest keep "no answer"
      auto* broker = static_cast<LiveBroker*>(rdk::rd_kafka_event_opaque(ev.get()));
      if (broker == nullptr) continue;
      if (rdk::rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        broker->error = errorText(rdk::rd_kafka_event_error(ev.get()), rdk::rd_kafka_event_error_string(ev.get()));
        continue;
      }
      std::size_t count = 0;
      const rd_kafka_ConfigResource_t** resources =
          rdk::rd_kafka_DescribeConfigs_result_resources(rdk::rd_kafka_event_DescribeConfigs_result(ev.get()), &count);
      if (count != 1) continue;
      if (rdk::rd_kafka_ConfigResource_error(resources[0]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        broker->error = errorText(rdk::rd_kafka_ConfigResource_error(resources[0]),
                                  rdk::rd_kafka_ConfigResource_error_string(resources[0]));
        continue;
      }
      broker->configs = readConfigs(resources[0]);
      broker->error.clear();
    }
  }

  struct TopicBatch {
    std::size_t first = 0;
    std::size_t count = 0;
  };

  void readTopicConfigs(ClusterSnapshot& snapshot, LiveModelBuilder& builder, LiveStats& stats) {
    auto& topics = snapshot.topics;
    if (topics.empty()) return;
    if (snapshot.controllerId < 0) {
      // librdkafka sends topic DescribeConfigs to the controller; without one it would wait out
      // every request.
      for (LiveTopic& t : topics) {
        t.configError = "the cluster's metadata names no controller, and topic configs are read from it";
      }
      return;
    }
    newPhase();
    std::unordered_map<std::string_view, std::size_t> byName;
    byName.reserve(topics.size());
    for (std::size_t i = 0; i < topics.size(); ++i) byName.emplace(topics[i].name, i);

    const std::size_t perRequest = std::max<std::size_t>(1, options_.topicsPerRequest);
    std::vector<TopicBatch> batches;
    for (std::size_t first = 0; first < topics.size(); first += perRequest) {
      batches.push_back({first, std::min(perRequest, topics.size() - first)});
    }
    std::size_t next = 0, inFlight = 0, done = 0;
    std::string failure;  // once a request fails as a whole, the rest are not sent
    auto send = [&](TopicBatch& batch) {
      std::vector<rd_kafka_ConfigResource_t*> resources;
      resources.reserve(batch.count);
      for (std::size_t i = batch.first; i < batch.first + batch.count; ++i) {
        rd_kafka_ConfigResource_t* r =
            rdk::rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topics[i].name.c_str());
        // Named configs only: the response stays small, a million partitions or not.
        for (const std::string& key : options_.topicConfigKeys)
          rdk::rd_kafka_ConfigResource_set_config(r, key.c_str(), "");
        resources.push_back(r);
        topics[i].configError = "no answer";
      }
      AdminOptions o = adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, &batch);
      rdk::rd_kafka_DescribeConfigs(handle_.get(), resources.data(), resources.size(), o.get(), queue_.get());
      for (auto* r : resources) rdk::rd_kafka_ConfigResource_destroy(r);
      ++stats.describeConfigsRequests;
      ++inFlight;
    };
    auto sendMore = [&] {
      while (failure.empty() && next < batches.size() &&
             inFlight < std::max<std::size_t>(1, options_.requestsInFlight)) {
        send(batches[next++]);
      }
    };
    sendMore();
    while (done < batches.size()) {
      if (inFlight == 0) break;
      Event ev = nextResult();
      if (!ev) {
        failure = "no answer within " + seconds(options_.timeout);
        break;
      }
      auto* batch = static_cast<TopicBatch*>(rdk::rd_kafka_event_opaque(ev.get()));
      if (batch == nullptr) continue;
      --inFlight;
      ++done;
      if (rdk::rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        const std::string why =
            errorText(rdk::rd_kafka_event_error(ev.get()), rdk::rd_kafka_event_error_string(ev.get()));
        for (std::size_t i = batch->first; i < batch->first + batch->count; ++i) {
          topics[i].configError = why;
          builder.topicRead(i);
        }
        if (failure.empty()) failure = why;
        continue;
      }
      // The next request goes out before this answer is turned into entities (and the caller
      // evaluates them): the cluster works on it meanwhile.
      sendMore();
      std::size_t count = 0;
      const rd_kafka_ConfigResource_t** resources =
          rdk::rd_kafka_DescribeConfigs_result_resources(rdk::rd_kafka_event_DescribeConfigs_result(ev.get()), &count);
      for (std::size_t i = 0; i < count; ++i) {
        auto it = byName.find(rdk::rd_kafka_ConfigResource_name(resources[i]));
        if (it == byName.end()) continue;
        LiveTopic& t = topics[it->second];
        if (rdk::rd_kafka_ConfigResource_error(resources[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
          t.configError = errorText(rdk::rd_kafka_ConfigResource_error(resources[i]),
                                    rdk::rd_kafka_ConfigResource_error_string(resources[i]));
        } else {
          t.configs = readConfigs(resources[i]);
          t.configError.clear();
        }
        builder.topicRead(it->second);
      }
      if (options_.progress) {
        const std::size_t read = std::min(topics.size(), done * perRequest);
        options_.progress("topic configs " + std::to_string(read) + "/" + std::to_string(topics.size()));
      }
    }
    if (!failure.empty()) {
      for (std::size_t b = next; b < batches.size(); ++b) {
        for (std::size_t i = batches[b].first; i < batches[b].first + batches[b].count; ++i) {
          topics[i].configError = "not read: an earlier DescribeConfigs request failed: " + failure;
        }
      }
    }
  }

  void readGroups(ClusterSnapshot& snapshot) {
    int tag = 0;
    newPhase();
    AdminOptions listOptions = adminOptions(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, &tag);
    rdk::rd_kafka_ListConsumerGroups(handle_.get(), listOptions.get(), queue_.get());
    Event ev = nextResult();
    if (!ev) {
      snapshot.groupsError = "no answer to ListGroups";
      return;
    }
    if (rdk::rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      snapshot.groupsError = errorText(rdk::rd_kafka_event_error(ev.get()), rdk::rd_kafka_event_error_string(ev.get()));
      return;
    }
    const auto* result = rdk::rd_kafka_event_ListConsumerGroups_result(ev.get());
    std::size_t count = 0;
    const rd_kafka_error_t** errors = rdk::rd_kafka_ListConsumerGroups_result_errors(result, &count);
    for (std::size_t i = 0; i < count; ++i) {
      snapshot.groupsError += (i ? "; " : "") + std::string(rdk::rd_kafka_error_name(errors[i])) + " (" +
                              rdk::rd_kafka_error_string(errors[i]) + ")";
    }
    const rd_kafka_ConsumerGroupListing_t** listings = rdk::rd_kafka_ListConsumerGroups_result_valid(result, &count);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) ids.emplace_back(rdk::rd_kafka_ConsumerGroupListing_group_id(listings[i]));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ev.reset();

    constexpr std::size_t kGroupsPerRequest = 100;
    for (std::size_t first = 0; first < ids.size(); first += kGroupsPerRequest) {
      std::vector<const char*> names;
      for (std::size_t i = first; i < std::min(ids.size(), first + kGroupsPerRequest); ++i) {
        names.push_back(ids[i].c_str());
      }
      newPhase();
      AdminOptions o = adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, &tag);
      rdk::rd_kafka_DescribeConsumerGroups(handle_.get(), names.data(), names.size(), o.get(), queue_.get());
      Event described = nextResult();
      if (!described || rdk::rd_kafka_event_error(described.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        const std::string why = described ? errorText(rdk::rd_kafka_event_error(described.get()),
                                                      rdk::rd_kafka_event_error_string(described.get()))
                                          : "no answer to DescribeGroups";
        for (const char* name : names) snapshot.groups.push_back({name, "Unknown", "", 0, {}, why});
        continue;
      }
      std::size_t n = 0;
      const rd_kafka_ConsumerGroupDescription_t** groups = rdk::rd_kafka_DescribeConsumerGroups_result_groups(
          rdk::rd_kafka_event_DescribeConsumerGroups_result(described.get()), &n);
      for (std::size_t g = 0; g < n; ++g) {
        ConsumerGroupState state;
        state.id = rdk::rd_kafka_ConsumerGroupDescription_group_id(groups[g]);
        state.state = rdk::rd_kafka_consumer_group_state_name(rdk::rd_kafka_ConsumerGroupDescription_state(groups[g]));
        if (const rd_kafka_error_t* e = rdk::rd_kafka_ConsumerGroupDescription_error(groups[g])) {
          state.error = std::string(rdk::rd_kafka_error_name(e)) + " (" + rdk::rd_kafka_error_string(e) + ")";
        }
        state.members = rdk::rd_kafka_ConsumerGroupDescription_member_count(groups[g]);
        std::vector<std::string> topics;
        for (std::size_t m = 0; m < state.members; ++m) {
          const rd_kafka_MemberDescription_t* member = rdk::rd_kafka_ConsumerGroupDescription_member(groups[g], m);
          const rd_kafka_topic_partition_list_t* parts =
              rdk::rd_kafka_MemberAssignment_partitions(rdk::rd_kafka_MemberDescription_assignment(member));
          for (int p = 0; parts != nullptr && p < parts->cnt; ++p) topics.emplace_back(parts->elems[p].topic);
        }
        std::sort(topics.begin(), topics.end());
        topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
        state.topics = std::move(topics);
        snapshot.groups.push_back(std::move(state));
      }
    }
  }

  const LiveOptions& options_;
  SecretScrubber scrub_;
  ClientEvents events_;
  Handle handle_;
  Queue queue_;  // declared after the client: destroyed before it, as librdkafka requires
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
