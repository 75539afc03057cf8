// Stage 1, load, from a live cluster: brokers, topics, partitions and consumer groups read through
// librdkafka's admin API into the same model the file loaders fill. Read only: kafkalint sends
// Metadata, DescribeConfigs, ListGroups, FindCoordinator and DescribeGroups, nothing else.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

// One client setting for the connection to the cluster, and where it was given.
struct ClientSetting {
  std::string key;     // librdkafka's name
  std::string value;   // never printed for secret keys
  std::string origin;  // "-X", "KAFKALINT_CLIENT_SASL_PASSWORD", "admin.properties:4"
};

// Collects the connection settings, lowest precedence first: a client properties file (Java or
// librdkafka names; a Java sasl.jaas.config gives sasl.username/sasl.password), KAFKALINT_CLIENT_*
// environment variables (KAFKALINT_CLIENT_SASL_PASSWORD is sasl.password), then -X key=value.
// Throws InputError for a setting librdkafka cannot take or one that would make the client write.
struct ClientSettingsInput {
  std::string clientConfigFile;          // "" when none
  std::vector<std::string> overrides;    // -X key=value, in order
  std::vector<std::string> environment;  // NAME=value entries (environ)
};
struct ClientSettings {
  std::vector<ClientSetting> settings;  // later ones win
  std::vector<std::string> warnings;    // settings skipped (Java-only keys), for stderr
};
ClientSettings collectClientSettings(const ClientSettingsInput& input);

struct LiveOptions {
  std::string bootstrap;                           // host:port[,host:port...]
  std::vector<ClientSetting> clientSettings;       // from collectClientSettings
  std::chrono::milliseconds timeout{30000};        // bounds every request to the cluster
  std::set<std::string> topicConfigKeys;           // the topic configs the rules read; empty = all
  std::size_t topicsPerRequest = 1000;             // DescribeConfigs batch (librdkafka matches results linearly)
  std::size_t requestsInFlight = 4;                // concurrent DescribeConfigs batches
  std::function<void(std::string_view)> progress;  // progress lines for a terminal, or empty
  std::function<void(std::string_view)> log;       // librdkafka's log (secrets scrubbed), or empty
  // Called with each live topic once it is complete (its configs read, or known not to be), while
  // the rest are still being read, so that it can be evaluated meanwhile; on the calling thread.
  // The cluster and broker entities are complete by then.
  std::function<void(const Entity&)> onTopic;
};

// What was read, for -v and the benchmark notes.
struct LiveStats {
  std::size_t brokers = 0;
  std::size_t topics = 0;
  std::size_t partitions = 0;
  std::size_t groups = 0;
  std::size_t describeConfigsRequests = 0;
  double seconds = 0;
};

// Reads the cluster at `options.bootstrap` into `model`. Never throws for what the cluster does:
// an unreachable cluster, a timeout or an authorization error leaves the affected entities marked
// `unverified` (with the reason), so that the rules report those checks as not made.
LiveStats loadLiveCluster(Model& model, const LiveOptions& options);

// A consumer file that names its group but not its topics reads what the live group is assigned:
// those topics are added to its `consumes`, so that the rules over a consumer and its topics see them.
void linkConsumerGroups(Model& model);

}  // namespace kafkalint
