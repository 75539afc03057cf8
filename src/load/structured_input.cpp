// YAML, TOML and .env files: parsed into a positioned tree, which each structured reader is offered
// until one recognises it.
#include <filesystem>

#include "directive_comments.hpp"
#include "file_loading.hpp"
#include "input_readers.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/text.hpp"
#include "kind_override.hpp"

namespace kafkalint {

namespace {

ConfigTree parseTree(const InputFile& file, std::string_view content) {
  if (file.syntax == InputSyntax::Yaml) return parseYamlTree(file.id, file.display, content);
  if (file.syntax == InputSyntax::Toml) return parseTomlTree(file.id, file.display, content);
  return flatTree(file.id, parseProperties(content, file.display));
}

// `--kind broker=kafka.yaml`: entity kinds apply to .properties files only.
void refuseEntityKinds(LoadResult& result, const InputFile& file, const KindOverride& kindOverride) {
  result.errors.emplace_back(file.display, 0, 0,
                             "--kind " + kindOverrideLabel(kindOverride.kinds) +
                                 " applies to .properties files; name a structured kind for this file (" +
                                 joinedList(inputReaderIds()) + ")");
  markKindOverrideUsed(result, kindOverride);
}

void refuseReaderKind(LoadResult& result, const InputFile& file, const KindOverride& kindOverride) {
  markKindOverrideUsed(result, kindOverride);
  result.errors.emplace_back(file.display, 1, 1,
                             "not a " + kindOverride.reader + " file: " +
                                 std::string(findInputReader(kindOverride.reader)->description) + " not found in it");
}

// A YAML file found while scanning a directory is often not about Kafka at all (CI workflows,
// manifests): it is skipped quietly. A file named on the command line must not pass silently.
void noReaderRecognised(Model& model, InputRecord record, bool fromDirectory) {
  record.reason = "no Kafka configuration recognised";
  if (fromDirectory) {
    record.status = InputRecord::Status::Skipped;
  } else {
    record.status = InputRecord::Status::Unclassified;
    model.notes.push_back({InputNote::Kind::Unclassified,
                           {record.file, 1, 1},
                           "no Kafka configuration recognised (not one of the structured input kinds " +
                               joinedList(inputReaderIds()) + ")",
                           {}});
  }
  model.inputs.push_back(std::move(record));
}

}  // namespace

InputSyntax syntaxOf(const std::string& name) {
  std::string base = toLower(std::filesystem::path(name).filename().string());
  if (base.size() > 4 && base.ends_with(".tpl")) base.resize(base.size() - 4);
  if (base.ends_with(".yaml") || base.ends_with(".yml")) return InputSyntax::Yaml;
  if (base.ends_with(".toml")) return InputSyntax::Toml;
  if (base.ends_with(".env") || base == ".env") return InputSyntax::Env;
  return InputSyntax::Properties;
}

void loadStructuredText(LoadResult& result, const std::string& display, const std::string& real,
                        std::string_view content, InputSyntax syntax, const LoadOptions& options, bool fromDirectory) {
  const InputFile file{result.model.files.add(display), display, real, syntax};
  scanDirectiveComments(result.model, file.id, content, CommentSyntax::Hash);
  InputRecord record;
  record.file = file.id;
  ConfigTree tree;
  try {
    tree = parseTree(file, content);
  } catch (const InputError& e) {
    skipInput(result, std::move(record), e);
    return;
  }
  const KindOverride* kindOverride = findKindOverride(options, file.real, file.display);
  if (kindOverride != nullptr && kindOverride->reader.empty()) {
    refuseEntityKinds(result, file, *kindOverride);
    return;
  }
  if (offerToReaders(result, tree, file, options, kindOverride, record) != ReaderOutcome::NotRecognised) return;
  if (kindOverride != nullptr) {
    refuseReaderKind(result, file, *kindOverride);
    return;
  }
  noReaderRecognised(result.model, std::move(record), fromDirectory);
}

}  // namespace kafkalint
