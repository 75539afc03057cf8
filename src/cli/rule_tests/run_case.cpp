#include "rule_tests/run_case.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "kafkalint/catalog.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/resolve.hpp"
#include "rule_tests/expectations.hpp"

namespace kafkalint {

namespace {

namespace fs = std::filesystem;

// The case's files, in a directory of their own that is removed afterwards.
class CaseDirectory {
 public:
  explicit CaseDirectory(const RuleTestCase& c) {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("kafkalint-rule-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    for (const auto& [name, text] : c.files) {
      const fs::path file = path_ / name;
      fs::create_directories(file.parent_path());
      std::ofstream(file, std::ios::binary) << text;
    }
  }
  ~CaseDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  CaseDirectory(const CaseDirectory&) = delete;
  CaseDirectory& operator=(const CaseDirectory&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  // Text the audit printed with the directory's path, as the case names it.
  [[nodiscard]] std::string relative(std::string text) const {
    const std::string prefix = path_.string() + "/";
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
      text.erase(at, prefix.size());
    }
    return text;
  }

 private:
  fs::path path_;
};

LoadResult load(const RuleTestCase& c, const CaseDirectory& dir) {
  LoadOptions options;
  for (const auto& [name, kind] : c.kinds)
    options.kindOverrides.push_back(parseKindOverride(kind + "=" + dir.file(name)));
  std::vector<std::string> inputs;
  for (const auto& [name, text] : c.files) {
    if (std::find(c.suppressions.begin(), c.suppressions.end(), name) == c.suppressions.end())
      inputs.push_back(dir.file(name));
  }
  LoadResult loaded = inputs.empty() ? LoadResult{} : loadInputs(inputs, options);
  if (c.cluster) {
    addSnapshotToModel(loaded.model, *c.cluster);
    linkConsumerGroups(loaded.model);
  }
  return loaded;
}

std::vector<Finding> audit(const RuleTestCase& c, const CaseDirectory& dir, RuleSet& rules, LoadResult& loaded) {
  const KafkaVersion version = c.kafkaVersion.value_or(Catalog::instance().newest());
  Resolver resolver(ResolveOptions{version, c.clientVersion});
  std::vector<Finding> findings = evaluate(loaded.model, rules, resolver);
  ToolConfig config;
  for (const std::string& file : c.suppressions) loadSuppressionFile(config, dir.file(file));
  configureRules(rules, config);  // resolves the rule names of suppression entries
  locateSuppressionEntries(config, loaded.model.files);
  GateOptions options;
  options.config = &config;
  options.today = today();
  return applyGate(std::move(findings), loaded.model, rules, options).reported;
}

}  // namespace

RuleTestCaseResult runRuleTestCase(const RuleTestFile& file, const RuleTestCase& c, const RuleInfo& rule,
                                   RuleSet& rules) {
  RuleTestCaseResult result;
  result.file = file.path;
  result.line = c.line;
  result.rule = rule.id;
  result.name = c.name;
  result.fires = !c.fires.empty();
  const CaseDirectory dir(c);
  std::vector<ReportedFinding> reported;
  try {
    LoadResult loaded = load(c, dir);
    for (const InputError& e : loaded.errors) result.errors.push_back(dir.relative(e.what()));
    for (const Finding& f : audit(c, dir, rules, loaded)) {
      if (f.ruleId != rule.id) continue;
      const std::string path =
          f.location.file < loaded.model.files.size() ? loaded.model.files.path(f.location.file) : "";
      reported.push_back({dir.relative(path), f.location.line, f.location.column,
                          std::string(entityKindId(f.entityKind)) + ":" + dir.relative(f.entityName), f.severity,
                          dir.relative(f.message)});
    }
  } catch (const InputError& e) {
    result.errors.push_back(dir.relative(e.what()));
  } catch (const std::invalid_argument& e) {  // a --kind the loader refuses
    result.errors.push_back(dir.relative(e.what()));
  }
  compareFindings(c.fires, reported, result);
  return result;
}

}  // namespace kafkalint
