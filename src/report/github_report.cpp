// GitHub Actions workflow commands: one `::error file=...,line=...,col=...,title=...::message`
// annotation per finding and per input error (docs/ci.md).
#include "ci_support.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/report_formats.hpp"

namespace kafkalint {

namespace {

// The runner decodes %25, %0D and %0A in a command's message...
std::string escapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

// ...and also %3A and %2C in its properties, where ':' ends the list and ',' separates.
std::string escapeProperty(std::string_view text) {
  std::string out;
  for (char c : escapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "notice";
  }
  return "warning";
}

void annotate(std::ostream& out, std::string_view level, const std::optional<ci::FilePlace>& place,
              const std::string& title, const std::string& message) {
  out << "::" << level << " ";
  if (place) {
    out << "file=" << escapeProperty(place->path) << ",line=" << place->line;
    if (place->column > 0) out << ",col=" << place->column;
    out << ",";
  }
  out << "title=" << escapeProperty(title) << "::" << escapeData(message) << "\n";
}

}  // namespace

void writeGithub(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory) {
  const ci::Places places(report.model, workingDirectory);
  for (const Finding& f : report.findings) {
    if (!countsForGate(f)) continue;  // annotations are for what fails the gate
    const std::string live = places.liveSubject(f);
    annotate(out, command(f.severity), places.of(f), f.ruleId + " [" + f.ruleName + "]",
             live.empty() ? f.message : live + ": " + f.message);
  }
  for (const InputError& e : report.errors) {
    annotate(out, "error", places.ofPath(e.path(), e.line(), e.column()), "kafkalint input error", e.what());
  }
  if (report.verdict.nothingChecked) {
    annotate(out, "error", std::nullopt, "kafkalint", "nothing checked: no Kafka configuration found");
  }
}

}  // namespace kafkalint
