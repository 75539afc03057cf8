// Structured inputs (YAML, TOML, .env, Spring .properties): one reader per kind of input, tried in
// turn on each file's tree. A reader recognises its kind from the content and adds the entities it
// describes (clusters, brokers, topics, clients) to the model through an InputBuilder. The readers
// are listed in one table, readers/reader_table.cpp; everything that names them derives from it.
#pragma once

#include <string_view>
#include <vector>

#include "input_builder.hpp"

namespace kafkalint {

struct InputReader {
  enum class Offered {
    Trees,              // YAML and TOML documents
    TreesAndFlatFiles,  // also .properties and .env files, as a one-level mapping
  };
  std::string_view id;           // for --kind ID=PATH: "cluster-spec", "strimzi", "compose", ...
  std::string_view description;  // "kafkalint cluster spec", "Strimzi custom resources", ...
  // Returns false, having added nothing, when the tree is not this reader's kind.
  bool (*read)(const ConfigTree& tree, InputBuilder& in);
  Offered offered = Offered::Trees;
  // Run once every file is read, to link resources across files.
  void (*link)(LoadResult& result);
};

// Every reader, in the order they are tried.
const std::vector<InputReader>& inputReaders();
const InputReader* findInputReader(std::string_view id);

}  // namespace kafkalint
