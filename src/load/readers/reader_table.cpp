// The structured input readers: the one table a new reader is added to (with its own file,
// readers/NAME.cpp). Everything that lists readers derives from it: the loader's order of trying
// them, `--kind ID=PATH` and its help and error messages, the note on a file none recognises, and
// the fuzz targets (tests/fuzz/CMakeLists.txt reads the ids of the rows below).
#include "input_readers.hpp"

// In the order a file is offered to them; a row is READER(id, read, link, offered, description):
//  - id: what `--kind ID=PATH` names, and the fuzz target (its '-' written '_');
//  - read: `bool read(const ConfigTree&, InputBuilder&)`, false (having added nothing) when the
//    tree is not of its kind;
//  - link: `void link(LoadResult&)`, run once every file is read to link what one file names and
//    another describes (a KafkaTopic and its Kafka), or noLink;
//  - offered: Trees (YAML, TOML) or TreesAndFlatFiles (also .properties and .env files);
//  - description: what it recognised, for -v and the JSON report.
// clang-format off
#define KAFKALINT_INPUT_READERS(READER)                                                                        \
  READER("cluster-spec", readClusterSpec, noLink, Trees, "kafkalint cluster spec")                             \
  READER("strimzi", readStrimzi, linkStrimzi, Trees, "Strimzi custom resources")                               \
  READER("topics-as-code", readTopicsAsCode, linkTopicsAsCode, Trees,                                          \
         "topics as code (Jikkou, JulieOps, kafka-gitops)")                                                    \
  READER("compose", readCompose, noLink, TreesAndFlatFiles, "docker-compose file or .env of a Kafka image")    \
  READER("spring", readSpringBoot, noLink, TreesAndFlatFiles, "Spring Boot application config")                \
  READER("client-configmap", readClientConfigMap, noLink, Trees,                                               \
         "Kubernetes ConfigMap holding Kafka client configs")                                                  \
  READER("sarama", readSarama, noLink, Trees, "Sarama (Go) client config")                                     \
  READER("helm", readHelmValues, noLink, Trees, "Helm chart values (Bitnami kafka, Confluent cp-kafka)")
// clang-format on

namespace kafkalint {

// The readers' entry points, each defined in its reader's file.
#define KAFKALINT_DECLARE_READER(id, read, link, offered, description) \
  bool read(const ConfigTree& tree, InputBuilder& in);                 \
  void link(LoadResult& result);
KAFKALINT_INPUT_READERS(KAFKALINT_DECLARE_READER)
#undef KAFKALINT_DECLARE_READER

// For the readers whose files name nothing another file describes.
void noLink(LoadResult& /*result*/) {}

const std::vector<InputReader>& inputReaders() {
  using enum InputReader::Offered;
#define KAFKALINT_READER_ROW(id, read, link, offered, description) InputReader{id, description, read, offered, link},
  static const std::vector<InputReader> readers = {KAFKALINT_INPUT_READERS(KAFKALINT_READER_ROW)};
#undef KAFKALINT_READER_ROW
  return readers;
}

std::vector<std::string> inputReaderIds() {
  std::vector<std::string> out;
  for (const InputReader& r : inputReaders()) out.emplace_back(r.id);
  return out;
}

const InputReader* findInputReader(std::string_view id) {
  for (const InputReader& r : inputReaders()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace kafkalint
