// Loading the inputs of a run: files, directories and standard input, in an order that depends
// neither on the order of the arguments nor on that of directory entries; then the links readers
// make across files.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>

#include "directory_scan.hpp"
#include "file_loading.hpp"
#include "input_readers.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/text_file.hpp"
#include "readable_roots.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Removes a UTF-8 byte-order mark; returns whether there was one.
bool dropByteOrderMark(std::string& content) {
  if (!content.starts_with(kByteOrderMark)) return false;
  content.erase(0, kByteOrderMark.size());
  return true;
}

void loadStandardInput(LoadResult& result, const LoadOptions& options) {
  std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  try {
    const bool bom = dropByteOrderMark(content);
    checkText("<stdin>", content);
    loadPropertiesText(result, "<stdin>", content, bom, options, "-");
  } catch (const InputError& e) {
    result.errors.push_back(e);
  }
}

// The files the paths name (standard input is read at once), as candidates to load.
std::vector<InputCandidate> candidatesOf(const std::vector<std::string>& paths, LoadResult& result,
                                         const LoadOptions& options) {
  std::vector<InputCandidate> candidates;
  for (const std::string& p : paths) {
    if (p == "-") {
      loadStandardInput(result, options);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      result.errors.emplace_back(p, 0, 0, "no such file or directory");
    } else if (!fs::is_directory(st)) {
      candidates.push_back({p, p, false});
    } else {
      std::vector<InputCandidate> found = scanDirectory(p, result);
      candidates.insert(candidates.end(), found.begin(), found.end());
    }
  }
  // In the order of their names, whatever the order of the arguments, so that the same inputs
  // give the same report. Structured files go first: a .properties file that a spec reads as its
  // broker or client config (`broker_config_file`) is then audited as part of the spec only, not a
  // second time alone.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const InputCandidate& a, const InputCandidate& b) { return a.display < b.display; });
  std::stable_partition(candidates.begin(), candidates.end(),
                        [](const InputCandidate& c) { return syntaxOf(c.display) != InputSyntax::Properties; });
  return candidates;
}

void loadFile(LoadResult& result, const InputCandidate& c, const LoadOptions& options) {
  try {
    TextFile text = readTextFile(c.real, c.display);
    const InputSyntax syntax = syntaxOf(c.display);
    if (syntax == InputSyntax::Properties) {
      loadPropertiesText(result, c.display, text.content, text.hadByteOrderMark, options, c.real);
    } else {
      loadStructuredText(result, c.display, c.real, text.content, syntax, options, c.fromDirectory);
    }
  } catch (const InputError& e) {
    result.errors.push_back(e);
  }
}

// A file a structured input already read as part of itself (a spec's broker_config_file).
void recordClaimed(LoadResult& result, const InputCandidate& c, const std::string& claimedBy) {
  InputRecord record;
  record.file = result.model.files.add(c.display);
  record.status = InputRecord::Status::Skipped;
  record.reason = "read as part of " + claimedBy;
  result.model.inputs.push_back(std::move(record));
}

}  // namespace

void loadText(LoadResult& result, const std::string& displayPath, std::string content, const LoadOptions& options) {
  const bool bom = dropByteOrderMark(content);
  const InputSyntax syntax = syntaxOf(displayPath);
  if (syntax == InputSyntax::Properties) {
    loadPropertiesText(result, displayPath, content, bom, options, displayPath);
  } else {
    loadStructuredText(result, displayPath, displayPath, content, syntax, options, false);
  }
}

LoadResult loadInputs(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  result.readableRoots = readableRoots(paths);
  for (const KindOverride& o : options.kindOverrides) result.unusedKindOverrides.push_back(o.path);
  // The same file named twice (explicitly and through its directory) is read once, under the
  // first of its names.
  std::set<std::string> seen;
  for (const InputCandidate& c : candidatesOf(paths, result, options)) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(c.real, ec);
    const std::string identity = ec ? c.real : canonical.string();
    if (!seen.insert(identity).second) continue;
    if (auto claim = result.claimedFiles.find(identity); claim != result.claimedFiles.end()) {
      recordClaimed(result, c, claim->second);
      continue;
    }
    loadFile(result, c, options);
  }
  // Links across files: a resource may name a cluster or config another file describes.
  for (const InputReader& reader : inputReaders()) reader.link(result);
  return result;
}

}  // namespace kafkalint
