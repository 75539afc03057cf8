// The text report: one finding per line, `path:line:col: severity ID [name] message`, then a summary.
#include <map>

#include "kafkalint/report.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
  [[nodiscard]] std::string severity(Severity s) const {
    switch (s) {
      case Severity::Error:
        return wrap("1;31", "error");
      case Severity::Warning:
        return wrap("1;33", "warning");
      case Severity::Note:
        return wrap("1;36", "note");
    }
    return "";
  }
};

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

void writeText(std::ostream& out, const Report& report, const TextOptions& options) {
  const Style style{options.color};
  const SourceFiles& files = report.model.files;
  std::size_t counts[3] = {0, 0, 0};
  for (const Finding& f : report.findings) {
    ++counts[static_cast<int>(f.severity)];
    const std::string entity = std::string(entityKindId(f.entityKind)) + " " + f.entityName;
    std::string where = !f.location.valid()    ? entity
                        : f.location.line == 0 ? files.path(f.location.file) + " " + entity  // a live cluster
                                               : files.path(f.location.file) + ":" + std::to_string(f.location.line) +
                                                     ":" + std::to_string(f.location.column);
    out << style.wrap("1", where) << ": " << style.severity(f.severity) << " " << f.ruleId << " [" << f.ruleName << "] "
        << f.message << "\n";
    if (options.verbose) {
      for (const EffectiveEntry& e : f.effective) {
        out << "    " << e.key << " = " << (e.isSet ? e.value : "(not set)") << "  ("
            << describeProvenance(e.provenance, files) << ")\n";
      }
    }
  }

  std::size_t checked = 0, skipped = 0, unclassified = 0;
  std::map<EntityKind, std::size_t> kinds;
  for (const InputRecord& in : report.model.inputs) {
    if (in.status == InputRecord::Status::Checked) ++checked;
    if (in.status == InputRecord::Status::Skipped) ++skipped;
    if (in.status == InputRecord::Status::Unclassified) ++unclassified;
  }
  for (const Entity& e : report.model.entities) ++kinds[e.kind];

  std::string summary;
  summary += plural(counts[2], "error") + ", " + plural(counts[1], "warning") + ", " + plural(counts[0], "note");
  if (checked > 0 || report.model.live.empty()) summary += " in " + plural(checked, "file") + " checked";
  for (const LiveCluster& live : report.model.live) {
    summary += (checked > 0 ? " and" : "") + std::string(" in the cluster at ") + live.bootstrap;
  }
  if (!kinds.empty()) {
    summary += " (";
    bool first = true;
    for (auto [kind, n] : kinds) {
      summary += (first ? "" : ", ") + plural(n, entityKindId(kind));
      first = false;
    }
    summary += ")";
  }
  summary += "; Kafka " + report.kafkaVersion.str() + " defaults";
  if (report.clientVersion != report.kafkaVersion) summary += " (Java clients " + report.clientVersion.str() + ")";
  if (skipped > 0) summary += "; " + plural(skipped, "file") + " skipped";
  if (unclassified > 0) summary += "; " + plural(unclassified, "file") + " not recognised";
  if (!report.errors.empty()) summary += "; " + plural(report.errors.size(), "input error");
  out << style.wrap("1", "kafkalint: ") << summary << "\n";
}

}  // namespace kafkalint
