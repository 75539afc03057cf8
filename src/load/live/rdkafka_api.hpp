// librdkafka, loaded when a cluster is audited. Linking it would make every run, offline ones
// included, map it and the TLS, SASL and compression libraries it needs before main(): about 4 ms
// of a 20 ms audit of a repository. The types come from librdkafka's header; the functions are
// resolved from librdkafka.so.1 by load(), and called through the pointers below.
#pragma once

#include <librdkafka/rdkafka.h>

// Every librdkafka function kafkalint calls (src/load/live/cluster_reader.cpp).
#define KAFKALINT_RDKAFKA_FUNCTIONS(X)              \
  X(rd_kafka_AdminOptions_destroy)                  \
  X(rd_kafka_AdminOptions_new)                      \
  X(rd_kafka_AdminOptions_set_opaque)               \
  X(rd_kafka_AdminOptions_set_request_timeout)      \
  X(rd_kafka_ConfigEntry_is_sensitive)              \
  X(rd_kafka_ConfigEntry_name)                      \
  X(rd_kafka_ConfigEntry_source)                    \
  X(rd_kafka_ConfigEntry_value)                     \
  X(rd_kafka_ConfigResource_configs)                \
  X(rd_kafka_ConfigResource_destroy)                \
  X(rd_kafka_ConfigResource_error)                  \
  X(rd_kafka_ConfigResource_error_string)           \
  X(rd_kafka_ConfigResource_name)                   \
  X(rd_kafka_ConfigResource_new)                    \
  X(rd_kafka_ConfigResource_set_config)             \
  X(rd_kafka_ConsumerGroupDescription_error)        \
  X(rd_kafka_ConsumerGroupDescription_group_id)     \
  X(rd_kafka_ConsumerGroupDescription_member)       \
  X(rd_kafka_ConsumerGroupDescription_member_count) \
  X(rd_kafka_ConsumerGroupDescription_state)        \
  X(rd_kafka_ConsumerGroupListing_group_id)         \
  X(rd_kafka_DescribeConfigs)                       \
  X(rd_kafka_DescribeConfigs_result_resources)      \
  X(rd_kafka_DescribeConsumerGroups)                \
  X(rd_kafka_DescribeConsumerGroups_result_groups)  \
  X(rd_kafka_ListConsumerGroups)                    \
  X(rd_kafka_ListConsumerGroups_result_errors)      \
  X(rd_kafka_ListConsumerGroups_result_valid)       \
  X(rd_kafka_MemberAssignment_partitions)           \
  X(rd_kafka_MemberDescription_assignment)          \
  X(rd_kafka_clusterid)                             \
  X(rd_kafka_conf_destroy)                          \
  X(rd_kafka_conf_new)                              \
  X(rd_kafka_conf_set)                              \
  X(rd_kafka_conf_set_error_cb)                     \
  X(rd_kafka_conf_set_log_cb)                       \
  X(rd_kafka_conf_set_opaque)                       \
  X(rd_kafka_consumer_group_state_name)             \
  X(rd_kafka_controllerid)                          \
  X(rd_kafka_destroy)                               \
  X(rd_kafka_err2name)                              \
  X(rd_kafka_err2str)                               \
  X(rd_kafka_error_name)                            \
  X(rd_kafka_error_string)                          \
  X(rd_kafka_event_DescribeConfigs_result)          \
  X(rd_kafka_event_DescribeConsumerGroups_result)   \
  X(rd_kafka_event_ListConsumerGroups_result)       \
  X(rd_kafka_event_destroy)                         \
  X(rd_kafka_event_error)                           \
  X(rd_kafka_event_error_string)                    \
  X(rd_kafka_event_opaque)                          \
  X(rd_kafka_mem_free)                              \
  X(rd_kafka_metadata)                              \
  X(rd_kafka_metadata_destroy)                      \
  X(rd_kafka_new)                                   \
  X(rd_kafka_opaque)                                \
  X(rd_kafka_poll)                                  \
  X(rd_kafka_queue_destroy)                         \
  X(rd_kafka_queue_new)                             \
  X(rd_kafka_queue_poll)

namespace kafkalint::rdk {

// NOLINTNEXTLINE(bugprone-macro-parentheses): `name` is a function's name, not an expression.
#define KAFKALINT_RDKAFKA_DECLARE(name) extern decltype(&::name) name;
KAFKALINT_RDKAFKA_FUNCTIONS(KAFKALINT_RDKAFKA_DECLARE)
#undef KAFKALINT_RDKAFKA_DECLARE

// Loads librdkafka.so.1 and resolves every function above, the first time it is called (thread
// safe). Throws InputError (for --bootstrap) naming the library and what is missing when it cannot.
void load();

}  // namespace kafkalint::rdk
