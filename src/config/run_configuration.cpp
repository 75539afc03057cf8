// Which tool configuration a run reads (readToolConfig), and where its suppression entries are.
#include <map>

#include "kafkalint/config.hpp"
#include "kafkalint/errors.hpp"

namespace kafkalint {

namespace {

namespace fs = std::filesystem;

// The file named, or the .kafkalint.toml found from the working directory; "" when none applies.
std::string configurationPath(const ConfigSource& source) {
  if (!source.file.empty()) return source.file;
  if (source.none) return "";
  if (!source.fromEnvironment.empty()) return source.fromEnvironment;
  try {
    const std::optional<fs::path> found = discoverToolConfig(fs::current_path());
    if (!found) return "";
    // Shown as found from here, unless that is a long way up.
    std::string path = fs::relative(*found).generic_string();
    if (path.empty() || path.starts_with("../../../..")) path = found->generic_string();
    return path;
  } catch (const fs::filesystem_error& e) {
    throw UsageError(std::string("cannot find the working directory: ") + e.what());
  }
}

}  // namespace

ToolConfig readToolConfig(const ConfigSource& source) {
  const std::string path = configurationPath(source);
  if (!source.profile.empty() && path.empty()) {
    throw UsageError("--profile " + source.profile +
                     ": there is no .kafkalint.toml to take it from (none found from here up to the repository root" +
                     std::string(source.none ? ", and --no-config was given" : "") + ")");
  }
  ToolConfig config;
  if (!path.empty()) config = loadToolConfig(path, source.profile);
  for (const std::string& file : source.suppressionFiles) loadSuppressionFile(config, file);
  return config;
}

void locateSuppressionEntries(ToolConfig& config, SourceFiles& files) {
  std::map<std::string, FileId> located;
  for (SuppressionEntry& e : config.suppressions) {
    auto [it, added] = located.try_emplace(e.sourceFile, kNoFile);
    if (added) it->second = files.add(e.sourceFile);
    e.location = {it->second, e.line, 1};
  }
}

}  // namespace kafkalint
