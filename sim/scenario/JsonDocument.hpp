// Loads JSON input files and records the position of each value, so errors can point to a line and column.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace stormsim {

// A place in a text file. Both fields are 1-based. Columns count characters, so a tab or a multi-byte UTF-8
// character is one column.
struct SourcePosition {
  int line = 0;
  int column = 0;
};

// The positions of all values in a JSON text, defined in JsonDocument.cpp.
class JsonSourceMap;

// A parsed JSON file that also maps each member and array element to its position in the text.
//
// Accepts comments (// and /* */) and a UTF-8 byte order mark, and rejects duplicate keys. Every error is an
// InputError whose message starts with "<file>:<line>:<column>: ".
class JsonDocument {
public:
  // Reads and parses a file. Throws InputError when the file cannot be read or is not valid JSON.
  static JsonDocument load_file(const std::string& path);

  // Parses `text`. `file_name` is only used in positions and messages.
  static JsonDocument parse(const std::string& text, const std::string& file_name);

  const nlohmann::json& root() const;
  const std::string& file_name() const;

  // Returns the position of the value at a JSON pointer (RFC 6901), or nullopt when the pointer is malformed or names
  // no value. For an object member this is the opening quote of its key, for an array element its first character,
  // and for "" the first character of the root value.
  std::optional<SourcePosition> position_of(const std::string& pointer) const;

  // Returns "file:line:column" for the pointer, or for its nearest ancestor when the pointer names no value, so a
  // missing member is reported at the object that lacks it.
  std::string locate(const std::string& pointer) const;

  // Throws InputError("<locate(pointer)>: <pointer, or / for the root>: <what>"). Control characters in the pointer
  // are escaped so the message stays on one line.
  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const;

private:
  JsonDocument(nlohmann::json root, std::string file_name, std::shared_ptr<const JsonSourceMap> source_map);

  nlohmann::json root_;
  std::string file_name_;
  std::shared_ptr<const JsonSourceMap> source_map_;
};

// Escapes a key for use as a JSON pointer token: "~" becomes "~0" and "/" becomes "~1".
std::string escape_pointer_token(const std::string& key);

} // namespace stormsim
