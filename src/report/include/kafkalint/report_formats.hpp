// Stage 4, report, for CI systems: SARIF 2.1.0 (code scanning), GitHub workflow commands, JUnit
// XML, GitLab Code Quality; the table of every output format; and which reports one run writes
// where (--format/--output).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/report.hpp"

namespace kafkalint {

struct RenderOptions {
  TextOptions text;
  // CI reports name files relative to it; SARIF's %SRCROOT%. Empty: the current directory.
  std::filesystem::path workingDirectory;
};

// One output format: a row of reportFormats() (formats.cpp). A new format is a file with its
// writer and a row there.
struct ReportFormat {
  // Who reads it. People: -q silences it on standard output, and it is coloured there when asked
  // (--color). Machines: written whatever -q says.
  enum class Audience { People, Machines };
  // When a run writes it without --format.
  enum class ByDefault { Never, Always, InGithubActions };

  std::string_view id;  // --format ID
  void (*write)(std::ostream& out, const Report& report, const RenderOptions& options) = nullptr;
  Audience audience = Audience::Machines;
  // Standard output takes one report; a format that annotates it (GitHub's workflow commands) is
  // written there after that one instead.
  bool annotatesStdout = false;
  ByDefault byDefault = ByDefault::Never;
  std::string_view description;

  [[nodiscard]] bool forPeople() const { return audience == Audience::People; }
};

// Every format, in the order --help lists them.
const std::vector<ReportFormat>& reportFormats();
const ReportFormat* findReportFormat(std::string_view id);
std::string reportFormatList();      // "text, json, sarif, github, junit, gitlab"
std::string reportFormatDefaults();  // "default text, plus github when GITHUB_ACTIONS=true"

// One report of a run: its format and the file it goes to ("" = standard output).
struct ReportOutput {
  const ReportFormat* format = nullptr;
  std::string path;
};

// A --format or --output argument, in command-line order.
struct OutputArgument {
  enum class Kind { Format, Output } kind;
  std::string value;
};

// Pairs --format and --output arguments (docs/ci.md):
//  - `--format FORMAT:FILE` names the file of that report;
//  - `--output FILE` is the file of the nearest --format before it (the first --format when it
//    comes before all of them), so `--format sarif -o r.sarif --format text` and today's
//    `-o r.json --format json` both work;
//  - a --format without a file writes to standard output; only one report may, besides `github`
//    annotations, which follow it;
//  - without --format: the formats written by default (text, plus `github` annotations when
//    GITHUB_ACTIONS=true).
// Throws UsageError with a message for the user.
std::vector<ReportOutput> planOutputs(const std::vector<OutputArgument>& arguments, bool githubActions);

// Writes one report in any format.
void writeReport(std::ostream& out, const ReportFormat& format, const Report& report, const RenderOptions& options);

// Version of the result identities kafkalint puts in SARIF partialFingerprints ("kafkalint/v1").
inline constexpr std::string_view kSarifFingerprintKey = "kafkalint/v1";

// The CI formats; `workingDirectory` must be absolute.
void writeSarif(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory);
void writeGithub(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory);
void writeJunit(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory);
void writeGitlab(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory);

}  // namespace kafkalint
