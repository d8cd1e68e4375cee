// Parses JSON input with nlohmann/json and adds what it lacks: source positions, duplicate key checks and readable
// syntax errors.
#include "scenario/JsonDocument.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/InputError.hpp"

namespace stormsim {

namespace {

using nlohmann::json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_structural(char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','; }

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Escapes control characters as \u00XX so that user text cannot break a one-line message.
std::string escape_control_characters(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", byte);
      escaped += buffer;
    } else {
      escaped += c;
    }
  }
  return escaped;
}

// Shortens source text quoted in a message to at most 40 bytes, cutting between UTF-8 characters.
std::string shorten_excerpt(std::string_view text) {
  constexpr std::size_t kMaxBytes = 40;
  if (text.size() <= kMaxBytes) {
    return std::string(text);
  }
  std::size_t cut = kMaxBytes - 3;
  while (cut > 0 && is_utf8_continuation(text[cut])) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Walks a JSON text and tracks the line and column of the next byte. Starts after a UTF-8 byte order mark.
// Line breaks are "\n", "\r\n" and a lone "\r". Columns count UTF-8 lead bytes, so every character is one column.
// Reading past the end is safe: peek() returns '\0' and advance() does nothing.
class TextCursor {
public:
  explicit TextCursor(std::string_view text) : text_(text) {
    if (starts_with(text_, kByteOrderMark)) {
      offset_ = kByteOrderMark.size();
    }
  }

  bool at_end() const { return offset_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return offset_ + ahead < text_.size() ? text_[offset_ + ahead] : '\0'; }
  std::size_t offset() const { return offset_; }
  SourcePosition position() const { return {line_, column_}; }

  void advance();
  void advance_to(std::size_t offset);
  void skip_whitespace();
  bool at_comment() const { return peek() == '/' && (peek(1) == '/' || peek(1) == '*'); }
  void skip_comment();
  void skip_whitespace_and_comments();
  void skip_string();
  std::string read_string();
  // Skips a number, a literal or any other run of bytes up to whitespace, a structural character, '"' or '/'.
  void skip_word();

private:
  void append_escaped_character(std::string& out);
  std::uint32_t read_hex4();
  std::uint32_t read_escaped_code_point();

  std::string_view text_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int column_ = 1;
};

void TextCursor::advance() {
  if (at_end()) {
    return;
  }
  const char byte = text_[offset_];
  ++offset_;
  if (byte == '\n' || (byte == '\r' && peek() != '\n')) {
    ++line_;
    column_ = 1;
  } else if (at_end() || !is_utf8_continuation(text_[offset_])) {
    ++column_;
  }
}

void TextCursor::advance_to(std::size_t offset) {
  while (offset_ < offset && !at_end()) {
    advance();
  }
}

void TextCursor::skip_whitespace() {
  while (!at_end() && is_json_whitespace(peek())) {
    advance();
  }
}

// Skips a comment that starts at the cursor. Follows nlohmann/json 3.11, which ends a line comment at "\n", "\r"
// or a NUL byte and consumes a NUL that ends it. An unterminated block comment runs to the end of the text.
void TextCursor::skip_comment() {
  const bool block = peek(1) == '*';
  advance();
  advance();
  if (block) {
    while (!at_end() && !(peek() == '*' && peek(1) == '/')) {
      advance();
    }
    advance();
    advance();
    return;
  }
  while (!at_end() && peek() != '\n' && peek() != '\r' && peek() != '\0') {
    advance();
  }
  if (peek() == '\0') {
    advance();
  }
}

void TextCursor::skip_whitespace_and_comments() {
  skip_whitespace();
  while (at_comment()) {
    skip_comment();
    skip_whitespace();
  }
}

// Skips a string that starts at the cursor, up to its closing quote or the end of the text.
void TextCursor::skip_string() {
  advance();
  while (!at_end()) {
    const char c = peek();
    advance();
    if (c == '"') {
      return;
    }
    if (c == '\\') {
      advance();
    }
  }
}

// Reads and decodes a string that starts at the cursor. Expects a string that nlohmann/json accepted.
std::string TextCursor::read_string() {
  std::string value;
  advance();
  while (!at_end() && peek() != '"') {
    if (peek() == '\\') {
      advance();
      append_escaped_character(value);
    } else {
      value += peek();
      advance();
    }
  }
  advance();
  return value;
}

void TextCursor::append_escaped_character(std::string& out) {
  const char kind = peek();
  advance();
  switch (kind) {
  case 'b':
    out += '\b';
    break;
  case 'f':
    out += '\f';
    break;
  case 'n':
    out += '\n';
    break;
  case 'r':
    out += '\r';
    break;
  case 't':
    out += '\t';
    break;
  case 'u':
    append_utf8(out, read_escaped_code_point());
    break;
  default: // The escapes \", \\ and \/ decode to the character itself.
    out += kind;
    break;
  }
}

std::uint32_t TextCursor::read_hex4() {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = peek();
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<std::uint32_t>(c - 'A' + 10);
    }
    value = value * 16 + digit;
    advance();
  }
  return value;
}

// Reads the digits after "\u", and the low half of a surrogate pair when the first unit is a high half.
std::uint32_t TextCursor::read_escaped_code_point() {
  const std::uint32_t unit = read_hex4();
  if (unit < 0xD800 || unit > 0xDBFF || peek() != '\\' || peek(1) != 'u') {
    return unit;
  }
  advance();
  advance();
  const std::uint32_t low = read_hex4();
  return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
}

void TextCursor::skip_word() {
  while (!at_end()) {
    const char c = peek();
    if (is_json_whitespace(c) || is_structural(c) || c == '"' || c == '/') {
      return;
    }
    advance();
  }
}

SourcePosition position_at(std::string_view text, std::size_t offset) {
  TextCursor cursor(text);
  cursor.advance_to(offset);
  return cursor.position();
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens, used to find what a parse error refers to.

enum class TokenKind { structural, word, string, comment, slash };

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  SourcePosition position;
  TokenKind kind = TokenKind::word;
};

TokenKind skip_token(TextCursor& cursor) {
  const char first = cursor.peek();
  if (cursor.at_comment()) {
    cursor.skip_comment();
    return TokenKind::comment;
  }
  if (first == '/') {
    cursor.advance();
    return TokenKind::slash;
  }
  if (first == '"') {
    cursor.skip_string();
    return TokenKind::string;
  }
  if (is_structural(first)) {
    cursor.advance();
    return TokenKind::structural;
  }
  cursor.skip_word();
  return TokenKind::word;
}

// Returns the token that contains the byte at `offset`, or nullopt when that byte is whitespace or past the end.
std::optional<Token> find_token(std::string_view text, std::size_t offset) {
  TextCursor cursor(text);
  while (true) {
    cursor.skip_whitespace();
    if (cursor.at_end() || cursor.offset() > offset) {
      return std::nullopt;
    }
    Token token;
    token.begin = cursor.offset();
    token.position = cursor.position();
    token.kind = skip_token(cursor);
    token.end = cursor.offset();
    if (offset < token.end) {
      return token;
    }
  }
}

// Returns the token that the lexer of nlohmann/json failed on. The lexer stops either inside that token or on the
// byte after it, as in "tru}" where it stops at '}'. The lexer of nlohmann/json 3.11 returns structural characters
// as tokens without checks, so they are never the failed token.
std::optional<Token> find_failed_token(std::string_view text, std::size_t offset) {
  std::optional<Token> token = find_token(text, offset);
  if (token && token->kind != TokenKind::structural) {
    return token;
  }
  if (offset > 0) {
    token = find_token(text, offset - 1);
    if (token && token->kind != TokenKind::structural) {
      return token;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the value tree, and describing parse errors.

// A parse error as nlohmann/json reports it to a SAX handler.
struct ParseFailure {
  // Number of bytes the lexer had read, so the last byte read is at position - 1.
  std::size_t position = 0;
  int id = 0;
  std::string message;
};

// Builds the value tree from nlohmann/json SAX events and records the first parse error. Unlike json::parse, this
// handler receives the error position for every error, including out-of-range numbers.
class TreeBuilder {
public:
  explicit TreeBuilder(json& root) : root_(root) {}

  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(json::number_integer_t value) { return add(value); }
  bool number_unsigned(json::number_unsigned_t value) { return add(value); }
  bool number_float(json::number_float_t value, const json::string_t& /*text*/) { return add(value); }
  bool string(json::string_t& value) { return add(std::move(value)); }
  bool binary(json::binary_t& value) { return add(json::binary(std::move(value))); }
  bool start_object(std::size_t /*size*/) { return open(json::object()); }
  bool start_array(std::size_t /*size*/) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& name) {
    member_ = &(*open_containers_.back())[name];
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& error) {
    failure_ = ParseFailure{position, error.id, error.what()};
    return false;
  }

  const std::optional<ParseFailure>& failure() const { return failure_; }

private:
  json* insert(json value) {
    if (open_containers_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& container = *open_containers_.back();
    if (container.is_array()) {
      container.push_back(std::move(value));
      return &container.back();
    }
    *member_ = std::move(value);
    return member_;
  }

  bool add(json value) {
    insert(std::move(value));
    return true;
  }

  bool open(json container) {
    open_containers_.push_back(insert(std::move(container)));
    return true;
  }

  bool close() {
    open_containers_.pop_back();
    return true;
  }

  json& root_;
  // Containers are only added to while they are open, so these pointers stay valid.
  std::vector<json*> open_containers_;
  json* member_ = nullptr;
  std::optional<ParseFailure> failure_;
};

// The parts of a syntax error message of nlohmann/json 3.11, which reads
// "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing CONTEXT - DETAIL"
// followed by "; expected TOKEN" for most errors. DETAIL is "unexpected TOKEN" when the parser found a wrong token,
// or "LEXER MESSAGE; last read: 'TEXT'" when the lexer could not read one.
// NOTE: this depends on the wording of nlohmann/json 3.11. With another version, reasons and positions may be less
// precise, because parts of the library's message that are not recognized pass through unchanged.
struct SyntaxError {
  std::string context;
  std::string unexpected;
  std::string lexer_message;
  std::string expected;
};

constexpr std::string_view kExpectedTokens[] = {
    "'[', '{', or a literal", "string literal", "':'", "']'", "'}'", "end of input"};

std::optional<SyntaxError> split_syntax_error(const std::string& message) {
  constexpr std::string_view kMarker = "syntax error ";
  const std::size_t marker = message.find(kMarker);
  if (marker == std::string::npos) {
    return std::nullopt;
  }
  std::string_view rest = std::string_view(message).substr(marker + kMarker.size());

  SyntaxError error;
  constexpr std::string_view kContext = "while parsing ";
  if (starts_with(rest, kContext)) {
    const std::size_t dash = rest.find(" - ");
    if (dash == std::string_view::npos) {
      return std::nullopt;
    }
    error.context = std::string(rest.substr(kContext.size(), dash - kContext.size()));
    rest = rest.substr(dash + 3);
  } else if (starts_with(rest, "- ")) {
    rest = rest.substr(2);
  }

  for (const std::string_view token : kExpectedTokens) {
    const std::string suffix = "; expected " + std::string(token);
    if (ends_with(rest, suffix)) {
      error.expected = std::string(token);
      rest = rest.substr(0, rest.size() - suffix.size());
      break;
    }
  }

  constexpr std::string_view kUnexpected = "unexpected ";
  if (starts_with(rest, kUnexpected)) {
    error.unexpected = std::string(rest.substr(kUnexpected.size()));
  } else {
    error.lexer_message = std::string(rest.substr(0, rest.find("; last read: '")));
  }
  return error;
}

std::string describe_expected(const std::string& expected) {
  if (expected == "'[', '{', or a literal") {
    return "expected a value";
  }
  if (expected == "string literal") {
    return "expected a key in double quotes";
  }
  if (expected == "':'") {
    return "expected ':' after the key";
  }
  if (expected == "']'") {
    return "expected ',' or ']'";
  }
  if (expected == "'}'") {
    return "expected ',' or '}'";
  }
  if (expected == "end of input") {
    return "expected the end of the file";
  }
  return "expected " + expected;
}

// Describes the token that nlohmann/json names `name` and that reads `text` in the source.
std::string describe_token(const std::string& name, std::string_view text) {
  if (name == "end of input") {
    return "end of file";
  }
  if (name == "string literal") {
    return "string " + shorten_excerpt(text);
  }
  if (name == "number literal") {
    return "number " + escape_control_characters(shorten_excerpt(text));
  }
  constexpr std::string_view kLiteralSuffix = " literal";
  if (ends_with(name, kLiteralSuffix)) {
    return name.substr(0, name.size() - kLiteralSuffix.size());
  }
  return name;
}

std::string quote_excerpt(std::string_view text) {
  return "\"" + escape_control_characters(shorten_excerpt(text)) + "\"";
}

std::string describe_unexpected_token(const SyntaxError& error, std::string_view token_text) {
  std::string reason = "unexpected " + describe_token(error.unexpected, token_text);
  if (!error.expected.empty()) {
    reason += ", " + describe_expected(error.expected);
  }
  // A key is expected after '{' or ','. A '}' there must follow a ',' because "{}" is a valid object.
  if (error.context == "object key" && error.unexpected == "'}'") {
    reason += " (JSON does not allow a trailing comma)";
  }
  return reason;
}

std::string describe_invalid_literal(const SyntaxError& error, std::string_view word) {
  std::string reason = "invalid literal";
  if (!word.empty()) {
    reason += " " + quote_excerpt(word);
  }
  reason += ", " + describe_expected(error.expected.empty() ? "'[', '{', or a literal" : error.expected);
  if (starts_with(word, "'") && error.expected != "string literal") {
    reason += " (JSON strings use double quotes)";
  }
  return reason;
}

std::string describe_invalid_number(const std::string& lexer_message, std::string_view word) {
  constexpr std::pair<std::string_view, std::string_view> kProblems[] = {
      {"expected digit after '-'", "expected a digit after '-'"},
      {"expected digit after '.'", "expected a digit after '.'"},
      {"expected '+', '-', or digit after exponent", "expected '+', '-' or a digit after the exponent"},
      {"expected digit after exponent sign", "expected a digit after the exponent sign"},
  };
  std::string_view problem = std::string_view(lexer_message).substr(lexer_message.find("; ") + 2);
  for (const auto& [original, readable] : kProblems) {
    if (problem == original) {
      problem = readable;
    }
  }
  return "invalid number " + quote_excerpt(word) + ", " + std::string(problem);
}

bool is_line_break_in_string(const std::string& lexer_message) {
  return starts_with(lexer_message, "invalid string: control character U+000A") ||
         starts_with(lexer_message, "invalid string: control character U+000D");
}

// Returns whether the error is best shown at the start of the token the lexer failed on, rather than at the byte
// where it stopped. A byte inside a string is more precise, except where the closing quote is missing.
bool points_at_failed_token(const SyntaxError& error) {
  const std::string& message = error.lexer_message;
  if (!starts_with(message, "invalid string")) {
    return true;
  }
  return message == "invalid string: missing closing quote" || is_line_break_in_string(message);
}

std::string describe_lexer_error(const SyntaxError& error, std::string_view word) {
  const std::string& message = error.lexer_message;
  if (message == "invalid literal") {
    return describe_invalid_literal(error, word);
  }
  if (starts_with(message, "invalid number; ")) {
    return describe_invalid_number(message, word);
  }
  if (is_line_break_in_string(message)) {
    return "invalid string: missing closing quote before the end of the line";
  }
  if (message == "invalid string: forbidden character after backslash") {
    return R"(invalid string: invalid escape sequence, expected one of " \ / b f n r t u after '\')";
  }
  if (message == "invalid comment; expecting '/' or '*' after '/'") {
    return "unexpected '/', expected '//' or '/*' to start a comment";
  }
  if (starts_with(message, "invalid BOM")) {
    return "invalid byte order mark, expected the bytes EF BB BF";
  }
  std::string reason = message;
  const std::size_t semicolon = reason.find("; ");
  if (semicolon != std::string::npos) {
    reason.replace(semicolon, 2, ": ");
  }
  return reason;
}

// A parse error as shown to people, with its position and a readable reason.
struct ErrorReport {
  SourcePosition position;
  std::string reason;
};

std::string_view token_text(std::string_view text, const std::optional<Token>& token) {
  return token ? text.substr(token->begin, token->end - token->begin) : std::string_view();
}

ErrorReport report_syntax_error(std::string_view text, std::size_t offset, const SyntaxError& error) {
  if (!error.unexpected.empty()) {
    const std::optional<Token> token = find_token(text, offset);
    const SourcePosition position = token ? token->position : position_at(text, offset);
    return {position, describe_unexpected_token(error, token_text(text, token))};
  }
  if (!points_at_failed_token(error)) {
    return {position_at(text, offset), describe_lexer_error(error, "")};
  }
  const std::optional<Token> token = find_failed_token(text, offset);
  const SourcePosition position = token ? token->position : position_at(text, offset);
  return {position, describe_lexer_error(error, token_text(text, token))};
}

// Returns the message of an error that split_syntax_error cannot read, without the nlohmann/json prefix.
std::string strip_library_prefix(const std::string& message) {
  const std::size_t bracket = message.find("] ");
  return bracket == std::string::npos ? message : message.substr(bracket + 2);
}

bool contains_only_whitespace(std::string_view text) {
  TextCursor cursor(text);
  cursor.skip_whitespace();
  return cursor.at_end();
}

bool contains_no_value(std::string_view text) {
  TextCursor cursor(text);
  cursor.skip_whitespace_and_comments();
  return cursor.at_end();
}

ErrorReport report_parse_failure(std::string_view text, const ParseFailure& failure) {
  const std::size_t offset = std::min(failure.position > 0 ? failure.position - 1 : 0, text.size());
  constexpr int kNumberOutOfRange = 406;
  if (failure.id == kNumberOutOfRange) {
    const std::optional<Token> token = find_failed_token(text, offset);
    const SourcePosition position = token ? token->position : position_at(text, offset);
    return {position,
            "number " + escape_control_characters(shorten_excerpt(token_text(text, token))) + " is out of range"};
  }

  const std::optional<SyntaxError> error = split_syntax_error(failure.message);
  if (!error) {
    return {position_at(text, offset), strip_library_prefix(failure.message)};
  }
  if (error->unexpected == "end of input" && contains_no_value(text)) {
    const char* problem = contains_only_whitespace(text) ? "the file is empty" : "the file contains only comments";
    return {SourcePosition{1, 1}, std::string(problem) + ", expected an object"};
  }
  return report_syntax_error(text, offset, *error);
}

std::string format_position(const std::string& file_name, SourcePosition position) {
  return file_name + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string read_file(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    throw InputError(path + ": cannot open file: " + std::generic_category().message(error));
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    text.append(buffer, count);
  }
  if (std::ferror(file.get())) {
    const int error = errno;
    throw InputError(path + ": cannot read file: " + std::generic_category().message(error));
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON pointers.

std::optional<std::string> unescape_pointer_token(std::string_view token) {
  std::string key;
  key.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      key += token[i];
      continue;
    }
    const char escaped = i + 1 < token.size() ? token[i + 1] : '\0';
    if (escaped != '0' && escaped != '1') {
      return std::nullopt;
    }
    key += escaped == '0' ? '~' : '/';
    ++i;
  }
  return key;
}

// Reads an array index token as RFC 6901 writes it: "0" or digits without a leading zero.
std::optional<std::size_t> parse_array_index(std::string_view token) {
  constexpr std::size_t kMaxDigits = 18;
  if (token.empty() || token.size() > kMaxDigits || (token.size() > 1 && token[0] == '0')) {
    return std::nullopt;
  }
  std::size_t index = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// The source map.

class JsonSourceMap {
public:
  enum class ValueKind : std::uint8_t { scalar, object, array };

  std::size_t add_value(SourcePosition position) {
    values_.push_back(Value{position, ValueKind::scalar, {}});
    return values_.size() - 1;
  }

  void set_kind(std::size_t value, ValueKind kind) { values_[value].kind = kind; }
  void add_element(std::size_t array, std::size_t element) { values_[array].elements.push_back(element); }
  std::size_t element_count(std::size_t array) const { return values_[array].elements.size(); }

  // Adds a member to an object. Returns false when the object already has a member with this key.
  bool add_member(std::size_t object, std::string key, std::size_t value) {
    return members_.try_emplace(MemberKey{object, std::move(key)}, value).second;
  }

  std::optional<SourcePosition> find(const std::string& pointer) const;

private:
  // Children are stored by index, so the map takes memory linear in the size of the text.
  struct Value {
    SourcePosition position;
    ValueKind kind = ValueKind::scalar;
    std::vector<std::size_t> elements;
  };

  struct MemberKey {
    std::size_t object = 0;
    std::string name;

    bool operator==(const MemberKey& other) const { return object == other.object && name == other.name; }
  };

  struct MemberKeyHash {
    std::size_t operator()(const MemberKey& key) const {
      return std::hash<std::string>{}(key.name) ^ (std::hash<std::size_t>{}(key.object) << 1);
    }
  };

  std::optional<std::size_t> find_child(std::size_t parent, const std::string& token) const;

  std::vector<Value> values_;
  std::unordered_map<MemberKey, std::size_t, MemberKeyHash> members_;
};

std::optional<std::size_t> JsonSourceMap::find_child(std::size_t parent, const std::string& token) const {
  const Value& value = values_[parent];
  if (value.kind == ValueKind::object) {
    const auto member = members_.find(MemberKey{parent, token});
    return member == members_.end() ? std::nullopt : std::optional<std::size_t>(member->second);
  }
  if (value.kind == ValueKind::array) {
    const std::optional<std::size_t> index = parse_array_index(token);
    if (index && *index < value.elements.size()) {
      return value.elements[*index];
    }
  }
  return std::nullopt;
}

std::optional<SourcePosition> JsonSourceMap::find(const std::string& pointer) const {
  if (values_.empty() || (!pointer.empty() && pointer[0] != '/')) {
    return std::nullopt;
  }
  std::size_t current = 0;
  std::size_t token_begin = 1;
  while (token_begin <= pointer.size()) {
    const std::size_t token_end = std::min(pointer.find('/', token_begin), pointer.size());
    const std::optional<std::string> token =
        unescape_pointer_token(std::string_view(pointer).substr(token_begin, token_end - token_begin));
    const std::optional<std::size_t> child = token ? find_child(current, *token) : std::nullopt;
    if (!child) {
      return std::nullopt;
    }
    current = *child;
    token_begin = token_end + 1;
  }
  return values_[current].position;
}

namespace {

// Records the position of every value in a text that nlohmann/json accepted, and rejects duplicate keys. Works
// without recursion, so deeply nested input cannot overflow the stack.
class SourceMapBuilder {
public:
  SourceMapBuilder(std::string_view text, const std::string& file_name) : cursor_(text), file_name_(file_name) {}

  std::shared_ptr<JsonSourceMap> build();

private:
  struct OpenContainer {
    std::size_t value = 0;
    bool is_array = false;
    // The container's own token in its JSON pointer, escaped. Empty for the root.
    std::string pointer_token;
  };

  void open_value(std::size_t value, std::string pointer_token);
  void scan_element();
  void scan_member();
  std::string open_object_pointer() const;

  TextCursor cursor_;
  const std::string& file_name_;
  std::shared_ptr<JsonSourceMap> map_ = std::make_shared<JsonSourceMap>();
  std::vector<OpenContainer> open_containers_;
};

std::shared_ptr<JsonSourceMap> SourceMapBuilder::build() {
  cursor_.skip_whitespace_and_comments();
  open_value(map_->add_value(cursor_.position()), "");
  while (!open_containers_.empty()) {
    cursor_.skip_whitespace_and_comments();
    if (cursor_.at_end()) {
      break; // Only reached if nlohmann/json accepted a text that this scanner reads differently.
    }
    const char next = cursor_.peek();
    if (next == '}' || next == ']') {
      cursor_.advance();
      open_containers_.pop_back();
      continue;
    }
    if (next == ',') {
      cursor_.advance();
      cursor_.skip_whitespace_and_comments();
    }
    if (open_containers_.back().is_array) {
      scan_element();
    } else {
      scan_member();
    }
  }
  return map_;
}

void SourceMapBuilder::open_value(std::size_t value, std::string pointer_token) {
  const char first = cursor_.peek();
  if (first == '{' || first == '[') {
    const bool is_array = first == '[';
    map_->set_kind(value, is_array ? JsonSourceMap::ValueKind::array : JsonSourceMap::ValueKind::object);
    cursor_.advance();
    open_containers_.push_back(OpenContainer{value, is_array, std::move(pointer_token)});
  } else if (first == '"') {
    cursor_.skip_string();
  } else {
    cursor_.skip_word();
  }
}

void SourceMapBuilder::scan_element() {
  const std::size_t array = open_containers_.back().value;
  const std::size_t index = map_->element_count(array);
  const std::size_t element = map_->add_value(cursor_.position());
  map_->add_element(array, element);
  open_value(element, std::to_string(index));
}

void SourceMapBuilder::scan_member() {
  const std::size_t object = open_containers_.back().value;
  const SourcePosition key_position = cursor_.position();
  std::string key = cursor_.read_string();
  std::string pointer_token = escape_pointer_token(key);
  const std::size_t member = map_->add_value(key_position);
  if (!map_->add_member(object, key, member)) {
    const json quoted_key = key;
    throw InputError(format_position(file_name_, key_position) + ": " + open_object_pointer() + ": duplicate key " +
                     quoted_key.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  cursor_.skip_whitespace_and_comments();
  if (cursor_.peek() == ':') {
    cursor_.advance();
  }
  cursor_.skip_whitespace_and_comments();
  open_value(member, std::move(pointer_token));
}

// Returns the pointer of the innermost open object as shown in messages: "/" for the root, control characters
// escaped.
std::string SourceMapBuilder::open_object_pointer() const {
  std::string pointer;
  for (std::size_t i = 1; i < open_containers_.size(); ++i) {
    pointer += "/" + open_containers_[i].pointer_token;
  }
  return pointer.empty() ? "/" : escape_control_characters(pointer);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// JsonDocument.

JsonDocument::JsonDocument(json root, std::string file_name, std::shared_ptr<const JsonSourceMap> source_map)
    : root_(std::move(root)), file_name_(std::move(file_name)), source_map_(std::move(source_map)) {}

JsonDocument JsonDocument::load_file(const std::string& path) { return parse(read_file(path), path); }

JsonDocument JsonDocument::parse(const std::string& text, const std::string& file_name) {
  json root;
  TreeBuilder builder(root);
  json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/true);
  if (builder.failure()) {
    const ErrorReport report = report_parse_failure(text, *builder.failure());
    throw InputError(format_position(file_name, report.position) + ": invalid JSON: " + report.reason);
  }
  std::shared_ptr<JsonSourceMap> source_map = SourceMapBuilder(text, file_name).build();
  return JsonDocument(std::move(root), file_name, std::move(source_map));
}

const json& JsonDocument::root() const { return root_; }

const std::string& JsonDocument::file_name() const { return file_name_; }

std::optional<SourcePosition> JsonDocument::position_of(const std::string& pointer) const {
  return source_map_->find(pointer);
}

std::string JsonDocument::locate(const std::string& pointer) const {
  std::string candidate = pointer;
  while (true) {
    if (const std::optional<SourcePosition> position = position_of(candidate)) {
      return format_position(file_name_, *position);
    }
    if (candidate.empty()) {
      return file_name_;
    }
    const std::size_t slash = candidate.rfind('/');
    candidate.erase(slash == std::string::npos ? 0 : slash);
  }
}

void JsonDocument::fail(const std::string& pointer, const std::string& what) const {
  const std::string shown_pointer = pointer.empty() ? "/" : escape_control_characters(pointer);
  throw InputError(locate(pointer) + ": " + shown_pointer + ": " + what);
}

std::string escape_pointer_token(const std::string& key) {
  std::string token;
  token.reserve(key.size());
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

} // namespace stormsim
