#include "support.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kafkalint::test {

std::vector<const Finding*> Audit::byRule(const std::string& id) const {
  std::vector<const Finding*> out;
  for (const Finding& f : findings) {
    if (f.ruleId == id) out.push_back(&f);
  }
  return out;
}

std::string Audit::describe() const {
  std::string out;
  for (const Finding& f : findings) {
    out += f.ruleId + " " + std::string(severityId(f.severity)) + " " + std::string(entityKindId(f.entityKind)) + " " +
           f.message + "\n";
  }
  for (const InputError& e : loaded.errors) out += std::string("input error: ") + e.what() + "\n";
  return out;
}

const RuleSet& builtinRules() {
  static const RuleSet rules = RuleSet::builtin();
  return rules;
}

Audit auditFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version) {
  Audit a;
  for (const auto& [name, text] : files) loadText(a.loaded, name, text, LoadOptions{});
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditTempFiles(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version) {
  return auditWritten(files, version);
}

Audit audit(const std::string& text, const AuditOptions& options) {
  // Structured files (YAML, TOML, .env) go through the readers, as on the command line.
  for (const char* ext : {".yaml", ".yml", ".toml", ".env"}) {
    if (options.kind.empty() && options.name.ends_with(ext))
      return auditTempFiles({{options.name, text}}, options.version);
  }
  Audit a;
  LoadOptions load;
  if (!options.kind.empty()) load.kindOverrides.push_back(parseKindOverride(options.kind + "=" + options.name));
  loadText(a.loaded, options.name, text, load);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(options.version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditPaths(const std::vector<std::string>& paths, const std::string& version, const LoadOptions& options) {
  Audit a;
  a.loaded = loadInputs(paths, options);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
}

Audit auditWritten(const std::vector<std::pair<std::string, std::string>>& files, const std::string& version,
                   const std::vector<std::pair<std::string, std::string>>& kinds) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  const fs::path dir =
      fs::temp_directory_path() / ("kafkalint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) {
    const fs::path path = dir / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    paths.push_back(path.string());
  }
  LoadOptions options;
  for (const auto& [kind, name] : kinds)
    options.kindOverrides.push_back(parseKindOverride(kind + "=" + (dir / name).string()));
  Audit a = auditPaths(paths, version, options);
  fs::remove_all(dir);
  return a;
}

const Entity* findEntity(const Model& model, EntityKind kind, const std::string& name) {
  for (const Entity& e : model.entities) {
    if (e.kind == kind && e.name == name) return &e;
  }
  return nullptr;
}

const Setting* findSetting(const Entity& entity, const std::string& key) {
  const Setting* found = nullptr;
  for (const Setting& s : entity.settings) {
    if (s.key == key) found = &s;
  }
  return found;
}

std::string sourceDir() { return KAFKALINT_SOURCE_DIR; }
std::string sharedDir() { return KAFKALINT_SHARED_DIR; }

std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace kafkalint::test
