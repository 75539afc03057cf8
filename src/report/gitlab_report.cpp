// GitLab Code Quality (a Code Climate subset): a JSON array of issues with description,
// check_name, a fingerprint unique per finding, severity and location.path + lines.begin
// (docs/ci.md).
#include <nlohmann/json.hpp>

#include "ci_support.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/report_formats.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

using Json = nlohmann::ordered_json;

namespace {

// GitLab's scale is info, minor, major, critical, blocker.
std::string_view gitlabSeverity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "critical";
    case Severity::Warning:
      return "major";
    case Severity::Note:
      return "info";
  }
  return "major";
}

Json issue(std::string description, std::string checkName, std::string fingerprint, std::string_view severity,
           const std::optional<ci::FilePlace>& place, const std::string& nonFile) {
  // GitLab needs a path: what is not a file keeps its own name (kafka://HOST:PORT, <stdin>).
  return Json{{"type", "issue"},
              {"description", std::move(description)},
              {"check_name", std::move(checkName)},
              {"fingerprint", std::move(fingerprint)},
              {"severity", severity},
              {"location", {{"path", place ? place->path : nonFile}, {"lines", {{"begin", place ? place->line : 1}}}}}};
}

}  // namespace

void writeGitlab(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory) {
  const ci::Places places(report.model, workingDirectory);
  // Code Quality has no notion of an accepted finding: suppressed and baselined ones are left out.
  std::vector<Finding> shown;
  for (const Finding& f : report.findings) {
    if (countsForGate(f)) shown.push_back(f);
  }
  const std::vector<std::string> ids = ci::uniqueFingerprints(shown);
  Json doc = Json::array();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Finding& f = shown[i];
    const std::string live = places.liveSubject(f);
    const std::string message = f.ruleId + " [" + f.ruleName + "] " + (live.empty() ? "" : live + ": ") + f.message;
    const std::string nonFile = f.location.valid() ? report.model.files.path(f.location.file) : f.entityName;
    doc.push_back(issue(message, f.ruleId, ids[i], gitlabSeverity(f.severity), places.of(f), nonFile));
  }
  // Input errors fail the gate: they are shown too.
  std::vector<std::string> errorIds;
  for (const InputError& e : report.errors) errorIds.push_back("input-error-" + stableHash(e.what()));
  errorIds = ci::uniqueIds(std::move(errorIds));
  for (std::size_t i = 0; i < report.errors.size(); ++i) {
    const InputError& e = report.errors[i];
    doc.push_back(issue(std::string("kafkalint input error: ") + e.what(), "kafkalint-input-error", errorIds[i],
                        "blocker", places.ofPath(e.path(), e.line(), e.column()), e.path()));
  }
  if (report.verdict.nothingChecked) {
    doc.push_back(issue("kafkalint: nothing checked: no Kafka configuration found", "kafkalint-nothing-checked",
                        "nothing-checked", "blocker", std::nullopt, "."));
  }
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace kafkalint
