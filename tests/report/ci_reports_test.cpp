// CI reports: which reports go where (--format/--output), path encoding, GitHub escaping, unique
// result identities. The SARIF itself is validated end to end (tests/cli/test_ci_reports.py).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "kafkalint/report_formats.hpp"
#include "report/ci_support.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

using Kind = OutputArgument::Kind;

std::string plan(const std::vector<OutputArgument>& args, bool actions = false) {
  std::string out;
  for (const ReportOutput& o : planOutputs(args, actions)) {
    out.append(out.empty() ? "" : " ").append(o.format->id).append(">").append(o.path.empty() ? "-" : o.path);
  }
  return out;
}

std::string planError(const std::vector<OutputArgument>& args) {
  try {
    planOutputs(args, false);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

Report reportOf(const Audit& a, ExitCode exit = ExitCode::Findings) {
  const KafkaVersion v = *KafkaVersion::parse("4.1");
  return Report{a.loaded.model, builtinRules(), a.findings, a.loaded.errors, v, v, Verdict{exit}};
}

TEST_CASE("--output belongs to the --format before it; FORMAT:FILE names a file; one report on stdout") {
  CHECK(plan({}) == "text>-");
  CHECK(plan({}, true) == "text>- github>-");
  CHECK(plan({{Kind::Output, "r.txt"}}, true) == "text>r.txt github>-");
  // Today's forms keep working, in either order.
  CHECK(plan({{Kind::Format, "json"}, {Kind::Output, "r.json"}}) == "json>r.json");
  CHECK(plan({{Kind::Output, "r.json"}, {Kind::Format, "json"}}) == "json>r.json");
  // Several reports: files first, then the one stdout report, then annotations.
  CHECK(plan({{Kind::Format, "sarif"}, {Kind::Output, "r.sarif"}, {Kind::Format, "text"}}) == "sarif>r.sarif text>-");
  CHECK(plan({{Kind::Format, "github"}, {Kind::Format, "text"}, {Kind::Format, "gitlab:gl.json"}}) ==
        "gitlab>gl.json text>- github>-");
  CHECK(plan({{Kind::Format, "sarif:out dir/r:1.sarif"}}) == "sarif>out dir/r:1.sarif");
  // Explicit formats replace the GitHub default.
  CHECK(plan({{Kind::Format, "json"}}, true) == "json>-");
}

TEST_CASE("ambiguous or impossible pairings are usage errors") {
  CHECK(planError({{Kind::Format, "xml"}}).find("unknown format 'xml'") != std::string::npos);
  CHECK(planError({{Kind::Format, "sarif:"}}).find("no file after ':'") != std::string::npos);
  CHECK(planError({{Kind::Format, "json"}, {Kind::Format, "text"}}).find("both write to standard output") !=
        std::string::npos);
  CHECK(planError({{Kind::Format, "json:a"}, {Kind::Output, "b"}}).find("already has a file") != std::string::npos);
  CHECK(planError({{Kind::Format, "json"}, {Kind::Output, "a"}, {Kind::Output, "b"}}).find("already has a file") !=
        std::string::npos);
  CHECK(planError({{Kind::Output, "a"}, {Kind::Output, "b"}, {Kind::Format, "json"}}).find("two --output") !=
        std::string::npos);
  CHECK(planError({{Kind::Format, "json:r"}, {Kind::Format, "sarif:r"}}).find("two reports would be written to r") !=
        std::string::npos);
}

TEST_CASE("every format is a row of one table: id, writer, audience, description") {
  CHECK(reportFormatList() == "text, json, sarif, github, junit, gitlab");
  CHECK(reportFormatDefaults() == "default text, plus github when GITHUB_ACTIONS=true");
  Audit a = audit("acks=1\n", {.name = "p.properties", .kind = "producer"});
  for (const ReportFormat& f : reportFormats()) {
    INFO(f.id);
    CHECK(findReportFormat(f.id) == &f);
    CHECK_FALSE(f.description.empty());
    std::ostringstream out;
    writeReport(out, f, reportOf(a), {TextOptions{}, "/work"});
    CHECK(out.str().find("KL0301") != std::string::npos);
  }
  CHECK(findReportFormat("xml") == nullptr);
  CHECK(findReportFormat("text")->forPeople());
  CHECK(findReportFormat("github")->forPeople());
  CHECK_FALSE(findReportFormat("sarif")->forPeople());
}

TEST_CASE("paths are percent-encoded byte by byte, '/' kept") {
  CHECK(ci::percentEncodePath("conf dir/ünï #1/a%b.properties") == "conf%20dir/%C3%BCn%C3%AF%20%231/a%25b.properties");
  CHECK(ci::percentEncodePath("a-b_c.d~e/f") == "a-b_c.d~e/f");
  CHECK(ci::percentEncodePath("c:d") == "c%3Ad");  // a colon never reads as a scheme
  CHECK(ci::fileUri("/tmp/a b", true) == "file:///tmp/a%20b/");
}

TEST_CASE("file places are relative to the working directory, absolute outside it; stdin has none") {
  Audit a = audit("acks=1\n", {.name = "conf/p.properties"});
  const ci::Places places(a.loaded.model, "/work/repo");
  auto inside = places.ofPath("conf/../conf/p.properties", 3, 2);
  REQUIRE(inside);
  CHECK(inside->relative);
  CHECK(inside->path == "conf/p.properties");
  CHECK(inside->line == 3);
  CHECK(inside->column == 2);
  auto outside = places.ofPath("/etc/kafka/server.properties", 0, 0);
  REQUIRE(outside);
  CHECK_FALSE(outside->relative);
  CHECK(outside->path == "/etc/kafka/server.properties");
  CHECK(outside->line == 1);  // a whole-file finding points at the start
  CHECK_FALSE(places.ofPath("<stdin>", 1, 1));
  CHECK_FALSE(places.ofPath("kafka://k:9092", 0, 0));
}

TEST_CASE("github annotations escape data and properties") {
  // A value with a newline (a \n escape) and '%'; a path with ',' and ':'.
  Audit a = audit("acks=all\\nx%\\ry\n", {.name = "c,d:e.properties"});
  REQUIRE(!a.findings.empty());
  const std::filesystem::path file = a.loaded.model.files.path(a.findings[0].location.file);
  std::ostringstream out;
  writeGithub(out, reportOf(a), file.parent_path());
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("::error file=c%2Cd%3Ae.properties,line=1,col=1,title=KL0301 [producer-acks]::acks=all%0Ax%25%0Dy: "
                  "a send") != std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) CHECK(line.starts_with("::"));
}

TEST_CASE("a producer's findings for two topics have different identities") {
  // The producer is reported once for each topic: the same rule, entity and keys, another topic.
  Audit a = auditWritten({{"spec.yaml",
                           "kafkalint: cluster-spec/v1\ncluster:\n  name: c\n  brokers: 3\n"
                           "  broker_config: {min.insync.replicas: 1, default.replication.factor: 3}\n"
                           "topics:\n  - {name: t1, replication_factor: 3}\n  - {name: t2, replication_factor: 3}\n"
                           "clients:\n  - {name: p, kind: producer, config: {acks: all}, produces: [t1, t2]}\n"}});
  REQUIRE(a.byRule("KL0307").size() == 2);
  CHECK(a.byRule("KL0307")[0]->relatedTopic == "t1");
  CHECK(a.byRule("KL0307")[1]->relatedTopic == "t2");
  CHECK(fingerprint(*a.byRule("KL0307")[0]) != fingerprint(*a.byRule("KL0307")[1]));
}

TEST_CASE("gitlab fingerprints are unique even when two findings share an identity") {
  // A key written twice in one file is reported at each place: the same rule, entity and key.
  Audit a = audit("acks=1\nacks=0\nacks=1\n", {.name = "p.properties"});
  std::vector<const Finding*> duplicates = a.byRule("KL9003");
  REQUIRE(duplicates.size() >= 2);
  CHECK(fingerprint(*duplicates[0]) == fingerprint(*duplicates[1]));
  std::ostringstream out;
  writeGitlab(out, reportOf(a), std::filesystem::current_path());
  auto doc = nlohmann::json::parse(out.str());
  std::set<std::string> ids;
  for (const auto& issue : doc) ids.insert(issue["fingerprint"].get<std::string>());
  CHECK(ids.size() == doc.size());
  CHECK(ids.contains(fingerprint(*duplicates[0]) + "-2"));
}

TEST_CASE("baseline states and suppressions reach SARIF results") {
  Audit a = audit("acks=1\n", {.name = "p.properties"});
  REQUIRE(!a.findings.empty());
  a.findings[0].baselineState = BaselineState::Unchanged;
  a.findings[0].suppressions.push_back({Suppression::Kind::InSource, "accepted until the migration"});
  std::ostringstream out;
  writeSarif(out, reportOf(a), std::filesystem::current_path());
  auto result = nlohmann::json::parse(out.str())["runs"][0]["results"][0];
  CHECK(result["baselineState"] == "unchanged");
  CHECK(result["suppressions"][0]["kind"] == "inSource");
  CHECK(result["suppressions"][0]["status"] == "accepted");
  CHECK(result["suppressions"][0]["justification"] == "accepted until the migration");
  CHECK_FALSE(nlohmann::json::parse(out.str())["runs"][0]["results"][1].contains("baselineState"));
}

}  // namespace
}  // namespace kafkalint::test
