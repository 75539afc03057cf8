// Topics declared as code by the tools users already run: Jikkou resources (KafkaTopic,
// KafkaTopicList, and the ConfigMaps their configMapRefs name), JulieOps topologies and
// kafka-gitops state files (one file each). They describe topics only: without the brokers' config
// in the input, the topic rules say what they cannot know.
#include <algorithm>

#include "readers/topics_as_code/topic_tools.hpp"

namespace kafkalint {

bool readTopicsAsCode(const ConfigTree& tree, InputBuilder& in) {
  if (std::any_of(tree.documents.begin(), tree.documents.end(), isJikkou)) {
    readJikkou(tree, in);
    return true;
  }
  if (tree.documents.size() != 1) return false;
  const TreeNode& root = tree.documents[0];
  if (isJulieOps(root)) {
    readJulieOps(root, in);
    return true;
  }
  if (isKafkaGitops(root)) {
    readKafkaGitops(root, in);
    return true;
  }
  return false;
}

void linkTopicsAsCode(LoadResult& result) { linkJikkou(result); }

}  // namespace kafkalint
