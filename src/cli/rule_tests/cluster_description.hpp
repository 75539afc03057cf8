// A live cluster in a rule test case, as the cluster would answer `kafkalint check --bootstrap`:
//
//   cluster:
//     brokers:                          # configs as server.properties sets them
//       - {id: 1, rack: a, configs: {min.insync.replicas: 2}}
//       - {id: 2, error: CLUSTER_AUTHORIZATION_FAILED}    # its configs could not be read
//     topics:
//       - name: orders
//         configs: {min.insync.replicas: 1}               # topic overrides
//         partitions:                                      # by id, from 0
//           - {leader: 1, replicas: [1, 2, 3], isr: [1, 2]}
//         config_error: TOPIC_AUTHORIZATION_FAILED        # its configs could not be read
//     error: ...                                           # the cluster could not be read at all
#pragma once

#include "kafkalint/cluster_snapshot.hpp"
#include "rule_tests/yaml_values.hpp"

namespace kafkalint {

ClusterSnapshot readClusterDescription(const YamlValues& in, const TreeNode& node);

}  // namespace kafkalint
