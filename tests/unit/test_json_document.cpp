// Checks JSON parsing with comments, source positions, duplicate keys and the wording of every input error.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/InputError.hpp"
#include "scenario/JsonDocument.hpp"

using stormsim::InputError;
using stormsim::JsonDocument;
using stormsim::SourcePosition;

namespace {

// Returns the message of the InputError that `action` throws, or a note that it threw none.
std::string input_error_message(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no InputError thrown)";
}

std::string parse_error_message(const std::string& text) {
  return input_error_message([&] { JsonDocument::parse(text, "s.json"); });
}

// Returns "line:column" of a pointer, or "unknown", so that a failed check shows both numbers.
std::string position_text(const JsonDocument& document, const std::string& pointer) {
  const std::optional<SourcePosition> position = document.position_of(pointer);
  if (!position) {
    return "unknown";
  }
  return std::to_string(position->line) + ":" + std::to_string(position->column);
}

// A file in the system temporary directory that is removed at the end of the test.
class TemporaryFile {
public:
  TemporaryFile(const std::string& name, const std::string& content)
      : path_(std::filesystem::temp_directory_path() / name) {
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TemporaryFile() { std::filesystem::remove(path_); }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  std::string path() const { return path_.string(); }

private:
  std::filesystem::path path_;
};

} // namespace

TEST_CASE("parse returns the values", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"name": "storm", "list": [1, 2.5, true, null]})", "s.json");
  CHECK(document.file_name() == "s.json");
  CHECK(document.root().at("name") == "storm");
  CHECK(document.root().at("list").size() == 4);
  CHECK(document.root().at("list").at(1) == 2.5);
  CHECK(document.root().at("list").at(3).is_null());
}

TEST_CASE("parse accepts a root that is not an object", "[json]") {
  const JsonDocument document = JsonDocument::parse("[1, [2]]", "s.json");
  CHECK(document.root().at(1).at(0) == 2);
  CHECK(position_text(document, "/1/0") == "1:6");
}

TEST_CASE("positions of nested keys and elements", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({
  "name": "storm",
  "nested": {
    "deep": {"x": 1}
  },
  "list": [10, {"y": 2},
    [true, null]]
}
)",
                                                    "s.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "1:1"},
      {"/name", "2:3"},
      {"/nested", "3:3"},
      {"/nested/deep", "4:5"},
      {"/nested/deep/x", "4:14"},
      {"/list", "6:3"},
      {"/list/0", "6:12"},
      {"/list/1", "6:16"},
      {"/list/1/y", "6:17"},
      {"/list/2", "7:5"},
      {"/list/2/0", "7:6"},
      {"/list/2/1", "7:12"},
  };
  for (const auto& [pointer, expected] : cases) {
    INFO("pointer: " << pointer);
    CHECK(position_text(document, pointer) == expected);
  }
}

TEST_CASE("comments of both kinds are ignored", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"(// leading comment
/* block
   comment */ {
  "url": "http://example.com/a", // trailing
  "glob": "/* not a comment */",
  /* before key */ "after": [1, /* inside */ 2, // end
    3]
}
// last line without a line break)",
                                                    "s.json");
  CHECK(document.root().at("url") == "http://example.com/a");
  CHECK(document.root().at("glob") == "/* not a comment */");
  CHECK(document.root().at("after") == nlohmann::json({1, 2, 3}));

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "3:15"},         {"/url", "4:3"},      {"/glob", "5:3"},    {"/after", "6:20"},
      {"/after/0", "6:30"}, {"/after/1", "6:46"}, {"/after/2", "7:5"},
  };
  for (const auto& [pointer, expected] : cases) {
    INFO("pointer: " << pointer);
    CHECK(position_text(document, pointer) == expected);
  }
}

TEST_CASE("block comments end at the first star-slash", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({/**/"a": 1, /* ** / * */ "b": [/***/2]})", "s.json");
  CHECK(document.root().at("b").at(0) == 2);
  CHECK(position_text(document, "/a") == "1:6");
  CHECK(position_text(document, "/b") == "1:27");
  CHECK(position_text(document, "/b/0") == "1:38");
}

TEST_CASE("NUL byte ends a line comment", "[json]") {
  // nlohmann/json 3.11 ends a line comment at a NUL byte and then reads on.
  std::string text = "{\"a\": 1, // c";
  text += '\0';
  text += "\"b\": 2}";
  const JsonDocument document = JsonDocument::parse(text, "s.json");
  CHECK(document.root().at("b") == 2);
  CHECK(position_text(document, "/b") == "1:15");
}

TEST_CASE("comment lookalikes in strings are text", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"a//b": 1, "c": "\"//", "d": 2})", "s.json");
  CHECK(document.root().at("c") == "\"//");
  CHECK(position_text(document, "/a~1~1b") == "1:2");
  CHECK(position_text(document, "/d") == "1:26");
}

TEST_CASE("escaped backslash ends before the quote", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"p": "C:\\", "q": 1})", "s.json");
  CHECK(document.root().at("p") == "C:\\");
  CHECK(position_text(document, "/q") == "1:15");
}

TEST_CASE("tabs and multi-byte characters are one column", "[json]") {
  CHECK(position_text(JsonDocument::parse("{\n\t\t\"a\": 1}", "s.json"), "/a") == "2:3");

  const JsonDocument accented = JsonDocument::parse("{\"\xC3\xA9\": {\"\xC3\xBC\": 1}, \"z\": 2}", "s.json");
  CHECK(position_text(accented, "/\xC3\xA9/\xC3\xBC") == "1:8");
  CHECK(position_text(accented, "/z") == "1:17");

  const JsonDocument emoji = JsonDocument::parse("[\"\xF0\x9F\x98\x80\", 1]", "s.json");
  CHECK(position_text(emoji, "/1") == "1:7");
}

TEST_CASE("CRLF and CR line endings count once", "[json]") {
  CHECK(position_text(JsonDocument::parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}", "s.json"), "/b") == "3:3");
  CHECK(position_text(JsonDocument::parse("{\r  \"a\": 1,\r  \"b\": 2\r}", "s.json"), "/b") == "3:3");
}

TEST_CASE("byte order mark is skipped", "[json]") {
  const JsonDocument document = JsonDocument::parse("\xEF\xBB\xBF{\"a\": 1}", "s.json");
  CHECK(document.root().at("a") == 1);
  CHECK(position_text(document, "") == "1:1");
  CHECK(position_text(document, "/a") == "1:2");
}

TEST_CASE("escaped keys match pointer tokens", "[json]") {
  const JsonDocument document =
      JsonDocument::parse(R"({"a/b": 1, "m~n": 2, "\u00e9t\u00e9": 3, "q\"t": 4, "": 5, "\ud83d\ude00": 6})", "s.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/a~1b", "1:2"},  {"/m~0n", "1:12"}, {"/\xC3\xA9t\xC3\xA9", "1:22"},
      {"/q\"t", "1:42"}, {"/", "1:53"},     {"/\xF0\x9F\x98\x80", "1:60"},
  };
  for (const auto& [pointer, expected] : cases) {
    INFO("pointer: " << pointer);
    CHECK(position_text(document, pointer) == expected);
  }
}

TEST_CASE("unknown pointers have no position", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"name": "storm", "list": [1, 2], "x~": 1})", "s.json");
  for (const std::string pointer :
       {"/missing", "/list/9", "/list/01", "/list/-", "/list/1x", "/list/", "name", "/name/0", "/x~2", "/x~", "/a/b"}) {
    INFO("pointer: " << pointer);
    CHECK(position_text(document, pointer) == "unknown");
  }
}

TEST_CASE("escape_pointer_token escapes tilde and slash", "[json]") {
  CHECK(stormsim::escape_pointer_token("plain") == "plain");
  CHECK(stormsim::escape_pointer_token("a/b") == "a~1b");
  CHECK(stormsim::escape_pointer_token("m~n") == "m~0n");
  CHECK(stormsim::escape_pointer_token("~1/") == "~01~1");
  CHECK(stormsim::escape_pointer_token("") == "");
}

TEST_CASE("locate falls back to the nearest ancestor", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"a": {"b": [1, 2]}})", "s.json");
  CHECK(document.locate("/a/b/1") == "s.json:1:17");
  CHECK(document.locate("/a/missing") == "s.json:1:2");
  CHECK(document.locate("/a/b/7/x") == "s.json:1:8");
  CHECK(document.locate("") == "s.json:1:1");
  CHECK(document.locate("/zzz") == "s.json:1:1");
  CHECK(document.locate("bogus") == "s.json:1:1");
}

TEST_CASE("fail names position and pointer", "[json]") {
  const JsonDocument document = JsonDocument::parse(R"({"a": {"b": [1, 2]}})", "s.json");
  CHECK(input_error_message([&] { document.fail("/a/b/1", "expected a string"); }) ==
        "s.json:1:17: /a/b/1: expected a string");
  CHECK(input_error_message([&] { document.fail("/a/c", R"(missing member "c")"); }) ==
        R"(s.json:1:2: /a/c: missing member "c")");
  CHECK(input_error_message([&] { document.fail("", "expected an object"); }) == "s.json:1:1: /: expected an object");
  CHECK(input_error_message([&] { document.fail("/a\nb", "unknown member"); }) ==
        "s.json:1:1: /a\\u000Ab: unknown member");
}

TEST_CASE("duplicate keys are rejected", "[json]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"a": 1, "a": 2})", R"(s.json:1:10: /: duplicate key "a")"},
      {"{\n  \"outer\": {\n    \"k\": 1,\n    \"k\": 2\n  }\n}", R"(s.json:4:5: /outer: duplicate key "k")"},
      {R"({"list": [{"x": 1}, {"x": 1, "x": 2}]})", R"(s.json:1:30: /list/1: duplicate key "x")"},
      {R"({"a/b": {"k": 1, "k": 2}})", R"(s.json:1:18: /a~1b: duplicate key "k")"},
      {R"({"a": 1, "\u0061": 2})", R"(s.json:1:10: /: duplicate key "a")"},
      {R"({"a/b": 1, "a\/b": 2})", R"(s.json:1:12: /: duplicate key "a/b")"},
      {R"({"a\nb": 1, "a\nb": 2})", R"(s.json:1:13: /: duplicate key "a\nb")"},
      {R"({"a": {"x": []}, "a": 2})", R"(s.json:1:18: /: duplicate key "a")"},
  };
  for (const auto& [text, expected] : cases) {
    INFO("text: " << text);
    CHECK(parse_error_message(text) == expected);
  }
}

TEST_CASE("same key in different objects is allowed", "[json]") {
  const JsonDocument document =
      JsonDocument::parse(R"({"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 3}, {"k": 4}]})", "s.json");
  CHECK(document.root().at("c").at(1).at("k") == 4);
  CHECK(position_text(document, "/c/1/k") == "1:49");
}

TEST_CASE("syntax errors name position and reason", "[json]") {
  const std::string long_key(50, 'x');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{}}", "1:3: invalid JSON: unexpected '}', expected the end of the file"},
      {R"({"a": 1 "b": 2})", R"(1:9: invalid JSON: unexpected string "b", expected ',' or '}')"},
      {R"({"a": tru})", R"(1:7: invalid JSON: invalid literal "tru", expected a value)"},
      {R"({"a": truex})", R"(1:7: invalid JSON: invalid literal "truex", expected ',' or '}')"},
      {R"({foo: 1})", R"(1:2: invalid JSON: invalid literal "foo", expected a key in double quotes)"},
      {R"({'a': 1})", R"(1:2: invalid JSON: invalid literal "'a'", expected a key in double quotes)"},
      {R"({"a": 'x'})",
       R"(1:7: invalid JSON: invalid literal "'x'", expected a value (JSON strings use double quotes))"},
      {R"({"a":1,})",
       "1:8: invalid JSON: unexpected '}', expected a key in double quotes (JSON does not allow a trailing comma)"},
      {"[1,]", "1:4: invalid JSON: unexpected ']', expected a value"},
      {R"({"a" 1})", "1:6: invalid JSON: unexpected number 1, expected ':' after the key"},
      {R"({"a":1,"b"})", "1:11: invalid JSON: unexpected '}', expected ':' after the key"},
      {"{\n  \"a\": 1\n", "3:1: invalid JSON: unexpected end of file, expected ',' or '}'"},
      {"[1, 2", "1:6: invalid JSON: unexpected end of file, expected ',' or ']'"},
      {"{} x", R"(1:4: invalid JSON: invalid literal "x", expected the end of the file)"},
      {"{} {}", "1:4: invalid JSON: unexpected '{', expected the end of the file"},
      {"{\n  \"a\": \"abc\n}", "2:8: invalid JSON: invalid string: missing closing quote before the end of the line"},
      {"{\"a\": \"abc\r\n}", "1:7: invalid JSON: invalid string: missing closing quote before the end of the line"},
      {R"({"a": "abc)", "1:7: invalid JSON: invalid string: missing closing quote"},
      {"[1e999]", "1:2: invalid JSON: number 1e999 is out of range"},
      {"[-x]", R"(1:2: invalid JSON: invalid number "-x", expected a digit after '-')"},
      {"[1.]", R"(1:2: invalid JSON: invalid number "1.", expected a digit after '.')"},
      {"[1e]", R"(1:2: invalid JSON: invalid number "1e", expected '+', '-' or a digit after the exponent)"},
      {"[1e+]", R"(1:2: invalid JSON: invalid number "1e+", expected a digit after the exponent sign)"},
      {"[01]", "1:2: invalid JSON: unexpected number 01, expected ',' or ']'"},
      {"[1,\n /* open", "2:2: invalid JSON: invalid comment: missing closing '*/'"},
      {"[1 / 2]", "1:4: invalid JSON: unexpected '/', expected '//' or '/*' to start a comment"},
      {R"(["\q"])",
       R"(1:4: invalid JSON: invalid string: invalid escape sequence, expected one of " \ / b f n r t u after '\')"},
      {R"(["\u12"])", R"(1:7: invalid JSON: invalid string: '\u' must be followed by 4 hex digits)"},
      {"[\"a\tb\"]",
       R"(1:4: invalid JSON: invalid string: control character U+0009 (HT) must be escaped to \u0009 or \t)"},
      {"[\"\xFF\"]", "1:3: invalid JSON: invalid string: ill-formed UTF-8 byte"},
      {"[true false]", "1:7: invalid JSON: unexpected false, expected ',' or ']'"},
      {"[12 34]", "1:5: invalid JSON: unexpected number 34, expected ',' or ']'"},
      {"[null, nul]", R"(1:8: invalid JSON: invalid literal "nul", expected a value)"},
      {"{\n\t\"a\" 1}", "2:6: invalid JSON: unexpected number 1, expected ':' after the key"},
      {"{\"\xC3\xA9\": 1 x}", R"(1:9: invalid JSON: invalid literal "x", expected ',' or '}')"},
      {"{\r\n\"a\": 1\r\n\"b\": 2}", R"(3:1: invalid JSON: unexpected string "b", expected ',' or '}')"},
      {"\xEF\xBB\xBF{]", "1:2: invalid JSON: unexpected ']', expected a key in double quotes"},
      {"\xEF\xBB{}", "1:1: invalid JSON: invalid byte order mark, expected the bytes EF BB BF"},
      {"{\"a\": 1 \"" + long_key + "\": 2}",
       "1:9: invalid JSON: unexpected string \"" + std::string(36, 'x') + "..., expected ',' or '}'"},
      {"[\x01]", R"(1:2: invalid JSON: invalid literal "\u0001", expected a value)"},
  };
  for (const auto& [text, expected] : cases) {
    INFO("text: " << text);
    CHECK(parse_error_message(text) == "s.json:" + expected);
  }
}

TEST_CASE("empty input is rejected", "[json]") {
  const std::string empty = "s.json:1:1: invalid JSON: the file is empty, expected an object";
  CHECK(parse_error_message("") == empty);
  CHECK(parse_error_message("  \n\t\r\n ") == empty);
  CHECK(parse_error_message("\xEF\xBB\xBF") == empty);
  CHECK(parse_error_message("// nothing\n/* here */\n") ==
        "s.json:1:1: invalid JSON: the file contains only comments, expected an object");
}

TEST_CASE("deep nesting is parsed without recursion", "[json]") {
  constexpr int kDepth = 100000;
  const std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  const JsonDocument document = JsonDocument::parse(text, "s.json");
  CHECK(position_text(document, "/0/0/0") == "1:4");
  CHECK(position_text(document, "/0/0/0/1") == "unknown");
}

TEST_CASE("load_file reads the file and names it", "[json]") {
  const TemporaryFile file("stormsim_test_json_document_valid.json", "{\n  \"a\": [1, 2]\n}\n");
  const JsonDocument document = JsonDocument::load_file(file.path());
  CHECK(document.file_name() == file.path());
  CHECK(document.root().at("a").at(1) == 2);
  CHECK(document.locate("/a/1") == file.path() + ":2:12");
}

TEST_CASE("load_file names the file in parse errors", "[json]") {
  const TemporaryFile file("stormsim_test_json_document_invalid.json", "{\n  \"a\": 1,\n}\n");
  CHECK(
      input_error_message([&] { JsonDocument::load_file(file.path()); }) ==
      file.path() +
          ":3:1: invalid JSON: unexpected '}', expected a key in double quotes (JSON does not allow a trailing comma)");
}

TEST_CASE("load_file rejects an empty file", "[json]") {
  const TemporaryFile file("stormsim_test_json_document_empty.json", "");
  CHECK(input_error_message([&] { JsonDocument::load_file(file.path()); }) ==
        file.path() + ":1:1: invalid JSON: the file is empty, expected an object");
}

TEST_CASE("load_file rejects a missing file", "[json]") {
  const std::string path = "/nonexistent-stormsim-directory/scenario.json";
  CHECK(input_error_message([&] { JsonDocument::load_file(path); }) ==
        path + ": cannot open file: No such file or directory");
}

TEST_CASE("load_file rejects a directory", "[json]") {
  const std::string path = std::filesystem::temp_directory_path().string();
  CHECK(input_error_message([&] { JsonDocument::load_file(path); }) == path + ": cannot read file: Is a directory");
}
