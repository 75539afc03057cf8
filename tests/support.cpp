#include "support.hpp"

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

Audit audit(const std::string& text, const AuditOptions& options) {
  Audit a;
  LoadOptions load;
  if (!options.kind.empty()) load.kindOverrides.push_back(parseKindOverride(options.kind + "=" + options.name));
  loadText(a.loaded, options.name, text, load);
  Resolver resolver(ResolveOptions{*KafkaVersion::parse(options.version)});
  a.findings = evaluate(a.loaded.model, builtinRules(), resolver);
  return a;
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
