// kafkalint_test_broker_probe: reads a cluster the way kafkalint's live audit will, through the
// system librdkafka (2.0.2 on Debian 12), and prints what the client saw as JSON. The test broker's
// cross-check compares that with the fixture.
//
//   kafkalint_test_broker_probe --bootstrap HOST:PORT[,...] [--timeout-ms N] [--topic-batch N] [--group ID ...]
//                               [-X key=value ...]
//
// Each step's error is reported in the JSON rather than aborting, so fault-knob tests can assert it.
#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

// Sorted keys: ordered_json inserts in linear time, far too slow for 100,000 topics.
using Json = nlohmann::json;

struct HandleDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
struct QueueDeleter {
  void operator()(rd_kafka_queue_t* q) const { rd_kafka_queue_destroy(q); }
};
struct EventDeleter {
  void operator()(rd_kafka_event_t* e) const { rd_kafka_event_destroy(e); }
};
using Handle = std::unique_ptr<rd_kafka_t, HandleDeleter>;
using Queue = std::unique_ptr<rd_kafka_queue_t, QueueDeleter>;
using Event = std::unique_ptr<rd_kafka_event_t, EventDeleter>;

Json nullable(const char* s) { return s ? Json(s) : Json(nullptr); }

// Waits for the admin result of one call; the event carries the request-level error, if any.
Event awaitResult(rd_kafka_queue_t* queue, int timeoutMs) {
  Event event(rd_kafka_queue_poll(queue, timeoutMs + 5000));
  return event;
}

rd_kafka_AdminOptions_t* adminOptions(rd_kafka_t* rk, rd_kafka_admin_op_t op, int timeoutMs) {
  rd_kafka_AdminOptions_t* options = rd_kafka_AdminOptions_new(rk, op);
  char error[256];
  rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, error, sizeof error);
  return options;
}

Json eventError(const Event& event) {
  if (!event) return "no result before the timeout";
  if (rd_kafka_event_error(event.get()) == RD_KAFKA_RESP_ERR_NO_ERROR) return nullptr;
  return Json{{"code", rd_kafka_event_error(event.get())},
              {"name", rd_kafka_err2name(rd_kafka_event_error(event.get()))},
              {"message", nullable(rd_kafka_event_error_string(event.get()))}};
}

Json describeConfigs(rd_kafka_t* rk, rd_kafka_queue_t* queue, rd_kafka_ResourceType_t type,
                     const std::vector<std::string>& names, int timeoutMs) {
  std::vector<rd_kafka_ConfigResource_t*> resources;
  for (const auto& name : names) resources.push_back(rd_kafka_ConfigResource_new(type, name.c_str()));
  rd_kafka_AdminOptions_t* options = adminOptions(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, timeoutMs);
  rd_kafka_DescribeConfigs(rk, resources.data(), resources.size(), options, queue);
  rd_kafka_AdminOptions_destroy(options);
  for (auto* r : resources) rd_kafka_ConfigResource_destroy(r);

  Event event = awaitResult(queue, timeoutMs);
  Json out = {{"error", eventError(event)}, {"resources", Json::object()}};
  if (!event || !out["error"].is_null()) return out;
  size_t count = 0;
  const rd_kafka_ConfigResource_t** results =
      rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(event.get()), &count);
  for (size_t i = 0; i < count; ++i) {
    const rd_kafka_ConfigResource_t* resource = results[i];
    Json r = {{"type", rd_kafka_ResourceType_name(rd_kafka_ConfigResource_type(resource))}, {"error", nullptr}};
    if (rd_kafka_ConfigResource_error(resource) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      r["error"] = Json{{"code", rd_kafka_ConfigResource_error(resource)},
                        {"name", rd_kafka_err2name(rd_kafka_ConfigResource_error(resource))},
                        {"message", nullable(rd_kafka_ConfigResource_error_string(resource))}};
    }
    Json configs = Json::object();
    size_t entryCount = 0;
    const rd_kafka_ConfigEntry_t** entries = rd_kafka_ConfigResource_configs(resource, &entryCount);
    for (size_t e = 0; e < entryCount; ++e) {
      const rd_kafka_ConfigEntry_t* entry = entries[e];
      Json synonyms = Json::array();
      size_t synonymCount = 0;
      const rd_kafka_ConfigEntry_t** syn = rd_kafka_ConfigEntry_synonyms(entry, &synonymCount);
      for (size_t s = 0; s < synonymCount; ++s) {
        synonyms.push_back({{"name", rd_kafka_ConfigEntry_name(syn[s])},
                            {"value", nullable(rd_kafka_ConfigEntry_value(syn[s]))},
                            {"source", rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(syn[s]))}});
      }
      configs[rd_kafka_ConfigEntry_name(entry)] = {
          {"value", nullable(rd_kafka_ConfigEntry_value(entry))},
          {"source", rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(entry))},
          {"read_only", rd_kafka_ConfigEntry_is_read_only(entry) != 0},
          {"is_default", rd_kafka_ConfigEntry_is_default(entry) != 0},
          {"sensitive", rd_kafka_ConfigEntry_is_sensitive(entry) != 0},
          {"synonyms", synonyms}};
    }
    r["configs"] = configs;
    out["resources"][rd_kafka_ConfigResource_name(resource)] = r;
  }
  return out;
}

Json listGroups(rd_kafka_t* rk, rd_kafka_queue_t* queue, int timeoutMs) {
  rd_kafka_AdminOptions_t* options = adminOptions(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, timeoutMs);
  rd_kafka_ListConsumerGroups(rk, options, queue);
  rd_kafka_AdminOptions_destroy(options);
  Event event = awaitResult(queue, timeoutMs);
  Json out = {{"error", eventError(event)}, {"groups", Json::object()}, {"errors", Json::array()}};
  if (!event || !out["error"].is_null()) return out;
  const auto* result = rd_kafka_event_ListConsumerGroups_result(event.get());
  size_t count = 0;
  const rd_kafka_ConsumerGroupListing_t** groups = rd_kafka_ListConsumerGroups_result_valid(result, &count);
  for (size_t i = 0; i < count; ++i) {
    out["groups"][rd_kafka_ConsumerGroupListing_group_id(groups[i])] = {
        {"state", rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupListing_state(groups[i]))},
        {"simple", rd_kafka_ConsumerGroupListing_is_simple_consumer_group(groups[i]) != 0}};
  }
  const rd_kafka_error_t** errors = rd_kafka_ListConsumerGroups_result_errors(result, &count);
  for (size_t i = 0; i < count; ++i) {
    out["errors"].push_back({{"name", rd_kafka_error_name(errors[i])}, {"message", rd_kafka_error_string(errors[i])}});
  }
  return out;
}

Json describeGroups(rd_kafka_t* rk, rd_kafka_queue_t* queue, const std::vector<std::string>& ids, int timeoutMs) {
  std::vector<const char*> names;
  for (const auto& id : ids) names.push_back(id.c_str());
  rd_kafka_AdminOptions_t* options = adminOptions(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, timeoutMs);
  rd_kafka_DescribeConsumerGroups(rk, names.data(), names.size(), options, queue);
  rd_kafka_AdminOptions_destroy(options);
  Event event = awaitResult(queue, timeoutMs);
  Json out = {{"error", eventError(event)}, {"groups", Json::object()}};
  if (!event || !out["error"].is_null()) return out;
  size_t count = 0;
  const rd_kafka_ConsumerGroupDescription_t** groups =
      rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(event.get()), &count);
  for (size_t i = 0; i < count; ++i) {
    const auto* g = groups[i];
    const rd_kafka_error_t* error = rd_kafka_ConsumerGroupDescription_error(g);
    Json members = Json::array();
    for (size_t m = 0; m < rd_kafka_ConsumerGroupDescription_member_count(g); ++m) {
      const auto* member = rd_kafka_ConsumerGroupDescription_member(g, m);
      Json assignment = Json::object();
      const auto* partitions = rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(member));
      for (int p = 0; partitions && p < partitions->cnt; ++p) {
        assignment[partitions->elems[p].topic].push_back(partitions->elems[p].partition);
      }
      members.push_back({{"member_id", nullable(rd_kafka_MemberDescription_consumer_id(member))},
                         {"group_instance_id", nullable(rd_kafka_MemberDescription_group_instance_id(member))},
                         {"client_id", nullable(rd_kafka_MemberDescription_client_id(member))},
                         {"host", nullable(rd_kafka_MemberDescription_host(member))},
                         {"assignment", assignment}});
    }
    const rd_kafka_Node_t* coordinator = rd_kafka_ConsumerGroupDescription_coordinator(g);
    out["groups"][rd_kafka_ConsumerGroupDescription_group_id(g)] = {
        {"error", error ? Json(rd_kafka_error_name(error)) : Json(nullptr)},
        {"state", rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(g))},
        {"assignor", nullable(rd_kafka_ConsumerGroupDescription_partition_assignor(g))},
        {"coordinator", coordinator ? Json(rd_kafka_Node_id(coordinator)) : Json(nullptr)},
        {"members", members}};
  }
  return out;
}

int run(int argc, char** argv) {
  std::string bootstrap;
  int timeoutMs = 10000;
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<std::string> extraGroups;  // described even when ListGroups does not return them
  std::size_t topicBatch = 0;            // topics per DescribeConfigs call (0 = all in one)
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--bootstrap") {
      bootstrap = value;
    } else if (arg == "--timeout-ms") {
      timeoutMs = std::stoi(value);
    } else if (arg == "--topic-batch") {
      topicBatch = static_cast<std::size_t>(std::stoul(value));
    } else if (arg == "--group") {
      extraGroups.push_back(value);
    } else if (arg == "-X") {
      const auto eq = value.find('=');
      settings.emplace_back(value.substr(0, eq), eq == std::string::npos ? "" : value.substr(eq + 1));
    } else {
      std::cerr << "usage: kafkalint_test_broker_probe --bootstrap B [--timeout-ms N] [--topic-batch N] [--group ID] "
                   "[-X key=value]\n";
      return 2;
    }
  }
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  settings.insert(settings.begin(), {{"bootstrap.servers", bootstrap}, {"client.id", "kafkalint-probe"}});
  for (const auto& [key, value] : settings) {
    if (rd_kafka_conf_set(conf, key.c_str(), value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
      std::cerr << "probe: " << error << "\n";
      rd_kafka_conf_destroy(conf);
      return 2;
    }
  }
  Handle rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error));
  if (!rk) {
    std::cerr << "probe: " << error << "\n";
    return 2;
  }
  Queue queue(rd_kafka_queue_new(rk.get()));

  Json out = {{"librdkafka", rd_kafka_version_str()}};
  const rd_kafka_metadata_t* metadata = nullptr;
  const rd_kafka_resp_err_t metadataError = rd_kafka_metadata(rk.get(), 1, nullptr, &metadata, timeoutMs);
  std::vector<std::string> topics, brokers;
  if (metadataError != RD_KAFKA_RESP_ERR_NO_ERROR) {
    out["metadata"] = {{"error", rd_kafka_err2name(metadataError)}};
  } else {
    Json md = {{"error", nullptr}, {"brokers", Json::object()}, {"topics", Json::object()}};
    for (int b = 0; b < metadata->broker_cnt; ++b) {
      const auto& broker = metadata->brokers[b];
      md["brokers"][std::to_string(broker.id)] = {{"host", broker.host}, {"port", broker.port}};
      brokers.push_back(std::to_string(broker.id));
    }
    for (int t = 0; t < metadata->topic_cnt; ++t) {
      const auto& topic = metadata->topics[t];
      Json partitions = Json::array();
      for (int p = 0; p < topic.partition_cnt; ++p) {
        const auto& partition = topic.partitions[p];
        partitions.push_back(
            {{"id", partition.id},
             {"error", partition.err ? Json(rd_kafka_err2name(partition.err)) : Json(nullptr)},
             {"leader", partition.leader},
             {"replicas", std::vector<int32_t>(partition.replicas, partition.replicas + partition.replica_cnt)},
             {"isr", std::vector<int32_t>(partition.isrs, partition.isrs + partition.isr_cnt)}});
      }
      md["topics"][topic.topic] = {{"error", topic.err ? Json(rd_kafka_err2name(topic.err)) : Json(nullptr)},
                                   {"partitions", partitions}};
      topics.push_back(topic.topic);
    }
    rd_kafka_metadata_destroy(metadata);
    md["controller_id"] = rd_kafka_controllerid(rk.get(), timeoutMs);
    char* clusterId = rd_kafka_clusterid(rk.get(), timeoutMs);
    md["cluster_id"] = nullable(clusterId);
    if (clusterId) rd_kafka_mem_free(rk.get(), clusterId);
    out["metadata"] = md;
  }

  // Only one BROKER resource per DescribeConfigs call in librdkafka; topics go together.
  Json brokerConfigs = Json::object();
  for (const auto& id : brokers) {
    brokerConfigs[id] = describeConfigs(rk.get(), queue.get(), RD_KAFKA_RESOURCE_BROKER, {id}, timeoutMs);
  }
  out["broker_configs"] = brokerConfigs;
  if (!topics.empty()) {
    // librdkafka 2.0.2 matches each result to its request resource by a linear search, so one call
    // for 100,000 topics spends most of its time there; --topic-batch shows the difference.
    const std::size_t batch = topicBatch == 0 ? topics.size() : topicBatch;
    Json merged = {{"error", nullptr}, {"resources", Json::object()}};
    for (std::size_t first = 0; first < topics.size(); first += batch) {
      std::vector<std::string> slice(
          topics.begin() + static_cast<std::ptrdiff_t>(first),
          topics.begin() + static_cast<std::ptrdiff_t>(std::min(topics.size(), first + batch)));
      Json part = describeConfigs(rk.get(), queue.get(), RD_KAFKA_RESOURCE_TOPIC, slice, timeoutMs);
      if (!part["error"].is_null()) merged["error"] = part["error"];
      merged["resources"].update(part["resources"]);
    }
    out["topic_configs"] = merged;
  }
  out["list_groups"] = listGroups(rk.get(), queue.get(), timeoutMs);
  std::vector<std::string> groupIds;
  for (const auto& [id, listing] : out["list_groups"]["groups"].items()) groupIds.push_back(id);
  for (const auto& id : extraGroups) {
    // librdkafka refuses duplicate group ids in one call.
    if (std::find(groupIds.begin(), groupIds.end(), id) == groupIds.end()) groupIds.push_back(id);
  }
  if (!groupIds.empty()) out["describe_groups"] = describeGroups(rk.get(), queue.get(), groupIds, timeoutMs);
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "probe: " << e.what() << "\n";
    return 2;
  }
}
