// The protocol floor: what a live audit cannot avoid. Fetches exactly what `kafkalint check
// --bootstrap` fetches, through the same librdkafka calls and with the same batching (one producer
// handle; Metadata of all topics; DescribeConfigs of every broker, all at once; DescribeConfigs of
// the topics in batches of 1,000 with only the named keys, 4 batches in flight; ListGroups and
// DescribeGroups in batches of 100), and throws it away. Nothing of kafkalint is linked in.
//
//   protocol_floor --bootstrap HOST:PORT [--keys k1,k2,...] [--batch 1000] [--in-flight 4]
//
// Prints one line: what was read (counts), so that a run can be checked for completeness.
#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Args {
  std::string bootstrap;
  std::vector<std::string> keys = {"min.insync.replicas", "unclean.leader.election.enable"};
  std::size_t batch = 1000;
  std::size_t inFlight = 4;
  int timeoutMs = 30000;
};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "protocol_floor: %s\n", what.c_str());
  std::exit(2);
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail("missing value for " + arg);
      return argv[++i];
    };
    if (arg == "--bootstrap") {
      a.bootstrap = value();
    } else if (arg == "--keys") {
      a.keys.clear();
      const std::string list = value();
      for (std::size_t at = 0; at <= list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        if (comma > at) a.keys.push_back(list.substr(at, comma - at));
        at = comma + 1;
      }
    } else if (arg == "--batch") {
      a.batch = std::strtoul(value().c_str(), nullptr, 10);
    } else if (arg == "--in-flight") {
      a.inFlight = std::strtoul(value().c_str(), nullptr, 10);
    } else if (arg == "--timeout-ms") {
      a.timeoutMs = std::atoi(value().c_str());
    } else {
      fail("unknown argument " + arg + " (see the comment at the top of bench/protocol_floor.cpp)");
    }
  }
  if (a.bootstrap.empty()) fail("--bootstrap is required");
  if (a.batch == 0 || a.inFlight == 0) fail("--batch and --in-flight must be positive");
  return a;
}

void set(rd_kafka_conf_t* conf, const char* key, const char* value) {
  char error[512];
  if (rd_kafka_conf_set(conf, key, value, error, sizeof error) != RD_KAFKA_CONF_OK) fail(error);
}

rd_kafka_AdminOptions_t* options(rd_kafka_t* rk, rd_kafka_admin_op_t op, int timeoutMs, void* opaque) {
  rd_kafka_AdminOptions_t* o = rd_kafka_AdminOptions_new(rk, op);
  char error[256];
  rd_kafka_AdminOptions_set_request_timeout(o, timeoutMs, error, sizeof error);
  rd_kafka_AdminOptions_set_opaque(o, opaque);
  return o;
}

// Counts the config entries of a DescribeConfigs result (so that nothing is skipped unseen).
std::size_t countEntries(rd_kafka_event_t* ev, std::size_t* errors) {
  if (rd_kafka_event_error(ev) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    ++*errors;
    return 0;
  }
  std::size_t n = 0, total = 0;
  const rd_kafka_ConfigResource_t** resources =
      rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(ev), &n);
  for (std::size_t i = 0; i < n; ++i) {
    if (rd_kafka_ConfigResource_error(resources[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      ++*errors;
      continue;
    }
    std::size_t count = 0;
    rd_kafka_ConfigResource_configs(resources[i], &count);
    total += count;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  set(conf, "client.id", "kafkalint-protocol-floor");
  set(conf, "log.connection.close", "false");
  set(conf, "bootstrap.servers", args.bootstrap.c_str());
  set(conf, "enable.idempotence", "false");
  set(conf, "allow.auto.create.topics", "false");
  set(conf, "topic.metadata.refresh.interval.ms", "-1");
  char error[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (rk == nullptr) fail(error);

  // Metadata of every topic.
  const rd_kafka_metadata_t* md = nullptr;
  if (rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &md, args.timeoutMs); err) {
    fail(std::string("metadata: ") + rd_kafka_err2str(err));
  }
  std::size_t partitions = 0;
  std::vector<std::string> topics;
  topics.reserve(static_cast<std::size_t>(md->topic_cnt));
  for (int i = 0; i < md->topic_cnt; ++i) {
    topics.emplace_back(md->topics[i].topic);
    partitions += static_cast<std::size_t>(md->topics[i].partition_cnt);
  }
  std::vector<int> brokers;
  for (int i = 0; i < md->broker_cnt; ++i) brokers.push_back(md->brokers[i].id);
  rd_kafka_metadata_destroy(md);
  if (char* id = rd_kafka_clusterid(rk, 0)) rd_kafka_mem_free(rk, id);
  (void)rd_kafka_controllerid(rk, 0);

  std::size_t entries = 0, errors = 0;
  int tag = 0;
  // Broker configs: one call per broker, all at once.
  {
    rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
    for (int id : brokers) {
      rd_kafka_ConfigResource_t* r = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, std::to_string(id).c_str());
      rd_kafka_AdminOptions_t* o = options(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, args.timeoutMs, &tag);
      rd_kafka_DescribeConfigs(rk, &r, 1, o, q);
      rd_kafka_AdminOptions_destroy(o);
      rd_kafka_ConfigResource_destroy(r);
    }
    for (std::size_t i = 0; i < brokers.size(); ++i) {
      rd_kafka_event_t* ev = rd_kafka_queue_poll(q, args.timeoutMs + 5000);
      if (ev == nullptr) fail("no answer to a broker DescribeConfigs");
      entries += countEntries(ev, &errors);
      rd_kafka_event_destroy(ev);
    }
    rd_kafka_queue_destroy(q);
  }

  // Topic configs: batches of `batch` topics with the named keys, `inFlight` at a time.
  std::size_t requests = 0;
  {
    rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
    std::size_t next = 0, inFlight = 0;
    while (next < topics.size() || inFlight > 0) {
      while (next < topics.size() && inFlight < args.inFlight) {
        std::vector<rd_kafka_ConfigResource_t*> resources;
        for (std::size_t i = next; i < std::min(topics.size(), next + args.batch); ++i) {
          rd_kafka_ConfigResource_t* r = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topics[i].c_str());
          for (const std::string& key : args.keys) rd_kafka_ConfigResource_set_config(r, key.c_str(), "");
          resources.push_back(r);
        }
        next += resources.size();
        rd_kafka_AdminOptions_t* o = options(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, args.timeoutMs, &tag);
        rd_kafka_DescribeConfigs(rk, resources.data(), resources.size(), o, q);
        rd_kafka_AdminOptions_destroy(o);
        for (auto* r : resources) rd_kafka_ConfigResource_destroy(r);
        ++inFlight;
        ++requests;
      }
      rd_kafka_event_t* ev = rd_kafka_queue_poll(q, args.timeoutMs + 5000);
      if (ev == nullptr) fail("no answer to a topic DescribeConfigs");
      entries += countEntries(ev, &errors);
      rd_kafka_event_destroy(ev);
      --inFlight;
    }
    rd_kafka_queue_destroy(q);
  }

  // Consumer groups: list, then describe in batches of 100.
  std::size_t groups = 0;
  {
    rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
    rd_kafka_AdminOptions_t* o = options(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, args.timeoutMs, &tag);
    rd_kafka_ListConsumerGroups(rk, o, q);
    rd_kafka_AdminOptions_destroy(o);
    rd_kafka_event_t* ev = rd_kafka_queue_poll(q, args.timeoutMs + 5000);
    if (ev == nullptr) fail("no answer to ListGroups");
    std::size_t n = 0;
    const rd_kafka_ConsumerGroupListing_t** listings =
        rd_kafka_ListConsumerGroups_result_valid(rd_kafka_event_ListConsumerGroups_result(ev), &n);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.emplace_back(rd_kafka_ConsumerGroupListing_group_id(listings[i]));
    rd_kafka_event_destroy(ev);
    for (std::size_t first = 0; first < ids.size(); first += 100) {
      std::vector<const char*> names;
      for (std::size_t i = first; i < std::min(ids.size(), first + 100); ++i) names.push_back(ids[i].c_str());
      rd_kafka_AdminOptions_t* d = options(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, args.timeoutMs, &tag);
      rd_kafka_DescribeConsumerGroups(rk, names.data(), names.size(), d, q);
      rd_kafka_AdminOptions_destroy(d);
      rd_kafka_event_t* described = rd_kafka_queue_poll(q, args.timeoutMs + 5000);
      if (described == nullptr) fail("no answer to DescribeGroups");
      std::size_t count = 0;
      rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(described), &count);
      groups += count;
      rd_kafka_event_destroy(described);
    }
    rd_kafka_queue_destroy(q);
  }
  rd_kafka_destroy(rk);
  std::printf(
      "{\"brokers\": %zu, \"topics\": %zu, \"partitions\": %zu, \"config_entries\": %zu, "
      "\"topic_describe_configs_requests\": %zu, \"groups\": %zu, \"errors\": %zu}\n",
      brokers.size(), topics.size(), partitions, entries, requests, groups, errors);
  return errors == 0 ? 0 : 1;
}
