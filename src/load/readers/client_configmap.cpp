// Kubernetes ConfigMaps that hold Kafka client configuration in their data:
//  - Java client .properties under keys named *producer.properties / *consumer.properties (the
//    Knative Kafka broker's data plane, and many applications'), read as a producer or consumer at
//    their real lines;
//  - fluent-bit configuration (INI-like sections): an [OUTPUT] section with `Name kafka` is a
//    librdkafka producer whose properties are passed with the `rdkafka.` prefix.
// A key starting with '_' (Knative's `_example`) is documentation: Knative's webhook rejects a
// ConfigMap whose _example block was edited (knative.dev/example-checksum), so nothing in it can be
// mistaken for configuration in effect; it is skipped.
#include <algorithm>

#include "classify.hpp"
#include "input_builder.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

bool endsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equalsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

struct IniLine {
  std::uint32_t line;    // in the file
  std::uint32_t column;  // of the key
  std::string key;
  std::string value;
  std::uint32_t valueColumn;
};

struct IniSection {
  std::string name;  // "OUTPUT"
  SourceLocation location;
  std::vector<IniLine> entries;
};

// fluent-bit's classic configuration: [SECTION] headers, then `Key value` lines; # comments.
std::vector<IniSection> parseFluentBit(const TreeNode& scalar) {
  std::vector<IniSection> out;
  const bool block = scalar.blockLine != 0;
  std::uint32_t lineNo = 0;
  for (std::string_view raw : splitView(scalar.scalar, '\n')) {
    ++lineNo;
    const std::size_t indent = raw.find_first_not_of(" \t");
    if (indent == std::string_view::npos) continue;
    const std::string_view text = trimView(raw);
    if (text.empty() || text[0] == '#' || text[0] == '@') continue;
    const std::uint32_t line = block ? scalar.blockLine + lineNo - 1 : scalar.location.line;
    const std::uint32_t column =
        block ? scalar.blockIndent + static_cast<std::uint32_t>(indent) + 1 : scalar.location.column;
    if (text.front() == '[' && text.back() == ']') {
      out.push_back({std::string(text.substr(1, text.size() - 2)), {scalar.location.file, line, column}, {}});
      continue;
    }
    if (out.empty()) continue;
    const std::size_t space = text.find_first_of(" \t");
    IniLine entry;
    entry.line = line;
    entry.column = column;
    entry.key = std::string(text.substr(0, space));
    if (space != std::string_view::npos) {
      const std::string_view rest = text.substr(space);
      const std::size_t valueStart = rest.find_first_not_of(" \t");
      entry.value = std::string(trimView(rest));
      entry.valueColumn =
          column + static_cast<std::uint32_t>(space + (valueStart == std::string_view::npos ? 0 : valueStart));
    } else {
      entry.valueColumn = column;
    }
    out.back().entries.push_back(std::move(entry));
  }
  return out;
}

class ConfigMapReader {
 public:
  explicit ConfigMapReader(InputBuilder& in) : in_(in) {}

  bool read(const TreeNode& doc) {
    if (doc.text("kind") != "ConfigMap") return false;
    const TreeNode* data = doc.get("data");
    if (data == nullptr || !data->isMap()) return false;
    const std::string name = doc.at("metadata", "name") != nullptr ? doc.at("metadata", "name")->scalar : "";
    std::size_t clients = 0;
    std::size_t skipped = 0;
    for (const auto& [k, v] : data->entries) {
      if (startsWith(k.scalar, "_")) {
        skipped += v.isScalar() && hasClientConfig(k.scalar, v) ? 1 : 0;
        continue;
      }
      if (!v.isScalar()) continue;
      const std::string label = (name.empty() ? in_.displayPath() : "ConfigMap " + name) + " " + k.scalar;
      if (endsWithIgnoreCase(k.scalar, "producer.properties")) {
        addProperties(EntityKind::Producer, label, k, v);
        ++clients;
      } else if (endsWithIgnoreCase(k.scalar, "consumer.properties")) {
        addProperties(EntityKind::Consumer, label, k, v);
        ++clients;
      } else {
        clients += addFluentBitOutputs(label, v);
      }
    }
    if (clients == 0) return false;
    in_.describe("ConfigMap " + name + ": " + std::to_string(clients) + " Kafka client config(s)" +
                 (skipped > 0 ? "; documentation key(s) starting with '_' skipped" : ""));
    return true;
  }

 private:
  static bool hasClientConfig(std::string_view /*key*/, const TreeNode& v) {
    return v.scalar.find("producer.properties") != std::string::npos ||
           v.scalar.find("consumer.properties") != std::string::npos;
  }

  void addProperties(EntityKind kind, const std::string& label, const TreeNode& key, const TreeNode& value) {
    // The dialect is decided from the keys, as for a standalone file.
    PropertiesDocument doc = parseProperties(value.scalar, in_.displayPath());
    std::vector<KeyOccurrence> keys;
    for (const PropertiesEntry& e : doc.entries) keys.push_back({e.key, e.value, e.keyPosition.line});
    std::string why;
    const std::string dialect = clientDialect(keys, &why);
    Entity& client = in_.addEntity(kind, label, key.location, nullptr, dialect);
    client.classification = "ConfigMap data key " + key.scalar + ": " +
                            (kind == EntityKind::Producer ? "producer" : "consumer") + " properties (" + dialect +
                            (why.empty() ? "" : ": " + why) + ")";
    in_.setFromPropertiesText(client, value);
  }

  // Each fluent-bit [OUTPUT] with Name kafka: a librdkafka producer (rdkafka.<property> lines).
  std::size_t addFluentBitOutputs(const std::string& label, const TreeNode& value) {
    if (value.scalar.find('[') == std::string::npos) return 0;
    std::size_t count = 0;
    for (const IniSection& section : parseFluentBit(value)) {
      if (!equalsIgnoreCase(section.name, "OUTPUT")) continue;
      const auto nameEntry = std::find_if(section.entries.begin(), section.entries.end(),
                                          [](const IniLine& l) { return equalsIgnoreCase(l.key, "Name"); });
      if (nameEntry == section.entries.end() || !equalsIgnoreCase(nameEntry->value, "kafka")) continue;
      Entity& producer =
          in_.addEntity(EntityKind::Producer, label + " [OUTPUT] kafka", section.location, nullptr, "librdkafka");
      producer.classification = "fluent-bit kafka output: librdkafka producer (rdkafka.* properties)";
      for (const IniLine& l : section.entries) {
        if (!startsWith(toLower(l.key), "rdkafka.") || l.key.size() <= 8) continue;
        const std::uint32_t prefix = 8;  // the property name starts after "rdkafka."
        in_.set(producer, l.key.substr(prefix), l.value, {in_.file(), l.line, l.column + prefix},
                {in_.file(), l.line, l.valueColumn});
      }
      ++count;
    }
    return count;
  }

  InputBuilder& in_;
};

}  // namespace

bool readClientConfigMap(const ConfigTree& tree, InputBuilder& in) {
  if (in.syntax() != InputSyntax::Yaml) return false;
  bool any = false;
  for (const TreeNode& doc : tree.documents) {
    if (doc.isMap()) any = ConfigMapReader(in).read(doc) || any;
  }
  return any;
}

}  // namespace kafkalint
