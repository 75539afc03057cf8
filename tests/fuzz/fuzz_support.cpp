// The registry of fuzz targets and the pipeline they drive.
#include <functional>
#include <map>
#include <sstream>

#include "fuzz/fuzz_target.hpp"
#include "kafkalint/budget.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/report_formats.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"
#include "kafkalint/text_file.hpp"

namespace kafkalint::fuzz {

namespace {

std::map<std::string, FuzzFunction, std::less<>>& registry() {
  static std::map<std::string, FuzzFunction, std::less<>> targets;
  return targets;
}

}  // namespace

bool registerTarget(std::string_view name, FuzzFunction function) {
  registry().emplace(std::string(name), function);
  return true;
}

FuzzFunction findTarget(std::string_view name) {
  auto it = registry().find(name);
  return it == registry().end() ? FuzzFunction() : it->second;
}

std::vector<std::string> targetNames() {
  std::vector<std::string> out;
  for (const auto& [name, function] : registry()) out.push_back(name);
  return out;
}

void auditText(const std::string& fileName, std::string_view content, const std::string& kind) {
  std::string text(content);
  try {
    // What readTextFile does after reading the bytes.
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    checkText(fileName, text);
  } catch (const InputError&) {
    return;  // not text: refused with file, line and column
  }
  LoadOptions options;
  if (!kind.empty()) options.kindOverrides.push_back(parseKindOverride(kind));
  LoadResult loaded;
  loadText(loaded, fileName, std::move(text), options);
  if (loaded.model.entities.empty()) return;

  static const RuleSet rules = RuleSet::builtin();
  const KafkaVersion version = *KafkaVersion::parse("4.1");
  Resolver resolver(ResolveOptions{version, version});
  std::vector<Finding> findings = evaluate(loaded.model, rules, resolver);
  const std::vector<TopicBudget> budgets = durabilityBudgets(loaded.model, resolver);
  const Report report{loaded.model, rules, findings, loaded.errors, version, version, Verdict{ExitCode::Findings},
                      &budgets};
  // Text and JSON every time; the CI formats (SARIF describes every rule, and took three quarters
  // of the time) for one input in eight, chosen by content so that a replay does the same.
  const bool ciFormats = (std::hash<std::string_view>{}(content)&7) == 0;
  for (const ReportFormat& format : reportFormats()) {
    if (!ciFormats && format.id != "text" && format.id != "json") continue;
    std::ostringstream out;
    writeReport(out, format, report, {TextOptions{false, true}, "/fuzz"});
  }
}

}  // namespace kafkalint::fuzz
