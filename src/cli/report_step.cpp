// The reports of a check (check_steps.hpp): each rendered in its format, and published to its file
// (atomically) or to standard output.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "check_steps.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint::check {

namespace {

bool useColor(const CheckRequest& request) {
  switch (request.color) {
    case ColorChoice::Always:
      return true;
    case ColorChoice::Never:
      return false;
    case ColorChoice::Auto:
      break;
  }
  return !request.environment.noColor && request.environment.stdoutIsTerminal;
}

}  // namespace

std::vector<RenderedReport> render(const CheckRequest& request, const std::vector<ReportOutput>& outputs,
                                   const Report& report) {
  std::vector<RenderedReport> rendered;
  for (const ReportOutput& output : outputs) {
    const bool toStdout = output.path.empty();
    if (toStdout && request.quiet && output.format->forPeople()) continue;  // -q
    std::ostringstream text;
    const TextOptions textOptions{toStdout && output.format->forPeople() && useColor(request), request.verbose};
    writeReport(text, *output.format, report, {textOptions, {}});
    rendered.push_back({output.format, output.path, std::move(text).str()});
  }
  return rendered;
}

std::optional<std::string> writeAtomically(const std::string& path, std::string_view content) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return std::string(std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int writeErrno = errno;
  if (std::fclose(f) != 0 || !written) {
    const std::string reason = std::strerror(written ? errno : writeErrno);
    std::remove(tmp.c_str());
    return reason;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(tmp.c_str());
    return reason;
  }
  return std::nullopt;
}

}  // namespace kafkalint::check

namespace kafkalint {

std::string errorLine(std::string_view message) { return "kafkalint: error: " + printable(message); }

int publish(RunResult& result, std::ostream& out, std::ostream& err) {
  for (const std::string& m : result.messages) err << m << "\n";
  bool written = true;
  for (const RenderedReport& report : result.reports) {
    if (report.path.empty()) {
      out << report.text;
    } else if (auto failure = check::writeAtomically(report.path, report.text)) {
      err << errorLine("cannot write " + report.path + ": " + *failure) << "\n";
      written = false;
    }
  }
  out.flush();
  if (result.verdict) result.timer.stage("report");
  if (written) {
    for (const std::string& m : result.closingMessages) err << m << "\n";
  }
  result.timer.print(err);
  return static_cast<int>(written ? result.exitCode() : ExitCode::InputError);
}

}  // namespace kafkalint
