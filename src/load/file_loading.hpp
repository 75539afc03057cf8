// How one input file is loaded: parsed by its syntax, offered to the structured readers, and (a
// .properties file none of them reads) classified. The parts of the loader share these.
#pragma once

#include <string>
#include <string_view>

#include "input_builder.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/load.hpp"

namespace kafkalint {

// One file being loaded.
struct InputFile {
  FileId id = kNoFile;
  std::string display;
  std::string real;
  InputSyntax syntax = InputSyntax::Properties;
};

// How a file is parsed: decided by its name (a `.tpl` suffix of a template is looked through).
InputSyntax syntaxOf(const std::string& name);

// A file that cannot be used: the error is reported and nothing of the file is audited.
void skipInput(LoadResult& result, InputRecord record, const InputError& error);

enum class ReaderOutcome { NotRecognised, Read, Refused };

// Offers `tree` to the readers of its syntax (only to the one `kindOverride` names, when it names
// one) until one recognises it. Read: its entities are in the model and `record` in its inputs.
// Refused: the reader found the file of its kind but against its schema; nothing of it is kept.
ReaderOutcome offerToReaders(LoadResult& result, const ConfigTree& tree, const InputFile& file,
                             const LoadOptions& options, const KindOverride* kindOverride, InputRecord& record);

// A YAML, TOML or .env file.
void loadStructuredText(LoadResult& result, const std::string& display, const std::string& real,
                        std::string_view content, InputSyntax syntax, const LoadOptions& options, bool fromDirectory);

}  // namespace kafkalint
