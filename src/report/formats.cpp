// The output formats (report_formats.hpp): one row each. A new format is a file with its writer
// (declared in report_formats.hpp) and a row here.
#include "kafkalint/report_formats.hpp"

namespace kafkalint {

namespace {

using Format = ReportFormat;

std::vector<ReportFormat> makeFormats() {
  return {
      {"text", [](std::ostream& out, const Report& r, const RenderOptions& o) { writeText(out, r, o.text); },
       Format::Audience::People, false, Format::ByDefault::Always,
       "for people: one finding per line, the durability budget, a summary"},
      {"json", [](std::ostream& out, const Report& r, const RenderOptions&) { writeJson(out, r); },
       Format::Audience::Machines, false, Format::ByDefault::Never,
       "every finding with its effective values (docs/json-report.md)"},
      {"sarif",
       [](std::ostream& out, const Report& r, const RenderOptions& o) { writeSarif(out, r, o.workingDirectory); },
       Format::Audience::Machines, false, Format::ByDefault::Never, "SARIF 2.1.0, for GitHub code scanning"},
      {"github",
       [](std::ostream& out, const Report& r, const RenderOptions& o) { writeGithub(out, r, o.workingDirectory); },
       Format::Audience::People, true, Format::ByDefault::InGithubActions,
       "GitHub Actions workflow commands: an annotation per finding"},
      {"junit",
       [](std::ostream& out, const Report& r, const RenderOptions& o) { writeJunit(out, r, o.workingDirectory); },
       Format::Audience::Machines, false, Format::ByDefault::Never, "JUnit XML: a test case per rule and entity"},
      {"gitlab",
       [](std::ostream& out, const Report& r, const RenderOptions& o) { writeGitlab(out, r, o.workingDirectory); },
       Format::Audience::Machines, false, Format::ByDefault::Never, "GitLab Code Quality: an issue per finding"},
  };
}

std::string joined(Format::ByDefault when) {
  std::string out;
  for (const ReportFormat& f : reportFormats()) {
    if (f.byDefault == when) out += (out.empty() ? "" : ", ") + std::string(f.id);
  }
  return out;
}

}  // namespace

const std::vector<ReportFormat>& reportFormats() {
  static const std::vector<ReportFormat> formats = makeFormats();
  return formats;
}

const ReportFormat* findReportFormat(std::string_view id) {
  for (const ReportFormat& f : reportFormats()) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::string reportFormatList() {
  std::string out;
  for (const ReportFormat& f : reportFormats()) out += (out.empty() ? "" : ", ") + std::string(f.id);
  return out;
}

std::string reportFormatDefaults() {
  const std::string inActions = joined(Format::ByDefault::InGithubActions);
  return "default " + joined(Format::ByDefault::Always) +
         (inActions.empty() ? "" : ", plus " + inActions + " when GITHUB_ACTIONS=true");
}

void writeReport(std::ostream& out, const ReportFormat& format, const Report& report, const RenderOptions& options) {
  RenderOptions resolved = options;
  if (resolved.workingDirectory.empty()) resolved.workingDirectory = std::filesystem::current_path();
  format.write(out, report, resolved);
}

}  // namespace kafkalint
