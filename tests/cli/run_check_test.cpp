// kafkalint check in process (runCheck, publish, CheckOptions): a request in, the reports, the
// verdict and the messages out, without the binary.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kafkalint/check.hpp"
#include "kafkalint/command_line.hpp"

namespace kafkalint {
namespace {

namespace fs = std::filesystem;

fs::path freshDir() {
  static std::atomic<int> counter{0};
  fs::path dir =
      fs::temp_directory_path() / ("kafkalint-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  return dir;
}

std::string write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
  return path.string();
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A request for `kafkalint check PATHS` that reads no .kafkalint.toml and no environment.
CheckRequest requestFor(std::vector<std::string> paths) {
  CheckRequest r;
  r.paths = std::move(paths);
  r.config.none = true;
  r.environment.today = Date{2026, 11, 22};
  return r;
}

// A setting as the command line gives it: `option` is one of its forms (toolSettings()).
CommandLineSetting given(std::string_view option, std::vector<std::string> values = {}) {
  for (const SettingSpec& s : toolSettings()) {
    for (const CommandLineForm& f : s.commandLine) {
      if (f.option == option) return {&s, &f, std::move(values)};
    }
  }
  FAIL("no setting has the option " << option);
  return {};
}

std::string messages(const RunResult& r) {
  std::string out;
  for (const std::string& m : r.messages) out += m + "\n";
  for (const std::string& m : r.closingMessages) out += m + "\n";
  return out;
}

const std::string kProducer = "acks=0\nenable.idempotence=false\n";  // an error and a warning

TEST_CASE("a check runs in process: the reports rendered, the verdict, the messages") {
  const fs::path dir = freshDir();
  CheckRequest request = requestFor({write(dir / "p.properties", kProducer)});
  request.outputs = {{OutputArgument::Kind::Format, "json"}, {OutputArgument::Kind::Format, "sarif:r.sarif"}};
  const RunResult run = runCheck(request);
  INFO(messages(run));
  REQUIRE(run.verdict);
  CHECK(run.exitCode() == ExitCode::Findings);
  CHECK(run.verdict->failing == 1);  // the warning does not fail the run
  CHECK(run.verdict->auditComplete());
  REQUIRE(run.reports.size() == 2);
  CHECK(run.reports[0].path == "r.sarif");  // files first, then standard output
  CHECK(run.reports[1].format->id == "json");
  // Every report says the verdict's exit code.
  const auto json = nlohmann::json::parse(run.reports[1].text);
  CHECK(json["summary"]["exitCode"] == 1);
  const auto sarif = nlohmann::json::parse(run.reports[0].text);
  CHECK(sarif["runs"][0]["invocations"][0]["exitCode"] == 1);
  CHECK(sarif["runs"][0]["invocations"][0]["exitCodeDescription"] == std::string(run.verdict->description()));
}

TEST_CASE("what the user must fix is one message and exit 2, with no report") {
  const fs::path dir = freshDir();
  const std::string file = write(dir / "p.properties", kProducer);
  struct Case {
    std::function<void(CheckRequest&)> change;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](CheckRequest& r) {
         r.outputs = {{OutputArgument::Kind::Format, "xml"}};
       },
       "unknown format 'xml'"},
      {[](CheckRequest& r) {
         r.settings = {given("--fail-on", {"warning"}), given("--exit-zero")};
       },
       "--exit-zero and --fail-on warning contradict each other"},
      {[](CheckRequest& r) { r.settings = {given("--kafka-version", {"2.9"})}; }, "--kafka-version: Kafka 2.9 is not"},
      {[](CheckRequest& r) { r.kinds = {"queue=x"}; }, "--kind: "},
      {[](CheckRequest& r) { r.settings = {given("--rules", {"/nonexistent"})}; }, "rule file: /nonexistent"},
      {[](CheckRequest& r) { r.cluster.timeoutSeconds = 5; }, "--timeout applies to the connection to a cluster"},
      {[](CheckRequest& r) { r.paths.clear(); }, "nothing to check"},
  };
  for (const Case& c : cases) {
    CheckRequest request = requestFor({file});
    c.change(request);
    const RunResult run = runCheck(request);
    INFO(c.message);
    CHECK_FALSE(run.verdict);
    CHECK(run.exitCode() == ExitCode::InputError);
    CHECK(run.reports.empty());
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages[0].starts_with("kafkalint: error: "));
    CHECK(run.messages[0].find(c.message) != std::string::npos);
  }
}

TEST_CASE("settings given on the command line combine with the file's as their rows say") {
  const fs::path dir = freshDir();
  const std::string file = write(dir / "p.properties", kProducer);
  CheckRequest request = requestFor({file});
  request.config.none = false;
  request.config.file = write(dir / "kafkalint.toml", "fail-on = \"never\"\nexclude = [\"topic:x\"]\n");
  CHECK(runCheck(request).exitCode() == ExitCode::Ok);  // the file's fail-on never
  request.settings = {given("--fail-on", {"warning"})};
  CHECK(runCheck(request).verdict->failing == 2);  // the command line wins
  request.settings = {given("--exclude", {"producer:*"})};
  const RunResult excluded = runCheck(request);
  CHECK(excluded.exitCode() == ExitCode::Ok);
  CHECK(excluded.reports.at(0).text.find("2 findings on excluded entities") !=
        std::string::npos);  // added to the file's
}

TEST_CASE("--write-baseline records the accepted findings and reports the run against them") {
  const fs::path dir = freshDir();
  CheckRequest request = requestFor({write(dir / "p.properties", kProducer)});
  request.writeBaseline = (dir / "baseline.toml").string();
  request.outputs = {{OutputArgument::Kind::Format, "json"}};
  const RunResult run = runCheck(request);
  INFO(messages(run));
  CHECK(run.exitCode() == ExitCode::Ok);
  CHECK(read(dir / "baseline.toml").find("rule = \"KL0301\"") != std::string::npos);
  CHECK(messages(run).find("wrote " + request.writeBaseline + ": 2 findings accepted") != std::string::npos);
  const auto json = nlohmann::json::parse(run.reports.at(0).text);
  CHECK(json["gate"]["baseline"]["matched"] == 2);
  // Read back, the same findings are all in it.
  request.writeBaseline.clear();
  request.settings = {given("--baseline", {(dir / "baseline.toml").string()})};
  CHECK(runCheck(request).exitCode() == ExitCode::Ok);
  // A baseline that cannot be written ends the run before any report.
  request.writeBaseline = (dir / "no" / "such" / "b.toml").string();
  const RunResult failed = runCheck(request);
  CHECK(failed.exitCode() == ExitCode::InputError);
  CHECK(failed.reports.empty());
  CHECK(messages(failed).find("cannot write") != std::string::npos);
}

TEST_CASE("nothing checked: exit 2 and a closing message, unless --allow-empty") {
  const fs::path dir = freshDir();
  write(dir / "logs" / "log4j.properties", "log4j.rootLogger=INFO, stdout\n");
  CheckRequest request = requestFor({(dir / "logs").string()});
  const RunResult run = runCheck(request);
  REQUIRE(run.verdict);
  CHECK(run.verdict->nothingChecked);
  CHECK(run.exitCode() == ExitCode::InputError);
  CHECK_FALSE(run.reports.empty());  // the report still says what was skipped
  REQUIRE(run.closingMessages.size() == 1);
  CHECK(run.closingMessages[0].find("nothing checked: no Kafka configuration found") != std::string::npos);
  request.allowEmpty = true;
  const RunResult allowed = runCheck(request);
  CHECK(allowed.exitCode() == ExitCode::Ok);
  CHECK(allowed.closingMessages.empty());
}

TEST_CASE("-q leaves out the reports for people on standard output, not files or machine formats") {
  const fs::path dir = freshDir();
  CheckRequest request = requestFor({write(dir / "p.properties", kProducer)});
  request.quiet = true;
  CHECK(runCheck(request).reports.empty());  // the text report
  request.outputs = {{OutputArgument::Kind::Format, "github"},
                     {OutputArgument::Kind::Format, "text:" + (dir / "r.txt").string()}};
  const RunResult run = runCheck(request);
  REQUIRE(run.reports.size() == 1);
  CHECK(run.reports[0].format->id == "text");
  CHECK(run.reports[0].path == (dir / "r.txt").string());
}

TEST_CASE("without --format: text, plus GitHub annotations in GitHub Actions") {
  const fs::path dir = freshDir();
  CheckRequest request = requestFor({write(dir / "p.properties", kProducer)});
  request.environment.githubActions = true;
  const RunResult run = runCheck(request);
  REQUIRE(run.reports.size() == 2);
  CHECK(run.reports[0].format->id == "text");
  CHECK(run.reports[1].format->id == "github");
  CHECK(run.reports[1].text.starts_with("::error file="));
}

TEST_CASE("publish writes the messages, the files and standard output, and exits 2 when a file cannot be written") {
  const fs::path dir = freshDir();
  CheckRequest request = requestFor({write(dir / "p.properties", kProducer)});
  request.outputs = {{OutputArgument::Kind::Format, "json:" + (dir / "r.json").string()},
                     {OutputArgument::Kind::Format, "text"}};
  RunResult run = runCheck(request);
  std::ostringstream out, err;
  CHECK(publish(run, out, err) == 1);
  CHECK(out.str().find("KL0301") != std::string::npos);
  CHECK(nlohmann::json::parse(read(dir / "r.json"))["summary"]["exitCode"] == 1);
  CHECK(err.str().empty());

  request.outputs = {{OutputArgument::Kind::Format, "json:" + (dir / "none" / "r.json").string()}};
  RunResult unwritable = runCheck(request);
  std::ostringstream out2, err2;
  CHECK(publish(unwritable, out2, err2) == 2);
  CHECK(err2.str().find("kafkalint: error: cannot write") != std::string::npos);
}

TEST_CASE("the check options make the request: outputs in command-line order, the settings given") {
  CLI::App app;
  CLI::App* command = app.add_subcommand("check");
  const CheckOptions options(*command);
  app.parse(
      "check a.properties -o r.json --format json --format sarif:r.sarif --fail-on warning "
      "--rules r1 --rules r2 --no-inline-suppressions --timeout 5 --color never",
      false);
  const CheckRequest r = options.request(RunEnvironment{});
  CHECK(r.paths == std::vector<std::string>{"a.properties"});
  REQUIRE(r.outputs.size() == 3);
  CHECK(r.outputs[0].kind == OutputArgument::Kind::Output);
  CHECK(r.outputs[1].value == "json");
  CHECK(r.outputs[2].value == "sarif:r.sarif");
  REQUIRE(r.settings.size() == 3);  // in table order
  CHECK(r.settings[0].form->option == "--fail-on");
  CHECK(r.settings[0].values == std::vector<std::string>{"warning"});
  CHECK(r.settings[1].values == std::vector<std::string>{"r1", "r2"});
  CHECK(r.settings[2].form->option == "--no-inline-suppressions");
  CHECK(r.cluster.timeoutSeconds == 5);
  CHECK_FALSE(r.cluster.clientConfig);
  CHECK(r.color == ColorChoice::Never);
}

}  // namespace
}  // namespace kafkalint
