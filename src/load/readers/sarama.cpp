// Sarama (Go) client configs written in YAML or TOML: the fields of sarama.Config with their Go
// names (Producer.RequiredAcks, Net.MaxOpenRequests, Consumer.Offsets.Initial...), as applications
// that load their sarama.Config from a file write them. The sarama dialect (src/resolve) knows
// the fields, their spellings and Sarama's defaults.
//
// Detected from a `Producer` or `Consumer` mapping with Sarama's capitalised fields, at the top of
// the document or one level down (several named configs in one file: `data_collector: {Producer:
// ...}`, `access_log: {Producer: ...}`).
#include <algorithm>
#include <cctype>

#include "input_builder.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kProducerFields[] = {"RequiredAcks",    "Retry",       "Idempotent",      "Transaction",
                                                "Return",          "Flush",       "Timeout",         "Compression",
                                                "MaxMessageBytes", "Partitioner", "CompressionLevel"};
constexpr std::string_view kConsumerFields[] = {"Offsets", "Group", "IsolationLevel", "Fetch",
                                                "Return",  "Retry", "MaxWaitTime",    "MaxProcessingTime"};
constexpr std::string_view kSharedSections[] = {
    "Net", "Metadata", "Version", "ClientID", "RackID", "ChannelBufferSize", "ApiVersionsRequest", "Admin"};

bool capitalised(std::string_view key) { return !key.empty() && std::isupper(static_cast<unsigned char>(key[0])); }

template <std::size_t N>
bool hasField(const TreeNode& section, const std::string_view (&fields)[N]) {
  if (!section.isMap()) return false;
  return std::any_of(section.entries.begin(), section.entries.end(), [&](const auto& e) {
    return std::find(std::begin(fields), std::end(fields), e.first.scalar) != std::end(fields);
  });
}

// Whether `node` is a sarama.Config; throws for one whose sections are not mappings.
bool isSaramaConfig(const TreeNode& node, const std::string& display) {
  if (!node.isMap()) return false;
  const TreeNode* producer = node.get("Producer");
  const TreeNode* consumer = node.get("Consumer");
  if (producer == nullptr && consumer == nullptr) return false;
  const bool fields = (producer != nullptr && hasField(*producer, kProducerFields)) ||
                      (consumer != nullptr && hasField(*consumer, kConsumerFields));
  const bool shared = std::any_of(node.entries.begin(), node.entries.end(), [](const auto& e) {
    return std::find(std::begin(kSharedSections), std::end(kSharedSections), e.first.scalar) !=
           std::end(kSharedSections);
  });
  if (!fields && !shared) return false;
  for (const auto& [k, v] : node.entries) {
    const bool section =
        k.scalar == "Producer" || k.scalar == "Consumer" || k.scalar == "Net" || k.scalar == "Metadata";
    if (section && !v.isMap()) {
      throw InputError(display, v.location.line, v.location.column,
                       "Sarama config: expected '" + k.scalar + "' to be a mapping of sarama.Config " + k.scalar +
                           " fields (e.g. Producer: {RequiredAcks: WaitForAll})");
    }
  }
  return true;
}

void addConfig(const TreeNode& config, const std::string& name, InputBuilder& in) {
  Entity* producer = nullptr;
  Entity* consumer = nullptr;
  for (const char* section : {"Producer", "Consumer"}) {
    if (config.get(section) == nullptr) continue;
    const bool isProducer = std::string_view(section) == "Producer";
    Entity& client = in.addEntity(isProducer ? EntityKind::Producer : EntityKind::Consumer, name, config.location,
                                  nullptr, "sarama");
    client.classification = std::string("Sarama config (") + section + " fields of sarama.Config)";
    for (const auto& [k, v] : config.entries) {
      if (!capitalised(k.scalar)) continue;
      const bool own = k.scalar == section;
      const bool other = k.scalar == (isProducer ? "Consumer" : "Producer");
      if (other) continue;
      if (v.isMap()) {
        in.setAll(client, v, k.scalar);
      } else if (!own) {
        in.set(client, k.scalar, k, v);
      }
    }
    (isProducer ? producer : consumer) = &client;
  }
  if (producer != nullptr && consumer != nullptr) {
    producer->sharedWith = consumer;
    consumer->sharedWith = producer;
  }
  in.describe("Sarama config " + name + ":" + (producer != nullptr ? " producer" : "") +
              (consumer != nullptr ? " consumer" : ""));
}

}  // namespace

bool readSarama(const ConfigTree& tree, InputBuilder& in) {
  if (in.syntax() != InputSyntax::Yaml && in.syntax() != InputSyntax::Toml) return false;
  bool any = false;
  for (const TreeNode& doc : tree.documents) {
    if (!doc.isMap()) continue;
    if (isSaramaConfig(doc, in.displayPath())) {
      addConfig(doc, in.displayPath(), in);
      any = true;
      continue;
    }
    for (const auto& [k, v] : doc.entries) {
      if (isSaramaConfig(v, in.displayPath())) {
        addConfig(v, in.displayPath() + " " + k.scalar, in);
        any = true;
      }
    }
  }
  return any;
}

}  // namespace kafkalint
