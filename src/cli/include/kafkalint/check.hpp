// `kafkalint check` as a library call: the request the command line makes, the run (configuration,
// load, resolve, evaluate, gate, report), and what it gives back: the reports rendered, the
// verdict, the messages for standard error. main.cpp only parses and publishes.
#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/config.hpp"
#include "kafkalint/report_formats.hpp"
#include "kafkalint/settings.hpp"
#include "kafkalint/verdict.hpp"

namespace kafkalint {

// What a run reads from its process besides the command line.
struct RunEnvironment {
  bool githubActions = false;          // GITHUB_ACTIONS=true: GitHub annotations by default
  std::string configFile;              // KAFKALINT_CONFIG
  bool noColor = false;                // NO_COLOR: no colour unless asked
  bool stdoutIsTerminal = false;       // --color auto colours a terminal
  bool timings = false;                // KAFKALINT_TIMINGS: the seconds each stage took, on stderr
  std::vector<std::string> variables;  // NAME=value: the KAFKALINT_CLIENT_* connection settings
  Date today;                          // suppressions expire (KAFKALINT_TODAY fixes it)
  // Where what happens while a cluster is read is shown as it happens (nullptr: not shown):
  // progress lines for a terminal, and librdkafka's log (-v).
  std::ostream* progress = nullptr;
  std::ostream* clusterLog = nullptr;

  static RunEnvironment ofProcess();
};

// A live cluster to audit with the files (docs/architecture.md, Load).
struct ClusterRequest {
  std::string bootstrap;                     // --bootstrap HOST:PORT,...; "" = none
  std::vector<std::string> clientOverrides;  // -X key=value
  std::optional<std::string> clientConfig;   // --client-config FILE
  std::optional<double> timeoutSeconds;      // --timeout (default 30)
};

enum class ColorChoice { Auto, Always, Never };

struct CheckRequest {
  std::vector<std::string> paths;            // files, directories, "-" for standard input
  std::vector<OutputArgument> outputs;       // --format and --output, in command-line order
  std::vector<std::string> kinds;            // --kind KIND[:DIALECT]=PATH
  ConfigSource config;                       // --config, --no-config, --profile, --suppressions
  std::vector<CommandLineSetting> settings;  // the settings .kafkalint.toml also sets (settings.hpp)
  std::string writeBaseline;                 // --write-baseline FILE
  bool showSuppressed = false;
  bool allowEmpty = false;
  bool verbose = false;
  bool quiet = false;
  ColorChoice color = ColorChoice::Auto;
  ClusterRequest cluster;
  RunEnvironment environment;
};

// KAFKALINT_TIMINGS=1: one line on stderr with the seconds each stage took (for the benchmarks).
class StageTimer {
 public:
  explicit StageTimer(bool on = false) : on_(on) {}
  void stage(const char* name);
  void print(std::ostream& err) const;  // nothing unless on

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
  std::string line_;
};

struct RenderedReport {
  const ReportFormat* format = nullptr;
  std::string path;  // "" = standard output
  std::string text;
};

struct RunResult {
  std::optional<Verdict> verdict;            // nullopt: the run stopped at an error the user must fix
  std::vector<std::string> messages;         // lines for standard error, before the reports
  std::vector<RenderedReport> reports;       // in the order they are written; -q leaves out those for people
  std::vector<std::string> closingMessages;  // after the reports ("nothing checked")
  StageTimer timer;

  [[nodiscard]] ExitCode exitCode() const { return verdict ? verdict->exitCode : ExitCode::InputError; }
};

// Runs the audit. Never throws for what the user must fix: that is a message and exit 2.
RunResult runCheck(const CheckRequest& request);

// Writes the messages to `err` and each report to its file (atomically) or to `out`; returns the
// exit code: the verdict's, or 2 when a report could not be written.
int publish(RunResult& result, std::ostream& out, std::ostream& err);

// "kafkalint: error: MESSAGE", with the input text it quotes made printable.
std::string errorLine(std::string_view message);

}  // namespace kafkalint
