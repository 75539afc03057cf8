// Stage 1, load: configuration files into the audit model.
#pragma once

#include <any>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

// `--kind KIND[:DIALECT]=PATH`: what a file configures, when the content does not say it clearly.
struct KindOverride {
  std::string path;
  std::vector<EntityKind> kinds;  // "client" = {Producer, Consumer}
  std::string dialect;            // "" = detect
  std::string reader;             // a structured input kind: "strimzi", "compose", "cluster-spec"...
};

// Parses "producer=conf/app.properties", "client:librdkafka=kcat.conf", "strimzi=deploy/kafka.yaml".
// Throws std::invalid_argument.
KindOverride parseKindOverride(const std::string& text);

struct LoadOptions {
  std::vector<KindOverride> kindOverrides;
};

struct LoadResult {
  Model model;
  std::vector<InputError> errors;                // inputs that could not be used (the run exits 2)
  std::vector<std::string> unusedKindOverrides;  // --kind paths that matched no input
  // Files read as part of another input (a spec's broker_config_file): canonical path -> that input.
  std::map<std::string, std::string> claimedFiles;
  // What readers of structured inputs keep from file to file, keyed by reader id, to link what one
  // file names and another describes (a Strimzi KafkaTopic and its Kafka) once every file is read.
  std::map<std::string, std::any, std::less<>> readerState;
  // Canonical directories the inputs may make the run read (loadInputs: the current directory,
  // the input directories and the git work trees around them). A symbolic link found by a
  // directory scan, or a file a spec refers to, outside them is not read. Empty: no limit.
  std::vector<std::string> readableRoots;
};

// Whether `canonicalPath` is one of `roots` or under one (true when `roots` is empty).
bool withinRoots(const std::filesystem::path& canonicalPath, const std::vector<std::string>& roots);

// The structured input kinds --kind accepts besides entity kinds ("cluster-spec", "strimzi", ...).
std::vector<std::string> inputReaderIds();

// Loads files and directories (recursively: *.properties, *.yaml, *.yml, *.toml and *.env files,
// hidden directories skipped),
// and "-" for standard input. Output order depends neither on the order of directory entries nor on
// the order of the paths.
LoadResult loadInputs(const std::vector<std::string>& paths, const LoadOptions& options);

// Loads one file's text, parsed by its name (.yaml/.yml, .toml, .env, else .properties), as if it
// had been named on the command line (used by tests).
void loadText(LoadResult& result, const std::string& displayPath, std::string content, const LoadOptions& options);

// Loads one .properties text (used for stdin and by tests).
void loadPropertiesText(LoadResult& result, const std::string& displayPath, const std::string& content,
                        bool hadByteOrderMark, const LoadOptions& options, const std::string& realPath);

}  // namespace kafkalint
