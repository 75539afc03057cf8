// Reading a live cluster into the model (check_steps.hpp): the connection settings (-X,
// --client-config, KAFKALINT_CLIENT_*), only the topic configs the rules read, progress and -v.
#include <sstream>

#include "check_steps.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/live.hpp"

namespace kafkalint::check {

namespace {

// The topic configs the rules read: the only ones requested from the cluster, so that the
// answers for 100,000 topics stay small.
std::set<std::string> topicConfigKeys(const RuleSet& rules) {
  std::set<std::string> keys = {"min.insync.replicas", "unclean.leader.election.enable"};  // the budget
  const Catalog& catalog = Catalog::instance();
  for (const std::string& key : rules.checkedKeys(EntityKind::Topic)) {
    if (key.find(':') == std::string::npos && catalog.knownInAnyRelease(ConfigScope::Topic, key)) keys.insert(key);
  }
  return keys;
}

LiveOptions liveOptions(const CheckRequest& request, RunResult& run) {
  const ClusterRequest& cluster = request.cluster;
  LiveOptions live;
  live.bootstrap = cluster.bootstrap;
  ClientSettingsInput input{cluster.clientConfig.value_or(""), cluster.clientOverrides, request.environment.variables};
  ClientSettings settings = collectClientSettings(input);
  for (const std::string& w : settings.warnings) run.messages.push_back("kafkalint: warning: " + w);
  live.clientSettings = std::move(settings.settings);
  const double timeout = cluster.timeoutSeconds.value_or(30);
  if (!(timeout > 0) || timeout > 3600)
    throw UsageError("--timeout: expected a number of seconds above 0 and at most 3600");
  live.timeout = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
  if (std::ostream* terminal = request.quiet ? nullptr : request.environment.progress) {
    live.progress = [terminal](std::string_view line) {
      *terminal << "\rkafkalint: " << line << "\x1b[K" << std::flush;
    };
  }
  if (std::ostream* log = request.verbose ? request.environment.clusterLog : nullptr) {
    live.log = [log](std::string_view line) { *log << "kafkalint: " << line << "\n"; };
  }
  return live;
}

}  // namespace

void readCluster(const CheckRequest& request, const RuleSet& rules, Model& model,
                 std::function<void(const Entity&)> onTopic, RunResult& run) {
  LiveOptions live = liveOptions(request, run);
  live.topicConfigKeys = topicConfigKeys(rules);
  live.onTopic = std::move(onTopic);
  const LiveStats stats = loadLiveCluster(model, live);
  if (live.progress) *request.environment.progress << "\r\x1b[K" << std::flush;
  if (request.verbose) {
    std::ostringstream line;
    line << "kafkalint: read " << request.cluster.bootstrap << ": " << stats.brokers << " brokers, " << stats.topics
         << " topics, " << stats.partitions << " partitions, " << stats.groups << " consumer groups, "
         << stats.describeConfigsRequests << " topic DescribeConfigs requests, " << stats.seconds << " s";
    run.messages.push_back(line.str());
  }
  linkConsumerGroups(model);
}

}  // namespace kafkalint::check
