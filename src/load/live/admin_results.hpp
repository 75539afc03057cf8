// Reading the results of librdkafka's admin requests.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "kafkalint/cluster_snapshot.hpp"
#include "live/admin_client.hpp"

namespace kafkalint {

// The configs of a DescribeConfigs resource, sensitive values left out.
std::vector<LiveConfig> readConfigs(const rd_kafka_ConfigResource_t* resource);
// Why a DescribeConfigs resource has no configs, or "" when it has them.
std::string resourceError(const rd_kafka_ConfigResource_t* resource);
// Why an admin request failed as a whole, or "" when it did not.
std::string eventError(const Event& ev);
// The resources of a DescribeConfigs result.
std::span<const rd_kafka_ConfigResource_t*> describedResources(const Event& ev);
// "30 s", "2.5 s": a timeout in messages.
std::string seconds(std::chrono::milliseconds ms);

}  // namespace kafkalint
