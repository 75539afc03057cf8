// ThingsBoard's application config (thingsboard.yml), read by the Spring Boot reader: a Spring
// application that keeps its Kafka settings under its own keys (queue.kafka.*).
#pragma once

#include "input_builder.hpp"

namespace kafkalint {

// Returns false, having added nothing, when `root` has no ThingsBoard Kafka queue settings.
bool readThingsBoard(const TreeNode& root, InputBuilder& in);

}  // namespace kafkalint
