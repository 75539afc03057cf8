// The tools whose topics-as-code files the topics-as-code reader reads, one file each.
#pragma once

#include "input_builder.hpp"

namespace kafkalint {

// Jikkou resources (jikkou.cpp): KafkaTopic, KafkaTopicList and the ConfigMaps their configMapRefs
// name, which may be in other files (linked by linkJikkou once every file is read).
bool isJikkou(const TreeNode& doc);
void readJikkou(const ConfigTree& tree, InputBuilder& in);
void linkJikkou(LoadResult& result);

// JulieOps topologies (julieops.cpp).
bool isJulieOps(const TreeNode& root);
void readJulieOps(const TreeNode& root, InputBuilder& in);

// kafka-gitops state files (kafka_gitops.cpp).
bool isKafkaGitops(const TreeNode& root);
void readKafkaGitops(const TreeNode& root, InputBuilder& in);

}  // namespace kafkalint
