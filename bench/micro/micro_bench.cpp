// Micro benchmarks of the hot stages (Google Benchmark, Debian libbenchmark-dev): .properties
// parsing, cluster-spec loading (YAML and TOML), resolution of an effective value, rule evaluation
// per entity (files and live topics) and building live topics from a cluster snapshot.
//
//   build/bench/kafkalint_micro_bench [--benchmark_filter=REGEX] [--benchmark_min_time=0.1]
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "kafkalint/budget.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {
namespace {

const std::string kBrokerProperties = [] {
  std::string text = "# a broker\n";
  const char* lines[] = {"node.id=1",
                         "process.roles=broker,controller",
                         "controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
                         "listeners=PLAINTEXT://:9092,CONTROLLER://:9093",
                         "controller.listener.names=CONTROLLER",
                         "advertised.listeners=PLAINTEXT://kafka-1:9092",
                         "log.dirs=/var/lib/kafka/data",
                         "broker.rack=rack-a",
                         "num.partitions=6",
                         "default.replication.factor=3",
                         "min.insync.replicas=2",
                         "unclean.leader.election.enable=false",
                         "auto.create.topics.enable=false",
                         "offsets.topic.replication.factor=3",
                         "transaction.state.log.replication.factor=3",
                         "transaction.state.log.min.isr=2",
                         "log.retention.hours=168",
                         "log.segment.bytes=1073741824",
                         "num.network.threads=8",
                         "num.io.threads=16"};
  for (const char* l : lines) text += std::string(l) + "\n";
  return text;
}();

// A cluster spec with `topics` topics, as bench/generate_cluster.py writes it (block style).
std::string specYaml(int topics) {
  std::string s =
      "kafkalint: cluster-spec/v1\ncluster:\n  name: micro\n  kafka_version: \"3.7\"\n  brokers:\n"
      "    - {id: 1, rack: rack-a}\n    - {id: 2, rack: rack-b}\n    - {id: 3, rack: rack-c}\n"
      "  broker_config:\n    min.insync.replicas: 2\n    default.replication.factor: 3\ntopics:\n";
  for (int i = 0; i < topics; ++i) {
    s += "  - name: orders.events-" + std::to_string(i) +
         "\n    partitions: 10\n    replication_factor: " + (i % 30 == 0 ? "2" : "3") + "\n";
    if (i % 5 == 0) s += "    config:\n      min.insync.replicas: " + std::string(i % 15 == 0 ? "1" : "2") + "\n";
  }
  return s;
}

std::string specToml(int topics) {
  std::string s =
      "kafkalint = \"cluster-spec/v1\"\n[cluster]\nname = \"micro\"\nkafka_version = \"3.7\"\nbrokers = 3\n"
      "[cluster.broker_config]\n\"min.insync.replicas\" = 2\n\"default.replication.factor\" = 3\n";
  for (int i = 0; i < topics; ++i) {
    s += "\n[[topics]]\nname = \"orders.events-" + std::to_string(i) +
         "\"\npartitions = 10\nreplication_factor = " + (i % 30 == 0 ? "2" : "3") + "\n";
    if (i % 5 == 0) s += "[topics.config]\n\"min.insync.replicas\" = " + std::string(i % 15 == 0 ? "1" : "2") + "\n";
  }
  return s;
}

LoadResult loadSpec(const std::string& name, const std::string& text) {
  LoadResult result;
  loadText(result, name, text, LoadOptions{});
  if (!result.errors.empty()) throw std::runtime_error(result.errors.front().what());
  return result;
}

// A live snapshot of `topics` topics of 10 partitions on 6 brokers in 3 racks.
ClusterSnapshot snapshot(int topics) {
  ClusterSnapshot s;
  s.bootstrap = "127.0.0.1:9092";
  s.clusterId = "micro";
  s.controllerId = 1;
  for (int b = 1; b <= 6; ++b) {
    LiveBroker& broker = s.brokers.emplace_back();
    broker.id = b;
    broker.configs.push_back(
        {"broker.rack", std::string("rack-") + char('a' + (b - 1) % 3), LiveConfig::Source::StaticBroker, false, {}});
    broker.configs.push_back({"min.insync.replicas", "2", LiveConfig::Source::StaticBroker, false, {}});
    broker.configs.push_back({"default.replication.factor", "3", LiveConfig::Source::StaticBroker, false, {}});
  }
  for (int t = 0; t < topics; ++t) {
    LiveTopic& topic = s.topics.emplace_back();
    topic.name = "orders.events-" + std::to_string(t);
    auto placement = std::make_shared<TopicPlacement>();
    for (int p = 0; p < 10; ++p) {
      const int ordinal = t * 10 + p;
      std::vector<std::int32_t> replicas = {ordinal % 6 + 1, (ordinal + 1) % 6 + 1, (ordinal + 2) % 6 + 1};
      std::vector<std::int32_t> isr = replicas;
      if (ordinal % 100 == 0) isr.pop_back();
      placement->add(p, replicas.front(), 0, replicas, isr);
    }
    topic.placement = std::move(placement);
    const bool override = t % 30 == 0;
    topic.configs.push_back({"min.insync.replicas",
                             override ? "1" : "2",
                             override ? LiveConfig::Source::TopicOverride : LiveConfig::Source::StaticBroker,
                             false,
                             {}});
    topic.configs.push_back({"unclean.leader.election.enable", "false", LiveConfig::Source::Default, false, {}});
  }
  return s;
}

void BM_PropertiesParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parseProperties(kBrokerProperties, "server.properties"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBrokerProperties.size()));
}
BENCHMARK(BM_PropertiesParse);

void BM_PropertiesLoad(benchmark::State& state) {  // parse, classify, entity
  for (auto _ : state) {
    LoadResult result;
    loadPropertiesText(result, "server.properties", kBrokerProperties, false, LoadOptions{}, "");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_PropertiesLoad);

void BM_SpecLoadYaml(benchmark::State& state) {
  const std::string text = specYaml(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(loadSpec("spec.yaml", text));
  state.SetItemsProcessed(state.iterations() * state.range(0));  // topics
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SpecLoadYaml)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_SpecLoadToml(benchmark::State& state) {
  const std::string text = specToml(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(loadSpec("spec.toml", text));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SpecLoadToml)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_RulesBuiltin(benchmark::State& state) {  // startup: the embedded rules parsed and compiled
  for (auto _ : state) benchmark::DoNotOptimize(RuleSet::builtin());
}
BENCHMARK(BM_RulesBuiltin)->Unit(benchmark::kMillisecond);

void BM_ResolveTopicValue(benchmark::State& state) {  // a fresh view, one inherited value
  LoadResult spec = loadSpec("spec.yaml", specYaml(10));
  Resolver resolver(ResolveOptions{Catalog::instance().newest(), std::nullopt});
  const Entity* topic = nullptr;
  for (const Entity& e : spec.model.entities) {
    if (e.kind == EntityKind::Topic && e.name == "orders.events-1") topic = &e;
  }
  for (auto _ : state) {
    EntityView view(resolver, *topic);
    benchmark::DoNotOptimize(view.get("min.insync.replicas"));
  }
}
BENCHMARK(BM_ResolveTopicValue);

void BM_EvaluateSpecTopics(benchmark::State& state) {  // every rule over a spec's entities
  LoadResult spec = loadSpec("spec.yaml", specYaml(static_cast<int>(state.range(0))));
  const RuleSet rules = RuleSet::builtin();
  Resolver resolver(ResolveOptions{Catalog::instance().newest(), std::nullopt});
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(spec.model, rules, resolver));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(spec.model.entities.size()));
}
BENCHMARK(BM_EvaluateSpecTopics)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_LiveModel(benchmark::State& state) {  // a snapshot's topics become entities
  const ClusterSnapshot s = snapshot(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Model model;
    addSnapshotToModel(model, s);
    benchmark::DoNotOptimize(model);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LiveModel)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_EvaluateLiveTopics(benchmark::State& state) {  // every rule over live topics (placement rules too)
  Model model;
  addSnapshotToModel(model, snapshot(static_cast<int>(state.range(0))));
  const RuleSet rules = RuleSet::builtin();
  Resolver resolver(ResolveOptions{Catalog::instance().newest(), std::nullopt});
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(model, rules, resolver));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateLiveTopics)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_DurabilityBudgets(benchmark::State& state) {
  Model model;
  addSnapshotToModel(model, snapshot(static_cast<int>(state.range(0))));
  Resolver resolver(ResolveOptions{Catalog::instance().newest(), std::nullopt});
  for (auto _ : state) benchmark::DoNotOptimize(durabilityBudgets(model, resolver));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DurabilityBudgets)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kafkalint

BENCHMARK_MAIN();
