// Which reports a run writes where (--format, --output).
#include <set>

#include "kafkalint/errors.hpp"
#include "kafkalint/report_formats.hpp"

namespace kafkalint {

namespace {

struct Planned {
  ReportOutput output;
  std::string formatArgument;  // as written, for messages
};

// `--format FORMAT[:FILE]`.
Planned formatArgument(const std::string& value) {
  const std::size_t colon = value.find(':');
  const std::string id = value.substr(0, colon);
  const ReportFormat* format = findReportFormat(id);
  if (format == nullptr) {
    throw UsageError("--format " + value + ": unknown format '" + id + "' (one of " + reportFormatList() + ")");
  }
  std::string path = colon == std::string::npos ? "" : value.substr(colon + 1);
  if (colon != std::string::npos && path.empty()) throw UsageError("--format " + value + ": no file after ':'");
  return {{format, std::move(path)}, value};
}

// Each --output paired with the --format before it (or the first one); the default formats
// without --format.
std::vector<Planned> paired(const std::vector<OutputArgument>& arguments, bool githubActions) {
  std::vector<Planned> planned;
  std::vector<std::string> leadingOutputs;  // --output before any --format
  bool lastHasFile = false;                 // the file of the latest --format is already named
  for (const OutputArgument& a : arguments) {
    if (a.kind == OutputArgument::Kind::Format) {
      planned.push_back(formatArgument(a.value));
      lastHasFile = !planned.back().output.path.empty();
    } else if (planned.empty()) {
      leadingOutputs.push_back(a.value);
    } else if (lastHasFile) {
      throw UsageError("--output " + a.value + ": --format " + planned.back().formatArgument +
                       " before it already has a file (pair each --output with the --format before it)");
    } else {
      planned.back().output.path = a.value;
      lastHasFile = true;
    }
  }
  if (planned.empty()) {
    for (const ReportFormat& f : reportFormats()) {
      const bool byDefault = f.byDefault == ReportFormat::ByDefault::Always ||
                             (githubActions && f.byDefault == ReportFormat::ByDefault::InGithubActions);
      if (byDefault) planned.push_back({{&f, ""}, std::string(f.id)});
    }
  }
  if (leadingOutputs.size() > 1) {
    throw UsageError("--output " + leadingOutputs[1] +
                     ": two --output options with no --format between them (pair each --output with the "
                     "--format before it, or write --format FORMAT:FILE)");
  }
  if (!leadingOutputs.empty()) {
    if (!planned.front().output.path.empty()) {
      throw UsageError("--output " + leadingOutputs[0] + ": --format " + planned.front().formatArgument +
                       " already has a file");
    }
    planned.front().output.path = leadingOutputs[0];
  }
  return planned;
}

}  // namespace

std::vector<ReportOutput> planOutputs(const std::vector<OutputArgument>& arguments, bool githubActions) {
  // Standard output takes one report, and annotations after it; files are written once each.
  std::vector<ReportOutput> files, toStdout, annotations;
  std::set<std::string> paths;
  for (Planned& p : paired(arguments, githubActions)) {
    if (!p.output.path.empty()) {
      if (!paths.insert(p.output.path).second) {
        throw UsageError("two reports would be written to " + p.output.path);
      }
      files.push_back(std::move(p.output));
    } else if (p.output.format->annotatesStdout) {
      if (!annotations.empty()) throw UsageError("--format " + std::string(p.output.format->id) + " is given twice");
      annotations.push_back(std::move(p.output));
    } else {
      if (!toStdout.empty()) {
        throw UsageError("--format " + std::string(toStdout.front().format->id) + " and --format " + p.formatArgument +
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

}  // namespace kafkalint
