// Helpers shared by the tests: run the pipeline on text, find findings.
#pragma once

#include <string>
#include <vector>

#include "kafkalint/evaluate.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint::test {

struct Audit {
  LoadResult loaded;
  std::vector<Finding> findings;

  [[nodiscard]] std::vector<const Finding*> byRule(const std::string& id) const;
  [[nodiscard]] bool has(const std::string& id) const { return !byRule(id).empty(); }
  [[nodiscard]] std::string describe() const;  // every finding, one per line, for failure messages
};

struct AuditOptions {
  std::string name = "test.properties";
  std::string version = "4.1";
  std::string kind;  // "", or a --kind value such as "producer" or "client:librdkafka"
};

// Loads `text` as one .properties file and runs every built-in rule on it.
Audit audit(const std::string& text, const AuditOptions& options = {});
// Files of any kind (YAML, TOML, .env, .properties) written to a fresh temporary directory under
// their names and loaded as the command line loads them; findings name them by their path there
// (the same as auditWritten without --kind).
Audit auditTempFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1");
// Same, with several named files.
Audit auditFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1");

// Writes each (name, text) into a fresh temporary directory and audits the files the way the CLI
// does (loadInputs: structured inputs, links across files). Display paths are the written paths.
Audit auditWritten(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version = "4.1",
                   const std::vector<std::pair<std::string, std::string>>& kinds = {});  // --kind KIND=NAME
// Audits files already on disk with loadInputs.
Audit auditPaths(const std::vector<std::string>& paths, const std::string& version = "4.1",
                 const LoadOptions& options = {});

// The entity of that kind and name, or nullptr; the last setting of a key, or nullptr.
const Entity* findEntity(const Model& model, EntityKind kind, const std::string& name);
const Setting* findSetting(const Entity& entity, const std::string& key);

const RuleSet& builtinRules();

std::string sourceDir();  // the repository
std::string sharedDir();  // ../shared
std::string readFile(const std::string& path);

}  // namespace kafkalint::test
