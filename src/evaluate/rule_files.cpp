// Rule files into a rule set: the built-in ones (compiled into the binary from rules/) and the
// YAML files of a user's rule directories.
#include <algorithm>
#include <filesystem>

#include "compiled_rule.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/text_file.hpp"
#include "rule_file/reader.hpp"

namespace kafkalint {

struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};
// Generated at build time from rules/ (cmake/EmbedRules.cmake).
extern const std::vector<EmbeddedFile>& builtinRuleFiles();

RuleSet RuleSet::builtin() {
  RuleSet set;
  for (const EmbeddedFile& f : builtinRuleFiles()) set.addFile(std::string(f.path), f.content, true);
  return set;
}

std::optional<std::string> RuleSet::builtinFileWithText(std::string_view yamlText) {
  for (const EmbeddedFile& f : builtinRuleFiles()) {
    if (f.content == yamlText) return std::string(f.path);
  }
  return std::nullopt;
}

void RuleSet::addFile(const std::string& displayPath, std::string_view yamlText, bool builtin) {
  checkText(displayPath, yamlText);
  for (auto& rule : readRuleFile(displayPath, yamlText, builtin)) add(std::move(rule), displayPath);
}

bool isRuleFile(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (name.ends_with(kRuleTestsSuffix)) return false;  // the rules' test cases, beside them
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

void RuleSet::addDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(dir, 0, 0, "not a directory; --rules expects a directory of rule files");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
    if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
    if (it->is_regular_file(ec) && isRuleFile(it->path())) files.push_back(it->path());
  }
  if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw InputError(dir, 0, 0, "no rule files (*.yaml, *.yml) in directory");
  for (const fs::path& f : files) {
    TextFile text = readTextFile(f, f.generic_string());
    addFile(text.displayPath, text.content, false);
  }
}

}  // namespace kafkalint
