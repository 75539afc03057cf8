// The reader table and the dialect table are the one place a reader or a dialect is added; what
// lists them in code derives from them, and these tests keep the lists in the documents in step.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "kafkalint/dialect_table.hpp"
#include "kafkalint/load.hpp"

namespace kafkalint::test {
namespace {

std::string sourceFile(const std::string& relative) {
  std::ifstream in(std::string(KAFKALINT_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> propertiesDialects() {
  std::vector<std::string> ids;
  for (const DialectInfo& d : dialects()) {
    if (d.readsPropertiesFiles()) ids.emplace_back(d.id);
  }
  return ids;
}

// `["java", "librdkafka", "scala"` as a JSON schema's enum lists them.
std::string jsonEnumOf(const std::vector<std::string>& ids) {
  std::string out = "\"enum\": [";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i > 0 ? ", \"" : "\"") + ids[i] + "\"";
  return out;
}

TEST_CASE("every entity kind has a dialect that reads it, and every dialect id is one row") {
  for (EntityKind kind : kAllEntityKinds) CHECK_NOTHROW(dialectReading(kind, ""));
  CHECK(dialectReading(EntityKind::Broker, "librdkafka").id == "java");
  CHECK(dialectReading(EntityKind::Producer, "librdkafka").id == "librdkafka");
  CHECK(dialectReading(EntityKind::Cluster, "java").id == "cluster");
  for (const DialectInfo& d : dialects()) CHECK(findDialect(d.id) == &d);
  CHECK(propertiesDialectList() == "java, librdkafka or scala");
}

TEST_CASE("the README's --kind option names every input reader and every .properties dialect") {
  const std::string readme = sourceFile("README.md");
  const std::size_t row = readme.find("| `--kind KIND[:DIALECT]=PATH` |");
  REQUIRE(row != std::string::npos);
  const std::string kindRow = readme.substr(row, readme.find('\n', row) - row);
  for (const std::string& id : inputReaderIds()) CHECK_MESSAGE(kindRow.find("`" + id + "`") != std::string::npos, id);
  for (const std::string& id : propertiesDialects()) {
    CHECK_MESSAGE(kindRow.find("`" + id + "`") != std::string::npos, id);
  }
}

TEST_CASE("the JSON schemas' dialect enums are the .properties dialects of the table") {
  const std::string ids = jsonEnumOf(propertiesDialects());
  CHECK(sourceFile("docs/cluster-spec.schema.json").find("\"dialect\": {" + ids + "]") != std::string::npos);
  CHECK(sourceFile("docs/report.schema.json").find("\"dialect\": {" + ids + ", null]") != std::string::npos);
}

}  // namespace
}  // namespace kafkalint::test
