#include <algorithm>

#include "file_loading.hpp"
#include "input_readers.hpp"
#include "kind_override.hpp"

namespace kafkalint {

namespace {

bool offeredTo(const InputReader& reader, InputSyntax syntax, const KindOverride* kindOverride) {
  if (kindOverride != nullptr && kindOverride->reader != reader.id) return false;
  const bool flat = syntax == InputSyntax::Env || syntax == InputSyntax::Properties;
  return !flat || reader.offered == InputReader::Offered::TreesAndFlatFiles;
}

// The kinds of the entities a reader added, in the order they came.
void recordKinds(const Model& model, std::size_t firstEntity, InputRecord& record) {
  for (std::size_t i = firstEntity; i < model.entities.size(); ++i) {
    const EntityKind kind = model.entities[i].kind;
    if (std::find(record.kinds.begin(), record.kinds.end(), kind) == record.kinds.end()) record.kinds.push_back(kind);
  }
}

}  // namespace

void skipInput(LoadResult& result, InputRecord record, const InputError& error) {
  result.errors.push_back(error);
  record.status = InputRecord::Status::Skipped;
  record.reason = error.what();
  result.model.inputs.push_back(std::move(record));
}

ReaderOutcome offerToReaders(LoadResult& result, const ConfigTree& tree, const InputFile& file,
                             const LoadOptions& options, const KindOverride* kindOverride, InputRecord& record) {
  Model& model = result.model;
  for (const InputReader& reader : inputReaders()) {
    if (!offeredTo(reader, file.syntax, kindOverride)) continue;
    const std::size_t entitiesBefore = model.entities.size();
    const std::size_t notesBefore = model.notes.size();
    InputBuilder in(result, file.id, file.display, file.real, file.syntax, options);
    try {
      if (!reader.read(tree, in)) continue;
    } catch (const InputError& e) {
      // A file of this kind that does not follow its schema: nothing of it is audited.
      model.entities.resize(entitiesBefore);
      model.notes.resize(notesBefore);
      if (kindOverride != nullptr) markKindOverrideUsed(result, *kindOverride);
      skipInput(result, std::move(record), e);
      return ReaderOutcome::Refused;
    }
    if (kindOverride != nullptr) markKindOverrideUsed(result, *kindOverride);
    record.reason = std::string(reader.description);
    in.finish(record);
    recordKinds(model, entitiesBefore, record);
    model.inputs.push_back(std::move(record));
    return ReaderOutcome::Read;
  }
  return ReaderOutcome::NotRecognised;
}

}  // namespace kafkalint
