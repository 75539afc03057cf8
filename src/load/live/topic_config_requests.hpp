// The topic DescribeConfigs requests of one audit: batches of topics (named configs only),
// several in flight, each answer turned into entities while the next is on its way.
#pragma once

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/live.hpp"
#include "live/admin_client.hpp"

namespace kafkalint {

// Reads the configs of every topic of `snapshot`; `builder` is told of each topic once its configs
// are read or known not to be. Once a request fails as a whole, the rest are not sent.
void readTopicConfigs(AdminClient& client, const LiveOptions& options, ClusterSnapshot& snapshot,
                      LiveModelBuilder& builder, LiveStats& stats);

}  // namespace kafkalint
