// Loading files and directories: what is read, what is skipped, and the errors for bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace kafkalint::test {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("kafkalint-loader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& rel, const std::string& content) const {
    fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  static inline int counter = 0;
};

std::vector<std::string> displayed(const LoadResult& r) {
  std::vector<std::string> out;
  for (const InputRecord& in : r.model.inputs) out.push_back(r.model.files.path(in.file));
  return out;
}

TEST_CASE("a directory is read recursively, *.properties only, in a stable order, hidden directories skipped") {
  TempDir d;
  d.write("z/server.properties", "broker.id=1\nlog.dirs=/d\n");
  d.write("a/producer.properties", "acks=all\n");
  d.write("a/notes.txt", "acks=0\n");
  d.write(".git/config.properties", "acks=0\n");
  d.write("a/.hidden.properties", "acks=0\n");
  LoadResult r = loadInputs({d.path.string()}, {});
  CHECK(r.errors.empty());
  const std::string base = d.path.lexically_normal().generic_string();
  CHECK(displayed(r) == std::vector<std::string>{base + "/a/producer.properties", base + "/z/server.properties"});
  CHECK(r.model.entities.size() == 2);
}

TEST_CASE("a file named twice is read once") {
  TempDir d;
  std::string f = d.write("server.properties", "broker.id=1\nlog.dirs=/d\n");
  LoadResult r = loadInputs({f, d.path.string(), f}, {});
  CHECK(r.model.inputs.size() == 1);
}

TEST_CASE("missing files, directories given as files and unreadable content are errors") {
  TempDir d;
  LoadResult missing = loadInputs({(d.path / "nope.properties").string()}, {});
  REQUIRE(missing.errors.size() == 1);
  CHECK(std::string(missing.errors[0].what()).find("no such file or directory") != std::string::npos);

  std::string bin = d.write("bin.properties", std::string("acks=all\n\0\x01", 11));
  LoadResult binary = loadInputs({bin}, {});
  REQUIRE(binary.errors.size() == 1);
  CHECK(binary.errors[0].line() == 2);
  CHECK(std::string(binary.errors[0].what()).find("binary content") != std::string::npos);

  std::string latin1 = d.write("latin1.properties", "acks=all\nclient.id=caf\xE9\n");
  LoadResult bad = loadInputs({latin1}, {});
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line() == 2);
  CHECK(bad.errors[0].column() == 14);
  CHECK(std::string(bad.errors[0].what()).find("invalid UTF-8 (byte 0xE9)") != std::string::npos);

  std::string escape = d.write("escape.properties", "acks=\\u00zz\n");
  LoadResult esc = loadInputs({escape}, {});
  REQUIRE(esc.errors.size() == 1);
  CHECK(esc.errors[0].line() == 1);
}

TEST_CASE("other files still load when one input is bad") {
  TempDir d;
  std::string good = d.write("p.properties", "acks=all\n");
  LoadResult r = loadInputs({(d.path / "missing.properties").string(), good}, {});
  CHECK(r.errors.size() == 1);
  CHECK(r.model.entities.size() == 1);
}

TEST_CASE("an empty directory loads nothing and is not an error by itself") {
  TempDir d;
  LoadResult r = loadInputs({d.path.string()}, {});
  CHECK(r.errors.empty());
  CHECK(r.model.inputs.empty());
}

TEST_CASE("--kind overrides the classification; an override that matches nothing is reported") {
  TempDir d;
  std::string f = d.write("shared.properties", "bootstrap.servers=b\nsecurity.protocol=SSL\n");
  LoadOptions options;
  options.kindOverrides.push_back(parseKindOverride("consumer:librdkafka=" + f));
  options.kindOverrides.push_back(parseKindOverride("producer=" + (d.path / "other.properties").string()));
  LoadResult r = loadInputs({f}, options);
  REQUIRE(r.model.entities.size() == 1);
  CHECK(r.model.entities[0].kind == EntityKind::Consumer);
  CHECK(r.model.entities[0].dialect == "librdkafka");
  CHECK(r.unusedKindOverrides == std::vector<std::string>{(d.path / "other.properties").string()});
}

TEST_CASE("--kind values are validated") {
  CHECK_THROWS_AS(parseKindOverride("producer"), std::invalid_argument);
  CHECK_THROWS_AS(parseKindOverride("=x"), std::invalid_argument);
  CHECK_THROWS_AS(parseKindOverride("queue=x"), std::invalid_argument);
  CHECK_THROWS_AS(parseKindOverride("producer:golang=x"), std::invalid_argument);
  CHECK_THROWS_AS(parseKindOverride("broker:librdkafka=x"), std::invalid_argument);
  KindOverride client = parseKindOverride("client=conf/a b.properties");
  CHECK(client.kinds == std::vector<EntityKind>{EntityKind::Producer, EntityKind::Consumer});
  CHECK(client.path == "conf/a b.properties");
}

TEST_CASE("Jinja template lines are not read as settings") {
  Audit a = audit("broker.id=1\nlog.dirs=/d\n{% if x %}\nmin.insync.replicas=2\n{% endif %}\n{{ key }}={{ value }}\n");
  CHECK(a.loaded.model.entities.front().settings.size() == 3);
  CHECK(a.loaded.model.inputs.front().reason.find("3 template line(s)") != std::string::npos);
  CHECK_FALSE(a.has("KL9001"));
  CHECK_FALSE(a.has("KL9003"));
}

TEST_CASE("a large file is refused with a clear error instead of being read") {
  TempDir d;
  fs::path big = d.path / "big.properties";
  {
    std::ofstream f(big, std::ios::binary);
    std::string line = "k=" + std::string(1 << 20, 'x') + "\n";
    for (int i = 0; i < 65; ++i) f << line;
  }
  LoadResult r = loadInputs({big.string()}, {});
  REQUIRE(r.errors.size() == 1);
  CHECK(std::string(r.errors[0].what()).find("larger than 64 MiB") != std::string::npos);
}

}  // namespace
}  // namespace kafkalint::test
