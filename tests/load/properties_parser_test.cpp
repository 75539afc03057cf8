// The .properties parser: what java.util.Properties reads, and where each key and value is.
#include "kafkalint/properties_parser.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "kafkalint/errors.hpp"
#include "kafkalint/text_file.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

std::vector<std::pair<std::string, std::string>> pairs(const PropertiesDocument& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : doc.entries) out.emplace_back(e.key, e.value);
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("separators: equals, colon and whitespace, with surrounding blanks") {
  auto doc = parseProperties("a=1\nb:2\nc 3\nd = 4\ne\t:\t5\nf  =  6\ng:=7\n", "t");
  CHECK(pairs(doc) == Pairs{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}, {"f", "6"}, {"g", "=7"}});
}

TEST_CASE("keys without values and values without keys") {
  CHECK(pairs(parseProperties("lonely\n=value\nkey=\n", "t")) == Pairs{{"lonely", ""}, {"", "value"}, {"key", ""}});
}

TEST_CASE("comments start with # or ! at the start of a line only") {
  auto doc = parseProperties("# one\n   ! two\na=b # not a comment\n", "t");
  CHECK(pairs(doc) == Pairs{{"a", "b # not a comment"}});
  REQUIRE(doc.comments.size() == 2);
  CHECK(doc.comments[1].position.line == 2);
  CHECK(doc.comments[1].position.column == 4);
  CHECK(doc.comments[0].text == " one");
}

TEST_CASE("a comment line ending in a backslash does not continue") {
  CHECK(pairs(parseProperties("# comment \\\na=1\n", "t")) == Pairs{{"a", "1"}});
}

TEST_CASE("line continuations join lines and drop the next line's leading blanks") {
  auto doc = parseProperties("list=a,\\\n    b,\\\n\tc\nnext=1\n", "t");
  CHECK(pairs(doc) == Pairs{{"list", "a,b,c"}, {"next", "1"}});
  CHECK(doc.entries[0].lastLine == 3);
  CHECK(doc.entries[1].keyPosition.line == 4);
}

TEST_CASE("an even number of trailing backslashes is an escaped backslash, not a continuation") {
  CHECK(pairs(parseProperties("path=C:\\\\\nnext=1\n", "t")) == Pairs{{"path", "C:\\"}, {"next", "1"}});
}

TEST_CASE("a continuation line that starts with # is value text") {
  CHECK(pairs(parseProperties("a=x\\\n#y\n", "t")) == Pairs{{"a", "x#y"}});
}

TEST_CASE("a continuation followed by an empty line ends the value") {
  CHECK(pairs(parseProperties("a=x\\\n\nb=2\n", "t")) == Pairs{{"a", "x"}, {"b", "2"}});
}

TEST_CASE("a continuation at the end of the input is dropped") {
  CHECK(pairs(parseProperties("a=x\\", "t")) == Pairs{{"a", "x"}});
}

TEST_CASE("escapes in keys and values") {
  auto doc = parseProperties("a\\=b=c\\:d\nsp\\ ace=x\\ty\\nz\\\\w\\q\n", "t");
  CHECK(pairs(doc) == Pairs{{"a=b", "c:d"}, {"sp ace", "x\ty\nz\\wq"}});
}

TEST_CASE("unicode escapes, including surrogate pairs, become UTF-8") {
  auto doc = parseProperties("k=\\u0041\\u00e9\\u65E5\\uD83D\\uDE00\n", "t");
  CHECK(doc.entries[0].value == "A\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80");
}

TEST_CASE("a malformed unicode escape is an error with line and column") {
  try {
    parseProperties("ok=1\nbad=x\\u12g4\n", "conf/x.properties");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.path() == "conf/x.properties");
    CHECK(e.line() == 2);
    CHECK(e.column() == 6);
    CHECK(std::string(e.what()).find("\\uXXXX") != std::string::npos);
  }
}

TEST_CASE("CR, LF and CRLF line endings") {
  auto doc = parseProperties("a=1\rb=2\r\nc=3\n", "t");
  CHECK(pairs(doc) == Pairs{{"a", "1"}, {"b", "2"}, {"c", "3"}});
  CHECK(doc.entries[2].keyPosition.line == 3);
}

TEST_CASE("trailing whitespace stays in the value; leading whitespace before the key is skipped") {
  auto doc = parseProperties("   key = value  \n", "t");
  CHECK(doc.entries[0].value == "value  ");
  CHECK(doc.entries[0].keyPosition.column == 4);
  CHECK(doc.entries[0].valuePosition.column == 10);
}

TEST_CASE("positions count code points and follow continuation lines") {
  auto doc = parseProperties("\xC3\xA9t\xC3\xA9=x\nlong=a\\\n   b\n", "t");
  CHECK(doc.entries[0].valuePosition.column == 5);
  CHECK(doc.entries[1].keyPosition.line == 2);
  CHECK(doc.entries[1].valuePosition.line == 2);
  CHECK(doc.entries[1].valuePosition.column == 6);
}

TEST_CASE("an empty value points at the end of its line") {
  auto doc = parseProperties("key=\n", "t");
  CHECK(doc.entries[0].valuePosition.line == 1);
  CHECK(doc.entries[0].valuePosition.column == 5);
}

TEST_CASE("duplicate keys are all kept, in order") {
  CHECK(pairs(parseProperties("a=1\na=2\n", "t")) == Pairs{{"a", "1"}, {"a", "2"}});
}

// Expectations produced by java.util.Properties itself (tests/load/properties_cases/README.md).
TEST_CASE("every case of the java.util.Properties corpus parses as Java parses it") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(sourceDir()) / "tests/load/properties_cases";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".properties") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 40);
  for (const fs::path& input : cases) {
    CAPTURE(input.filename().string());
    fs::path expectedPath = input;
    expectedPath.replace_extension(".expected.json");
    const auto expected = nlohmann::json::parse(readFile(expectedPath.string()));
    const std::string text = readFile(input.string());
    try {
      checkText(input.string(), text);
    } catch (const InputError&) {
      // Java decodes invalid UTF-8 as U+FFFD; kafkalint refuses such files before parsing them.
      CHECK(expected.dump().find("\xEF\xBF\xBD") != std::string::npos);
      continue;
    }
    if (expected.contains("error")) {
      CHECK_THROWS_AS(parseProperties(text, input.string()), InputError);
      continue;
    }
    Pairs want;
    for (const auto& e : expected["entries"]) want.emplace_back(e[0].get<std::string>(), e[1].get<std::string>());
    CHECK(pairs(parseProperties(text, input.string())) == want);
  }
}

}  // namespace
}  // namespace kafkalint::test
