// Typed, path-aware reading of one JSON object of a scenario, with unknown-key detection.
#pragma once

#include "core/Units.hpp"
#include "scenario/Distribution.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace stormsim {

// Turns a JSON pointer into "file:line:col" and throws the one-line InputError for it. A scenario variant maps
// pointers that its patch overrides to the patch's own place in the file.
class Locator {
public:
  virtual ~Locator() = default;
  // Throws InputError("<where(pointer)>: <what>").
  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const;

protected:
  // The start of an error message about the value at `pointer`, such as "file.json:12:5: /flows/0/trigger".
  virtual std::string where(const std::string& pointer) const = 0;
};

// Reads the members of one object. Every getter records the key as known; `finish()` rejects any other key, so a
// misspelt option is an error instead of a silently ignored setting.
class ObjectReader {
public:
  ObjectReader(const Locator& locator, const nlohmann::json& value, std::string pointer);

  const std::string& pointer() const { return pointer_; }
  std::string member_pointer(const std::string& key) const;
  bool has(const std::string& key) const;

  std::string string(const std::string& key);
  std::optional<std::string> optional_string(const std::string& key);
  std::string choice(const std::string& key, const std::vector<std::string>& allowed,
                     std::optional<std::string> fallback = std::nullopt);
  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::optional<double> optional_number(const std::string& key, double min, double max);
  bool boolean(const std::string& key, bool fallback);
  double duration(const std::string& key);
  std::optional<double> optional_duration(const std::string& key);
  Rate rate(const std::string& key);
  std::optional<Rate> optional_rate(const std::string& key);
  // A time of the scenario: "02:15", a full date and time, or "+90m" from the start.
  double time_point(const std::string& key, const DateTime& start);
  std::optional<double> optional_time_point(const std::string& key, const DateTime& start);
  // A duration that may be random: "2s", or {"dist": "uniform", "min": "1s", "max": "3s"}, or
  // {"dist": "exponential", "mean": "2s"}.
  Distribution distribution(const std::string& key);
  std::optional<Distribution> optional_distribution(const std::string& key);
  ObjectReader object(const std::string& key);
  std::optional<ObjectReader> optional_object(const std::string& key);
  // The elements of an array of objects; an absent key reads as an empty array.
  std::vector<ObjectReader> objects(const std::string& key);
  std::vector<std::string> strings(const std::string& key);
  // The raw value of a member, for values read by other code; nullptr when absent.
  const nlohmann::json* raw(const std::string& key);

  // Rejects every member that no getter asked for.
  void finish() const;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;
  [[noreturn]] void fail_here(const std::string& what) const;

private:
  const nlohmann::json& member(const std::string& key, nlohmann::json::value_t expected, const char* expected_text);
  const nlohmann::json* optional_member(const std::string& key, nlohmann::json::value_t expected,
                                        const char* expected_text);
  template <class T> T parse_with(const std::string& key, const std::function<T(std::string_view)>& parse);

  const Locator& locator_;
  const nlohmann::json& value_;
  std::string pointer_;
  std::set<std::string> known_;
};

// Describes a JSON value for an error message: `number 5`, `string "abc"`, `an object`, `null`.
std::string describe_json(const nlohmann::json& value);

} // namespace stormsim
