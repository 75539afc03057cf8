// The partition-state rules (KL0210-KL0215) on live clusters built in code: which partitions each
// rule reports, that a partition is reported in one state only, and what the messages say.
#include "evaluate/partition_state.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

namespace kafkalint::test {
namespace {

const std::map<std::int32_t, std::string> kFourBrokers = {{1, ""}, {2, ""}, {3, ""}, {4, ""}};

const Finding& only(const Audit& a, const std::string& rule) {
  auto found = a.byRule(rule);
  INFO(a.describe());
  REQUIRE(found.size() == 1);
  return *found.front();
}

TEST_CASE("each partition is in exactly one state, the most severe") {
  auto health = [](std::int32_t leader, std::uint16_t replicas, std::uint16_t isr, std::int64_t minIsr) {
    TopicPlacement::Partition p;
    p.leader = leader;
    p.replicaCount = replicas;
    p.isrCount = isr;
    return partitionHealth(p, minIsr);
  };
  CHECK(health(-1, 3, 1, 2) == PartitionHealth::Leaderless);  // also under min ISR: reported once
  CHECK(health(-1, 3, 3, 2) == PartitionHealth::Leaderless);
  CHECK(health(1, 3, 1, 2) == PartitionHealth::UnderMinIsr);
  CHECK(health(1, 3, 3, 4) == PartitionHealth::UnderMinIsr);  // min ISR above the replicas
  CHECK(health(1, 3, 2, 2) == PartitionHealth::AtMinIsr);
  CHECK(health(1, 2, 2, 2) == PartitionHealth::Healthy);  // RF == min ISR, in sync: KL0205's case
  CHECK(health(1, 4, 3, 2) == PartitionHealth::UnderReplicated);
  CHECK(health(1, 3, 2, 1) == PartitionHealth::UnderReplicated);
  CHECK(health(1, 3, 3, 2) == PartitionHealth::Healthy);
}

TEST_CASE("a topic with a partition in each state: each rule reports its own partition, once") {
  Audit a = auditModel([](Model& m) {
    LiveClusterBuilder(m, kFourBrokers)
        .topic("orders", {{0, 1, {1, 2, 3}, {1, 2, 3}},
                          {1, -1, {1, 2, 3}, {1}},
                          {2, 2, {2, 3, 1}, {2}},
                          {3, 3, {3, 1, 2}, {3, 1}},
                          {4, 4, {4, 1, 2, 3}, {4, 1, 2}}});
  });
  CHECK(only(a, "KL0213").message.find("1 of 5 partitions (1) has no leader") != std::string::npos);
  CHECK(only(a, "KL0211").message.find("1 of 5 partitions (2) has fewer in-sync replicas") != std::string::npos);
  CHECK(only(a, "KL0212").message.find("1 of 5 partitions (3) has exactly min.insync.replicas=2") != std::string::npos);
  CHECK(only(a, "KL0210")
            .message.find(
                "1 of 5 partitions (4) is under-replicated: more replicas in sync than min.insync.replicas=2") !=
        std::string::npos);
  CHECK(only(a, "KL0215")
            .message.find(
                "4 of 5 partitions (0, 1, 2, 3) have fewer than 4; partition 0 has replicas [1, 2, 3]. They stop") !=
        std::string::npos);
  CHECK_FALSE(a.has("KL0214"));  // no racks
}

TEST_CASE("one finding per topic, with counts, the first partitions and an example") {
  Audit a = auditModel([](Model& m) {
    auto partitions = inSyncPartitions(12, 3);
    for (int p : {0, 3, 7, 9}) partitions[std::size_t(p)].isr = {partitions[std::size_t(p)].leader};
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}).topic("orders", partitions);
  });
  const Finding& f = only(a, "KL0211");
  CHECK(f.severity == Severity::Error);
  CHECK(f.entityKind == EntityKind::Topic);
  CHECK(f.entityName == "orders");
  CHECK_FALSE(f.location.valid());  // a live topic has no file
  CHECK(f.message ==
        "topic orders: 4 of 12 partitions (0, 3, 7, 9) have fewer in-sync replicas than min.insync.replicas=2 (dynamic "
        "cluster-wide default); partition 0 has ISR [1] of replicas [1, 2, 3]. acks=all writes to them fail with "
        "NOT_ENOUGH_REPLICAS, and producers drop what they cannot write within delivery.timeout.ms; writes with acks=0 "
        "or 1 still succeed, on fewer copies than promised. Bring the missing replicas back in sync (look at the "
        "brokers they are on).");
  REQUIRE(f.effective.size() == 2);
  CHECK(f.effective[0].key == "min.insync.replicas");
  CHECK(f.effective[0].provenance.kind == ProvenanceKind::DynamicDefaultBroker);
  CHECK(f.effective[1].key == "replication.factor");
  CHECK(f.effective[1].provenance.kind == ProvenanceKind::ClusterMetadata);
}

TEST_CASE("long partition lists are cut after the first five") {
  Audit a = auditModel([](Model& m) {
    auto partitions = inSyncPartitions(10, 3);
    for (std::size_t p = 2; p < 9; ++p) partitions[p].isr.pop_back();
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}).topic("orders", partitions);
  });
  CHECK(only(a, "KL0212").message.find("7 of 10 partitions (2, 3, 4, 5, 6, ...) have exactly") != std::string::npos);
}

TEST_CASE("an unknown min.insync.replicas gives no state finding but a cluster-unverified naming the rules") {
  Audit a = auditModel([](Model& m) {
    auto partitions = inSyncPartitions(6, 3);
    partitions[0].isr = {1};
    partitions[1].isr = {2, 3};
    partitions[2].leader = -1;
    Entity& t = LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}).topic("orders", partitions);
    t.settings = {{"replication.factor", "3", {}, {}, ProvenanceKind::ClusterMetadata, ""},
                  {"partitions", "6", {}, {}, ProvenanceKind::ClusterMetadata, ""}};
    t.unverified = "its configs could not be read (TOPIC_AUTHORIZATION_FAILED)";
  });
  INFO(a.describe());
  CHECK_FALSE(a.has("KL0210"));
  CHECK_FALSE(a.has("KL0211"));
  CHECK_FALSE(a.has("KL0212"));
  CHECK(a.has("KL0213"));  // a partition without a leader has none, whatever min.insync.replicas is
  bool named = false;
  CHECK_FALSE(a.has("KL9004"));  // a live topic whose configs were not read is reported once, by KL9009
  for (const Finding* f : a.byRule("KL9009")) {
    if (f->entityName == "orders") {
      named = f->message.find("KL0210, KL0211, KL0212") != std::string::npos &&
              f->message.find("TOPIC_AUTHORIZATION_FAILED") != std::string::npos;
    }
  }
  CHECK(named);
}

TEST_CASE("internal topics are checked like any other") {
  Audit a = auditModel([](Model& m) {
    LiveClusterBuilder cluster(m, {{1, ""}, {2, ""}, {3, ""}});
    auto offsets = inSyncPartitions(50, 3);
    offsets[17].isr = {offsets[17].leader};
    cluster.topic("__consumer_offsets", offsets);
    auto transactions = inSyncPartitions(50, 3);
    transactions[4].isr.pop_back();
    cluster.topic("__transaction_state", transactions, {{"min.insync.replicas", "2", ProvenanceKind::KafkaDefault}});
  });
  CHECK(only(a, "KL0211").entityName == "__consumer_offsets");
  CHECK(only(a, "KL0211").message.find("1 of 50 partitions (17)") != std::string::npos);
  CHECK(only(a, "KL0212").entityName == "__transaction_state");
}

TEST_CASE("replicas sharing a rack: the example names the racks and the rack that takes out two replicas") {
  Audit a = auditModel([](Model& m) {
    LiveClusterBuilder(m, {{1, "eu-1a"}, {2, "eu-1b"}, {3, "eu-1c"}, {4, "eu-1a"}})
        .topic("orders", {{0, 1, {1, 2, 3}, {1, 2, 3}}, {1, 1, {1, 4, 2}, {1, 4, 2}}, {2, 4, {4, 1, 3}, {4, 1, 3}}});
  });
  const Finding& f = only(a, "KL0214");
  CHECK(
      f.message.find("2 of 3 partitions (1, 2) keep their replicas in fewer racks than they could; partition 1 has "
                     "replicas [1, 4, 2] in racks eu-1a, eu-1a, eu-1b, and the cluster has 3 racks. Losing rack eu-1a "
                     "takes out 2 of its 3 replicas at once") != std::string::npos);
}

TEST_CASE("varying replication factors are counted per replica count") {
  Audit a = auditModel([](Model& m) {
    auto partitions = inSyncPartitions(12, 3);
    partitions[4].replicas = partitions[4].isr = {2, 3};
    partitions[7].replicas = partitions[7].isr = {2};
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}}).topic("orders", partitions);
  });
  CHECK(only(a, "KL0215")
            .message.find("(10 with 3 replicas, 1 with 2 replicas, 1 with 1 replica): 2 of 12 partitions "
                          "(4, 7) have fewer than 3; partition 4 has replicas [2, 3]. They stop") != std::string::npos);
}

}  // namespace
}  // namespace kafkalint::test

namespace kafkalint::test {
namespace {

TEST_CASE("a min.insync.replicas above the replica count says writes can never succeed") {
  Audit a = auditModel([](Model& m) {
    LiveClusterBuilder(m, {{1, ""}, {2, ""}, {3, ""}})
        .topic("orders", inSyncPartitions(3, 3), {{"min.insync.replicas", "4"}});
  });
  const auto found = a.byRule("KL0211");
  REQUIRE(found.size() == 1);
  CHECK(found.front()->message.find("3 of 3 partitions (0, 1, 2) have fewer in-sync replicas than "
                                    "min.insync.replicas=4 (topic override)") != std::string::npos);
  CHECK(found.front()->message.find("acks=all writes can never succeed: lower it below the replication factor") !=
        std::string::npos);
}

}  // namespace
}  // namespace kafkalint::test
