// Which reports a run writes where (--format, --output), and writing one report in any format.
#include <set>
#include <stdexcept>

#include "kafkalint/report_formats.hpp"

namespace kafkalint {

namespace {

constexpr std::pair<ReportFormat, std::string_view> kFormats[] = {
    {ReportFormat::Text, "text"},     {ReportFormat::Json, "json"},   {ReportFormat::Sarif, "sarif"},
    {ReportFormat::Github, "github"}, {ReportFormat::Junit, "junit"}, {ReportFormat::Gitlab, "gitlab"},
};

struct Planned {
  ReportOutput output;
  std::string formatArgument;  // as written, for messages
};

}  // namespace

std::string_view reportFormatId(ReportFormat format) {
  for (const auto& [f, id] : kFormats) {
    if (f == format) return id;
  }
  return "?";
}

std::optional<ReportFormat> parseReportFormat(std::string_view id) {
  for (const auto& [f, name] : kFormats) {
    if (name == id) return f;
  }
  return std::nullopt;
}

std::string reportFormatList() {
  std::string out;
  for (const auto& [f, id] : kFormats) out += (out.empty() ? "" : ", ") + std::string(id);
  return out;
}

std::vector<ReportOutput> planOutputs(const std::vector<OutputArgument>& arguments, bool githubActions) {
  std::vector<Planned> planned;
  std::vector<std::string> leadingOutputs;  // --output before any --format
  bool lastHasFile = false;                 // the file of the latest --format is already named
  for (const OutputArgument& a : arguments) {
    if (a.kind == OutputArgument::Kind::Format) {
      const std::size_t colon = a.value.find(':');
      const std::string id = a.value.substr(0, colon);
      const auto format = parseReportFormat(id);
      if (!format)
        throw std::invalid_argument("--format " + a.value + ": unknown format '" + id + "' (one of " +
                                    reportFormatList() + ")");
      std::string path = colon == std::string::npos ? "" : a.value.substr(colon + 1);
      if (colon != std::string::npos && path.empty()) {
        throw std::invalid_argument("--format " + a.value + ": no file after ':'");
      }
      lastHasFile = !path.empty();
      planned.push_back({{*format, std::move(path)}, a.value});
      continue;
    }
    if (planned.empty()) {
      leadingOutputs.push_back(a.value);
    } else if (lastHasFile) {
      throw std::invalid_argument("--output " + a.value + ": --format " + planned.back().formatArgument +
                                  " before it already has a file (pair each --output with the --format before it)");
    } else {
      planned.back().output.path = a.value;
      lastHasFile = true;
    }
  }
  if (planned.empty()) {
    planned.push_back({{ReportFormat::Text, ""}, "text"});
    if (githubActions) planned.push_back({{ReportFormat::Github, ""}, "github"});
  }
  if (leadingOutputs.size() > 1) {
    throw std::invalid_argument("--output " + leadingOutputs[1] +
                                ": two --output options with no --format between them (pair each --output with the "
                                "--format before it, or write --format FORMAT:FILE)");
  }
  if (!leadingOutputs.empty()) {
    if (!planned.front().output.path.empty()) {
      throw std::invalid_argument("--output " + leadingOutputs[0] + ": --format " + planned.front().formatArgument +
                                  " already has a file");
    }
    planned.front().output.path = leadingOutputs[0];
  }

  // Standard output takes one report, and GitHub annotations after it; files are written once each.
  std::vector<ReportOutput> files, toStdout, annotations;
  std::set<std::string> paths;
  for (Planned& p : planned) {
    if (!p.output.path.empty()) {
      if (!paths.insert(p.output.path).second) {
        throw std::invalid_argument("two reports would be written to " + p.output.path);
      }
      files.push_back(std::move(p.output));
    } else if (p.output.format == ReportFormat::Github) {
      if (!annotations.empty()) throw std::invalid_argument("--format github is given twice");
      annotations.push_back(std::move(p.output));
    } else {
      if (!toStdout.empty()) {
        throw std::invalid_argument("--format " + std::string(reportFormatId(toStdout.front().format)) +
                                    " and --format " + p.formatArgument +
                                    " would both write to standard output: give one of them a file "
                                    "(--format FORMAT:FILE, or --output FILE after it)");
      }
      toStdout.push_back(std::move(p.output));
    }
  }
  files.insert(files.end(), toStdout.begin(), toStdout.end());
  files.insert(files.end(), annotations.begin(), annotations.end());
  return files;
}

void writeReport(std::ostream& out, ReportFormat format, const Report& report, const RenderOptions& options) {
  const std::filesystem::path workingDirectory =
      options.workingDirectory.empty() ? std::filesystem::current_path() : options.workingDirectory;
  switch (format) {
    case ReportFormat::Text:
      return writeText(out, report, options.text);
    case ReportFormat::Json:
      return writeJson(out, report);
    case ReportFormat::Sarif:
      return writeSarif(out, report, workingDirectory);
    case ReportFormat::Github:
      return writeGithub(out, report, workingDirectory);
    case ReportFormat::Junit:
      return writeJunit(out, report, workingDirectory);
    case ReportFormat::Gitlab:
      return writeGitlab(out, report, workingDirectory);
  }
}

}  // namespace kafkalint
