#include "live/topic_config_requests.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "live/admin_results.hpp"

namespace kafkalint {

namespace {

class TopicConfigRequests {
 public:
  TopicConfigRequests(AdminClient& client, const LiveOptions& options, ClusterSnapshot& snapshot,
                      LiveModelBuilder& builder, LiveStats& stats)
      : client_(client), options_(options), topics_(snapshot.topics), builder_(builder), stats_(stats) {
    byName_.reserve(topics_.size());
    for (std::size_t i = 0; i < topics_.size(); ++i) byName_.emplace(topics_[i].name, i);
    for (std::size_t first = 0; first < topics_.size(); first += perRequest()) {
      batches_.push_back({first, std::min(perRequest(), topics_.size() - first)});
    }
  }

  void run() {
    sendMore();
    while (done_ < batches_.size() && inFlight_ > 0) {
      Event ev = client_.nextResult();
      if (!ev) {
        failure_ = "no answer within " + seconds(options_.timeout);
        break;
      }
      auto* batch = static_cast<Batch*>(rdk::rd_kafka_event_opaque(ev.get()));
      if (batch == nullptr) continue;
      --inFlight_;
      ++done_;
      receive(*batch, ev);
    }
    if (failure_.empty()) return;
    for (std::size_t b = next_; b < batches_.size(); ++b) {
      for (std::size_t i = batches_[b].first; i < batches_[b].first + batches_[b].count; ++i) {
        topics_[i].configError = "not read: an earlier DescribeConfigs request failed: " + failure_;
      }
    }
  }

 private:
  struct Batch {
    std::size_t first = 0;
    std::size_t count = 0;
  };

  [[nodiscard]] std::size_t perRequest() const { return std::max<std::size_t>(1, options_.topicsPerRequest); }

  // Once a request fails as a whole, the rest are not sent.
  void sendMore() {
    while (failure_.empty() && next_ < batches_.size() &&
           inFlight_ < std::max<std::size_t>(1, options_.requestsInFlight)) {
      send(batches_[next_++]);
    }
  }

  void send(Batch& batch) {
    std::vector<rd_kafka_ConfigResource_t*> resources;
    resources.reserve(batch.count);
    for (std::size_t i = batch.first; i < batch.first + batch.count; ++i) {
      rd_kafka_ConfigResource_t* r = rdk::rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topics_[i].name.c_str());
      // Named configs only: the response stays small, a million partitions or not.
      for (const std::string& key : options_.topicConfigKeys)
        rdk::rd_kafka_ConfigResource_set_config(r, key.c_str(), "");
      resources.push_back(r);
      topics_[i].configError = "no answer";
    }
    AdminOptions o = client_.adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, &batch);
    rdk::rd_kafka_DescribeConfigs(client_.handle(), resources.data(), resources.size(), o.get(), client_.queue());
    for (auto* r : resources) rdk::rd_kafka_ConfigResource_destroy(r);
    ++stats_.describeConfigsRequests;
    ++inFlight_;
  }

  void receive(const Batch& batch, const Event& ev) {
    if (const std::string why = eventError(ev); !why.empty()) {
      for (std::size_t i = batch.first; i < batch.first + batch.count; ++i) {
        topics_[i].configError = why;
        builder_.topicRead(i);
      }
      if (failure_.empty()) failure_ = why;
      return;
    }
    // The next request goes out before this answer is turned into entities (and the caller
    // evaluates them): the cluster works on it meanwhile.
    sendMore();
    for (const rd_kafka_ConfigResource_t* resource : describedResources(ev)) {
      auto it = byName_.find(rdk::rd_kafka_ConfigResource_name(resource));
      if (it == byName_.end()) continue;
      LiveTopic& t = topics_[it->second];
      t.configError = resourceError(resource);
      if (t.configError.empty()) t.configs = readConfigs(resource);
      builder_.topicRead(it->second);
    }
    if (options_.progress) {
      const std::size_t read = std::min(topics_.size(), done_ * perRequest());
      options_.progress("topic configs " + std::to_string(read) + "/" + std::to_string(topics_.size()));
    }
  }

  AdminClient& client_;
  const LiveOptions& options_;
  std::vector<LiveTopic>& topics_;
  LiveModelBuilder& builder_;
  LiveStats& stats_;
  std::unordered_map<std::string_view, std::size_t> byName_;
  std::vector<Batch> batches_;
  std::size_t next_ = 0;
  std::size_t inFlight_ = 0;
  std::size_t done_ = 0;
  std::string failure_;
};

}  // namespace

void readTopicConfigs(AdminClient& client, const LiveOptions& options, ClusterSnapshot& snapshot,
                      LiveModelBuilder& builder, LiveStats& stats) {
  TopicConfigRequests(client, options, snapshot, builder, stats).run();
}

}  // namespace kafkalint
