// `kafkalint rules --test DIR`: the rule set (built in, --rules directories, the rule files under
// DIR), every *.tests.yaml under DIR, each case run, and the evidence of DIR's rules counted.
#include <algorithm>
#include <filesystem>
#include <map>

#include "kafkalint/errors.hpp"
#include "kafkalint/rule_tests.hpp"
#include "kafkalint/rules.hpp"
#include "kafkalint/text_file.hpp"
#include "rule_tests/run_case.hpp"
#include "rule_tests/test_file.hpp"

namespace kafkalint {

namespace {

namespace fs = std::filesystem;

struct Found {
  std::vector<fs::path> ruleFiles;
  std::vector<fs::path> testFiles;
};

Found findFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(dir, 0, 0, "not a directory; --test expects a directory of rule tests");
  Found found;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
    if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    if (it->path().filename().string().ends_with(kRuleTestsSuffix)) found.testFiles.push_back(it->path());
    if (isRuleFile(it->path())) found.ruleFiles.push_back(it->path());
  }
  if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
  std::sort(found.ruleFiles.begin(), found.ruleFiles.end());
  std::sort(found.testFiles.begin(), found.testFiles.end());
  if (found.testFiles.empty()) throw InputError(dir, 0, 0, "no rule tests (*.tests.yaml) in directory");
  return found;
}

// Whether a file is in one of the directories (already added with --rules).
bool underAny(const fs::path& file, const std::vector<std::string>& dirs) {
  std::error_code ec;
  const std::string path = fs::weakly_canonical(file, ec).generic_string();
  return std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) {
    std::error_code dirEc;
    return path.starts_with(fs::weakly_canonical(d, dirEc).generic_string() + "/");
  });
}

// The built-in rules, the --rules directories, then DIR's rule files (those that are built-in
// files already are not added twice). Returns the origins of DIR's rules.
std::vector<std::string> addRules(RuleSet& rules, const std::vector<std::string>& ruleDirs, const Found& found) {
  for (const std::string& d : ruleDirs) rules.addDirectory(d);
  std::vector<std::string> origins;
  for (const fs::path& f : found.ruleFiles) {
    TextFile text = readTextFile(f, f.generic_string());
    if (auto builtin = RuleSet::builtinFileWithText(text.content)) {
      origins.push_back(*builtin);
      continue;
    }
    if (!underAny(f, ruleDirs)) rules.addFile(text.displayPath, text.content, false);
    origins.push_back(text.displayPath);
  }
  return origins;
}

// Rules defined under DIR without a firing or a quiet case.
std::vector<std::string> uncovered(const RuleSet& rules, const std::vector<std::string>& origins,
                                   const std::vector<RuleTestCaseResult>& cases) {
  std::map<std::string, std::pair<int, int>> evidence;
  for (const RuleTestCaseResult& c : cases) (c.fires ? evidence[c.rule].first : evidence[c.rule].second)++;
  std::vector<std::string> out;
  for (const RuleInfo* r : rules.rules()) {
    if (std::find(origins.begin(), origins.end(), r->origin) == origins.end()) continue;
    const auto [fires, quiet] = evidence[r->id];
    if (fires > 0 && quiet > 0) continue;
    out.push_back(r->id + " [" + r->name + "] (" + r->origin + "): no " +
                  (fires == 0 && quiet == 0 ? "test case"
                   : fires == 0             ? "case where it fires"
                                            : "case where it stays quiet"));
  }
  return out;
}

const RuleInfo& ruleOf(const RuleTestFile& file, const RuleSet& rules, const std::string& dir) {
  const RuleInfo* rule = rules.find(file.rule);
  if (rule == nullptr) {
    throw InputError(file.path, file.ruleLine, 0,
                     "no rule '" + file.rule + "' among the built-in rules, the --rules directories and " + dir);
  }
  return *rule;
}

}  // namespace

int RuleTestReport::exitCode() const {
  if (!malformed.empty()) return 2;
  const bool failed = std::any_of(cases.begin(), cases.end(), [](const RuleTestCaseResult& c) { return !c.passed(); });
  return failed || !uncovered.empty() ? 1 : 0;
}

RuleTestReport runRuleTests(const std::string& dir, const std::vector<std::string>& ruleDirs) {
  RuleTestReport report;
  report.dir = dir;
  RuleSet rules = RuleSet::builtin();
  Found found;
  std::vector<std::string> origins;
  try {
    found = findFiles(dir);
    origins = addRules(rules, ruleDirs, found);
  } catch (const InputError& e) {
    report.malformed.push_back(e.what());
    return report;
  }
  for (const fs::path& path : found.testFiles) {
    try {
      const TextFile text = readTextFile(path, path.generic_string());
      const RuleTestFile file = readRuleTestFile(text.displayPath, text.content);
      for (const RuleTestCase& c : file.cases) {
        if (c.rules.empty()) {
          report.cases.push_back(runRuleTestCase(file, c, ruleOf(file, rules, dir), rules));
          continue;
        }
        RuleSet own = RuleSet::builtin();  // the rules of the run, and the case's own
        addRules(own, ruleDirs, found);
        for (const auto& [name, yaml] : c.rules)
          own.addFile(file.path + ": case '" + c.name + "': " + name, yaml, false);
        report.cases.push_back(runRuleTestCase(file, c, ruleOf(file, own, dir), own));
      }
    } catch (const InputError& e) {
      report.malformed.push_back(e.what());
    }
  }
  report.uncovered = uncovered(rules, origins, report.cases);
  return report;
}

}  // namespace kafkalint
