// The durability budget (docs/durability-budget.md): failures survived before acks=all writes stop
// and before acknowledged writes can be lost, from live placement or nominally from files.
#include <doctest/doctest.h>

#include "kafkalint/budget.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

const std::map<std::int32_t, std::string> kNoRacks = {{1, ""}, {2, ""}, {3, ""}};
const std::map<std::int32_t, std::string> kThreeZones = {{1, "a"}, {2, "b"}, {3, "c"}};

// A model and the budgets of its topics.
struct Budgets {
  Model model;
  std::vector<TopicBudget> all;

  explicit Budgets(void (*build)(Model&)) {
    build(model);
    Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
    all = durabilityBudgets(model, resolver);
  }
  const TopicBudget& of(const std::string& topic) const {
    for (const TopicBudget& b : all) {
      if (b.topic->name == topic) return b;
    }
    FAIL("no budget for " << topic);
    return all.front();
  }
};

// One topic "t" of three partitions; partition 1 gets `isr`, the others stay in sync.
template <typename Isr>
void topicWithIsr(Model& m, Isr isr, std::vector<LiveSetting> configs = {}) {
  auto partitions = inSyncPartitions(3, 3);
  partitions[1].isr = isr;
  LiveClusterBuilder(m, kNoRacks).topic("t", partitions, configs);
}

TEST_CASE("RF 3, min ISR 2, all in sync: writes survive 1 broker failure, acknowledged writes need 2 to be lost") {
  Budgets b([](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3)); });
  const TopicBudget& t = b.of("t");
  CHECK(t.computed());
  CHECK(t.basis == TopicBudget::Basis::Placement);
  CHECK(t.partitions == 3);
  CHECK(t.replicationFactor == 3);
  CHECK(t.minInsyncReplicas == 2);
  CHECK(t.uncleanElection == false);
  CHECK(t.writes.brokers == 1);
  CHECK(t.ackedWrites.brokers == 1);
  CHECK_FALSE(t.writes.racks);  // the brokers have no racks
  CHECK_FALSE(t.neverWritable);
}

TEST_CASE("RF 3, min ISR 2, ISR 2: writes survive no failure; the worst partition is named") {
  Budgets b([](Model& m) { topicWithIsr(m, std::vector<std::int32_t>{2, 3}); });
  const TopicBudget& t = b.of("t");
  CHECK(t.writes.brokers == 0);
  CHECK(t.writes.partition == 1);
  CHECK(t.ackedWrites.brokers == 1);
}

TEST_CASE("ISR 1 with min ISR 2: writes stopped now, one more loss loses acknowledged writes") {
  Budgets b([](Model& m) { topicWithIsr(m, std::vector<std::int32_t>{2}); });
  const TopicBudget& t = b.of("t");
  CHECK(t.writes.brokers == -1);
  CHECK(t.ackedWrites.brokers == 0);
  CHECK(t.ackedWrites.partition == 1);
}

TEST_CASE("a partition without a leader stops writes") {
  Budgets b([](Model& m) {
    auto partitions = inSyncPartitions(3, 3);
    partitions[2].leader = -1;
    partitions[2].isr = {3};
    LiveClusterBuilder(m, kNoRacks).topic("t", partitions);
  });
  CHECK(b.of("t").writes.brokers == -1);
  CHECK(b.of("t").writes.partition == 2);
}

TEST_CASE("RF 3, min ISR 1: writes survive 2 failures, acknowledged writes are lost with 1 disk") {
  Budgets b([](Model& m) {
    LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3), {{"min.insync.replicas", "1"}});
  });
  const TopicBudget& t = b.of("t");
  CHECK(t.writes.brokers == 2);
  CHECK(t.ackedWrites.brokers == 0);
  CHECK(t.uncleanElection == false);  // lost disks, not crashes, lose them
}

TEST_CASE("unclean election on: the same counts, but crashes are enough") {
  Budgets b([](Model& m) {
    LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3), {{"unclean.leader.election.enable", "true"}});
  });
  const TopicBudget& t = b.of("t");
  CHECK(t.uncleanElection == true);
  CHECK(t.writes.brokers == 1);
  CHECK(t.ackedWrites.brokers == 1);
}

TEST_CASE("RF 2, min ISR 2: writes survive no failure, acknowledged writes survive 1") {
  Budgets b([](Model& m) { LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 2)); });
  CHECK(b.of("t").writes.brokers == 0);
  CHECK(b.of("t").ackedWrites.brokers == 1);
}

TEST_CASE("min ISR above the replication factor: never writable") {
  Budgets b([](Model& m) {
    LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3), {{"min.insync.replicas", "4"}});
  });
  const TopicBudget& t = b.of("t");
  CHECK(t.neverWritable);
  CHECK(t.writes.brokers == -1);
  CHECK(t.ackedWrites.brokers == 2);
}

TEST_CASE("racks: three zones survive one zone; all replicas in one zone survive none") {
  Budgets spread([](Model& m) { LiveClusterBuilder(m, kThreeZones).topic("t", inSyncPartitions(3, 3)); });
  CHECK(spread.of("t").writes.racks == 1);
  CHECK(spread.of("t").ackedWrites.racks == 1);

  Budgets oneZone([](Model& m) {
    LiveClusterBuilder(m, {{1, "a"}, {2, "a"}, {3, "a"}, {4, "b"}}).topic("t", inSyncPartitions(3, 3));
  });
  CHECK(oneZone.of("t").writes.brokers == 1);
  CHECK(oneZone.of("t").writes.racks == 0);
  CHECK(oneZone.of("t").ackedWrites.racks == 0);

  // Two of three replicas in zone a: losing a stops writes, and can lose acknowledged writes.
  Budgets twoZones([](Model& m) {
    LiveClusterBuilder(m, {{1, "a"}, {2, "a"}, {3, "b"}}).topic("t", {{0, 1, {1, 2, 3}, {1, 2, 3}}});
  });
  CHECK(twoZones.of("t").writes.racks == 0);
  CHECK(twoZones.of("t").ackedWrites.racks == 0);

  // RF 4 over two zones, min ISR 2: one zone down leaves 2 in sync (writes go on); two copies may be in one zone.
  Budgets four([](Model& m) {
    LiveClusterBuilder(m, {{1, "a"}, {2, "a"}, {3, "b"}, {4, "b"}}).topic("t", {{0, 1, {1, 2, 3, 4}, {1, 2, 3, 4}}});
  });
  CHECK(four.of("t").writes.brokers == 2);
  CHECK(four.of("t").writes.racks == 1);
  CHECK(four.of("t").ackedWrites.racks == 0);
}

TEST_CASE("a replica broker whose rack is not known leaves the rack budget unknown") {
  Budgets b([](Model& m) {
    LiveClusterBuilder(m, {{1, "a"}, {2, "b"}, {3, "c"}})
        .topic("t", {{0, 1, {1, 2, 3}, {1, 2, 3}}, {1, 1, {1, 2, 9}, {1, 2, 9}}});
  });
  CHECK_FALSE(b.of("t").writes.racks);
  CHECK_FALSE(b.of("t").ackedWrites.racks);
  CHECK(b.of("t").writes.brokers == 1);
}

TEST_CASE("an unknown min.insync.replicas gives no numbers, with the reason") {
  Budgets b([](Model& m) {
    Entity& t = LiveClusterBuilder(m, kNoRacks).topic("t", inSyncPartitions(3, 3));
    t.settings.erase(t.settings.begin(), t.settings.begin() + 2);
    t.unverified = "DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED";
  });
  const TopicBudget& t = b.of("t");
  CHECK_FALSE(t.computed());
  CHECK(t.notComputed == "min.insync.replicas is not known: DescribeConfigs failed: TOPIC_AUTHORIZATION_FAILED");
}

TEST_CASE("topics from files get a nominal budget from their replication factor and min ISR") {
  Audit a = auditTempFiles({{"spec.yaml",
                             "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                             "  broker_config: {min.insync.replicas: 2, default.replication.factor: 3}\n"
                             "topics:\n  - {name: safe, partitions: 6, replication_factor: 3}\n"
                             "  - {name: thin, replication_factor: 2, config: {min.insync.replicas: 1}}\n"
                             "  - {name: stuck, replication_factor: 3, config: {min.insync.replicas: 4}}\n"}});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
  auto budgets = durabilityBudgets(a.loaded.model, resolver);
  REQUIRE(budgets.size() == 3);
  // Worst first: stuck (writes never), thin (loss after 1), safe.
  CHECK(budgets[0].topic->name == "stuck");
  CHECK(budgets[1].topic->name == "thin");
  CHECK(budgets[2].topic->name == "safe");
  const TopicBudget& safe = budgets[2];
  CHECK(safe.basis == TopicBudget::Basis::Nominal);
  CHECK(safe.partitions == 6);
  CHECK(safe.writes.brokers == 1);
  CHECK(safe.ackedWrites.brokers == 1);
  CHECK(safe.writes.partition == -1);
  CHECK_FALSE(safe.writes.racks);
  CHECK(safe.clusterName() == "c");
  CHECK(budgets[1].writes.brokers == 1);
  CHECK(budgets[1].ackedWrites.brokers == 0);
  CHECK(budgets[0].neverWritable);
}

TEST_CASE("a file topic whose min ISR depends on a broker config the input does not show has no numbers") {
  Audit a = auditTempFiles({{"spec.yaml",
                             "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3}\n"
                             "topics:\n  - {name: t, replication_factor: 3}\n"}});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse("4.1")});
  auto budgets = durabilityBudgets(a.loaded.model, resolver);
  REQUIRE(budgets.size() == 1);
  CHECK(budgets[0].notComputed == "min.insync.replicas depends on a broker config the input does not show");
}

TEST_CASE("budgets are sorted worst first, then by name") {
  Budgets b([](Model& m) {
    LiveClusterBuilder c(m, kNoRacks);
    c.topic("b-healthy", inSyncPartitions(3, 3));
    c.topic("a-healthy", inSyncPartitions(3, 3));
    auto partitions = inSyncPartitions(3, 3);
    partitions[0].isr = {1};
    c.topic("z-stopped", partitions);
    Entity& unknown = c.topic("unknown", inSyncPartitions(3, 3));
    unknown.settings.erase(unknown.settings.begin());
    unknown.unverified = "not authorised";
  });
  std::vector<std::string> order;
  for (const TopicBudget& t : b.all) order.push_back(t.topic->name);
  CHECK(order == std::vector<std::string>{"z-stopped", "a-healthy", "b-healthy", "unknown"});
}

}  // namespace
}  // namespace kafkalint::test
