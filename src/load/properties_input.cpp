// .properties files: offered first to the readers of flat files (Spring Boot's
// application.properties), else classified from their keys and name (or `--kind`) into brokers,
// controllers, producers, consumers and Connect workers.
#include <filesystem>

#include "classify.hpp"
#include "directive_comments.hpp"
#include "file_loading.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/text.hpp"
#include "kind_override.hpp"

namespace kafkalint {

namespace {

// Templates (Jinja, Helm, Go): "{% if ... %}" lines and "{{ name }}=..." keys are not settings
// until rendered; values with placeholders stay and are reported when a rule needs them.
std::size_t dropTemplateLines(PropertiesDocument& doc) {
  return std::erase_if(doc.entries, [](const PropertiesEntry& e) {
    return startsWith(e.key, "{%") || startsWith(e.key, "{#") || e.key.find("{{") != std::string::npos ||
           e.key.find("{%") != std::string::npos;
  });
}

// What `--kind KIND[:DIALECT]` says the file is; a client's dialect is still detected unless given.
Classification classifyAsTold(const KindOverride& told, const std::vector<KeyOccurrence>& keys) {
  Classification c;
  c.kinds = told.kinds;
  const bool client = told.kinds.front() == EntityKind::Producer || told.kinds.front() == EntityKind::Consumer;
  std::string dialectWhy;
  c.dialect = !told.dialect.empty() ? told.dialect : client ? clientDialect(keys, &dialectWhy) : "java";
  c.reason = "--kind " + kindOverrideLabel(told.kinds) + (told.dialect.empty() ? "" : ":" + told.dialect) +
             (dialectWhy.empty() ? "" : "; dialect " + c.dialect + " (" + dialectWhy + ")");
  return c;
}

Classification classifyFile(LoadResult& result, const PropertiesDocument& doc, const KindOverride* kindOverride,
                            const std::string& displayPath) {
  std::vector<KeyOccurrence> keys;
  keys.reserve(doc.entries.size());
  for (const PropertiesEntry& e : doc.entries) keys.push_back({e.key, e.value, e.keyPosition.line});
  if (kindOverride == nullptr || !kindOverride->reader.empty()) {
    return classify(keys, std::filesystem::path(displayPath).filename().string());
  }
  markKindOverrideUsed(result, *kindOverride);
  return classifyAsTold(*kindOverride, keys);
}

// One entity per kind the file configures (two for a client file shared by producers and
// consumers), each with every setting of the file.
void addEntities(Model& model, const PropertiesDocument& doc, const Classification& c, FileId file,
                 const std::string& displayPath) {
  for (EntityKind kind : c.kinds) {
    Entity& entity = model.entities.emplace_back();
    entity.kind = kind;
    entity.name = displayPath;
    entity.origin = {file, 1, 1};
    entity.dialect = c.dialect;
    entity.classification = c.reason;
    entity.settings.reserve(doc.entries.size());
    for (const PropertiesEntry& e : doc.entries) {
      Setting& s = entity.settings.emplace_back();
      s.key = e.key;
      s.value = e.value;
      s.keyLocation = {file, e.keyPosition.line, e.keyPosition.column};
      s.valueLocation = {file, e.valuePosition.line, e.valuePosition.column};
    }
  }
  if (c.kinds.size() == 2) {
    Entity& producer = model.entities[model.entities.size() - 2];
    Entity& consumer = model.entities.back();
    producer.sharedWith = &consumer;
    consumer.sharedWith = &producer;
  }
}

}  // namespace

void loadPropertiesText(LoadResult& result, const std::string& displayPath, const std::string& content,
                        bool hadByteOrderMark, const LoadOptions& options, const std::string& realPath) {
  Model& model = result.model;
  const InputFile file{model.files.add(displayPath), displayPath, realPath, InputSyntax::Properties};
  scanDirectiveComments(model, file.id, content, CommentSyntax::Properties);
  InputRecord record;
  record.file = file.id;
  PropertiesDocument doc;
  try {
    doc = parseProperties(content, displayPath);
  } catch (const InputError& e) {
    skipInput(result, std::move(record), e);
    return;
  }
  const std::size_t templateLines = dropTemplateLines(doc);

  // Flat files of a structured kind (Spring Boot application.properties...) go to their reader.
  const KindOverride* kindOverride = findKindOverride(options, realPath, displayPath);
  if (kindOverride == nullptr || !kindOverride->reader.empty()) {
    const ConfigTree tree = flatTree(file.id, doc);
    if (offerToReaders(result, tree, file, options, kindOverride, record) != ReaderOutcome::NotRecognised) return;
  }

  Classification c = classifyFile(result, doc, kindOverride, displayPath);
  if (templateLines > 0) {
    c.reason += "; " + std::to_string(templateLines) + " template line(s) ({% ... %}, {{ key }}) not read";
  }
  record.status = c.status;
  record.kinds = c.kinds;
  record.dialect = c.kinds.empty() ? "" : c.dialect;
  record.reason = c.reason;
  if (c.status == InputRecord::Status::Unclassified) {
    model.notes.push_back({InputNote::Kind::Unclassified, {file.id, 1, 1}, c.reason, {}});
  }
  if (hadByteOrderMark && !doc.entries.empty() && doc.entries.front().keyPosition.line == 1) {
    model.notes.push_back({InputNote::Kind::ByteOrderMark, {file.id, 1, 1}, doc.entries.front().key, {}});
  }
  addEntities(model, doc, c, file.id, displayPath);
  model.inputs.push_back(std::move(record));
}

}  // namespace kafkalint
