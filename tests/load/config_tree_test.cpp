// The positioned YAML/TOML tree every structured reader works on.
#include "kafkalint/config_tree.hpp"

#include <doctest/doctest.h>

#include "kafkalint/errors.hpp"

namespace kafkalint::test {
namespace {

TEST_CASE("YAML keys and values keep their line and column, in code points") {
  ConfigTree t = parseYamlTree(0, "a.yaml", "spec:\n  config:\n    min.insync.replicas: 2\n    é.x: \"3\"\n");
  REQUIRE(t.documents.size() == 1);
  const TreeNode* config = t.documents[0].at("spec", "config");
  REQUIRE(config != nullptr);
  REQUIRE(config->entries.size() == 2);
  CHECK(config->entries[0].first.location == SourceLocation{0, 3, 5});
  CHECK(config->entries[0].second.location == SourceLocation{0, 3, 26});
  CHECK(config->entries[0].second.scalar == "2");
  CHECK_FALSE(config->entries[0].second.quoted);
  // "é" is two bytes but one column.
  CHECK(config->entries[1].second.location == SourceLocation{0, 4, 10});
  CHECK(config->entries[1].second.quoted);
}

TEST_CASE("columns on one long line of flow collections, with wide characters, in either order of marks") {
  ConfigTree t = parseYamlTree(0, "a.yaml", "t: [{é: 1, b: 2}, {é: 3, bé: [4, é]}, 5]\n");
  const TreeNode* list = t.documents[0].get("t");
  REQUIRE(list != nullptr);
  REQUIRE(list->items.size() == 3);
  CHECK(list->items[0].entries[1].first.location == SourceLocation{0, 1, 12});   // b
  CHECK(list->items[1].entries[0].second.location == SourceLocation{0, 1, 23});  // 3
  const TreeNode& inner = list->items[1].entries[1].second;
  CHECK(inner.items[1].location == SourceLocation{0, 1, 34});  // é
  CHECK(list->items[2].location == SourceLocation{0, 1, 39});  // 5
  ConfigTree again = parseYamlTree(0, "a.yaml", "t: [{é: 1, b: 2}, {é: 3, bé: [4, é]}, 5]\n");
  CHECK(again.documents[0].get("t")->items[2].location == SourceLocation{0, 1, 39});
}

TEST_CASE("YAML with more nodes than a configuration has is refused before it is built") {
  std::string many = "a: [";
  for (int i = 0; i < 1'000'001; ++i) many += "1,";
  many += "1]\n";
  CHECK_THROWS_WITH_AS(parseYamlTree(0, "m.yaml", many), doctest::Contains("more than 1000000 YAML nodes"), InputError);
}

TEST_CASE("TOML dotted keys too long to be a configuration are refused before toml++ recurses on them") {
  std::string header = "[a";
  for (int i = 0; i < 100'000; ++i) header += ".a";
  header += "]\nx = \"" + std::string(2000, '.') + "\" # ....\n";
  CHECK_THROWS_WITH_AS(parseTomlTree(0, "d.toml", header), doctest::Contains("1:2051: more than 1024 dotted key parts"),
                       InputError);
  // Dots in strings and comments are not key parts.
  CHECK_NOTHROW(parseTomlTree(0, "d.toml",
                              "x = \"" + std::string(2000, '.') + "\" # " + std::string(2000, '.') + "\ny = \"\"\"\n" +
                                  std::string(2000, '.') + "\n\"\"\"\n"));
}

TEST_CASE("a properties text in a YAML block scalar knows where its lines start") {
  ConfigTree t = parseYamlTree(0, "values.yaml", "config: |\n\n    acks=all\n    retries=3\nother: 1\n");
  const TreeNode* config = t.documents[0].get("config");
  REQUIRE(config != nullptr);
  CHECK(config->blockLine == 3);
  CHECK(config->blockIndent == 4);
  CHECK(config->scalar == "\nacks=all\nretries=3\n");
}

TEST_CASE("multi-document YAML gives one tree per document") {
  ConfigTree t = parseYamlTree(0, "k.yaml", "kind: Kafka\n---\nkind: KafkaNodePool\n---\n");
  REQUIRE(t.documents.size() >= 2);
  CHECK(t.documents[0].text("kind") == "Kafka");
  CHECK(t.documents[1].text("kind") == "KafkaNodePool");
  CHECK(t.documents[1].location.line == 3);
}

TEST_CASE("duplicate YAML keys are kept in order; get() returns the last") {
  ConfigTree t = parseYamlTree(0, "d.yaml", "a: 1\na: 2\n");
  CHECK(t.documents[0].entries.size() == 2);
  CHECK(t.documents[0].text("a") == "2");
}

TEST_CASE("YAML syntax errors name file, line and column") {
  try {
    parseYamlTree(0, "bad.yaml", "a: 1\nb: [1, 2\n");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.path() == "bad.yaml");
    CHECK(e.line() >= 2);
    CHECK(std::string(e.what()).find("YAML syntax error") != std::string::npos);
  }
}

TEST_CASE("an alias bomb is refused instead of expanded") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'i'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + prev;
    text += "]\n";
    prev = c;
  }
  CHECK_THROWS_WITH_AS(parseYamlTree(0, "bomb.yaml", text), doctest::Contains("repeated aliases"), InputError);
}

TEST_CASE("an alias is a copy of its anchored node, with the anchor's positions") {
  ConfigTree t =
      parseYamlTree(1, "a.yaml", "common: &c\n  acks: all\n  retries: 5\np1: *c\np2:\n  - *c\n  - x\n---\nother: 1\n");
  REQUIRE(t.documents.size() == 2);
  const TreeNode& root = t.documents[0];
  const TreeNode* p1 = root.get("p1");
  REQUIRE(p1 != nullptr);
  REQUIRE(p1->isMap());
  CHECK(p1->text("acks") == "all");
  CHECK(p1->text("retries") == "5");
  CHECK(p1->get("acks")->location.line == 2);  // where the value is written
  const TreeNode* p2 = root.get("p2");
  REQUIRE(p2 != nullptr);
  REQUIRE(p2->items.size() == 2);
  CHECK(p2->items[0].text("retries") == "5");
  CHECK(p2->items[1].scalar == "x");
  CHECK(t.documents[1].text("other") == "1");
}

TEST_CASE("an alias inside its own anchored node is refused, not followed forever") {
  CHECK_THROWS_WITH_AS(parseYamlTree(0, "self.yaml", "a: &a [*a]\n"), doctest::Contains("nesting deeper than 256"),
                       InputError);
}

TEST_CASE("anchors belong to their document") {
  CHECK_THROWS_AS(parseYamlTree(0, "docs.yaml", "a: &x 1\n---\nb: *x\n"), InputError);
}

TEST_CASE("empty values, quoted scalars and duplicate keys survive the one-pass build") {
  ConfigTree t = parseYamlTree(0, "v.yaml", "a:\nb: '3'\nc: 3\nc: 4\n");
  const TreeNode& root = t.documents[0];
  REQUIRE(root.entries.size() == 4);
  CHECK(root.get("a")->isNull());
  CHECK(root.get("b")->quoted);
  CHECK_FALSE(root.entries[2].second.quoted);
  CHECK(root.text("c") == "4");  // the last one wins
}

TEST_CASE("nesting deeper than the limit is refused") {
  std::string text(300, '[');
  text += std::string(300, ']');
  CHECK_THROWS_AS(parseYamlTree(0, "deep.yaml", text), InputError);
}

TEST_CASE("TOML tables, arrays and values keep their positions; strings are marked quoted") {
  ConfigTree t = parseTomlTree(2, "s.toml", "[cluster]\nname = \"c\"\nbrokers = 3\n[[topics]]\nname = \"t\"\n");
  const TreeNode& root = t.documents[0];
  const TreeNode* brokers = root.at("cluster", "brokers");
  REQUIRE(brokers != nullptr);
  CHECK(brokers->scalar == "3");
  CHECK_FALSE(brokers->quoted);
  CHECK(brokers->location == SourceLocation{2, 3, 11});
  const TreeNode* topics = root.get("topics");
  REQUIRE(topics != nullptr);
  REQUIRE(topics->isSeq());
  CHECK(topics->items[0].text("name") == "t");
  CHECK(topics->items[0].get("name")->quoted);
}

TEST_CASE("TOML syntax errors name file, line and column") {
  try {
    parseTomlTree(0, "bad.toml", "a = 1\nb = \n");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.line() == 2);
    CHECK(std::string(e.what()).find("TOML syntax error") != std::string::npos);
  }
}

}  // namespace
}  // namespace kafkalint::test
