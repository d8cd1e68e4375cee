#include "scenario/ObjectReader.hpp"

#include "core/InputError.hpp"
#include "scenario/JsonDocument.hpp"

#include <sstream>
#include <stdexcept>

namespace stormsim {

void Locator::fail(const std::string& pointer, const std::string& what) const
{
  throw InputError(where(pointer) + ": " + what);
}

std::string describe_json(const nlohmann::json& value)
{
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::string:
      return "string " + value.dump();
    case nlohmann::json::value_t::boolean:
      return "boolean " + value.dump();
    default:
      return "number " + value.dump();
  }
}

ObjectReader::ObjectReader(const Locator& locator, const nlohmann::json& value, std::string pointer)
    : locator_(locator), value_(value), pointer_(std::move(pointer))
{
  if (!value_.is_object())
    fail_here("expected an object, found " + describe_json(value_));
}

std::string ObjectReader::member_pointer(const std::string& key) const
{
  return pointer_ + "/" + escape_pointer_token(key);
}

bool ObjectReader::has(const std::string& key) const
{
  return value_.contains(key);
}

void ObjectReader::fail(const std::string& key, const std::string& what) const
{
  locator_.fail(member_pointer(key), what);
}

void ObjectReader::fail_here(const std::string& what) const
{
  locator_.fail(pointer_.empty() ? "" : pointer_, what);
}

const nlohmann::json* ObjectReader::optional_member(const std::string& key, nlohmann::json::value_t expected,
                                                    const char* expected_text)
{
  known_.insert(key);
  auto it = value_.find(key);
  if (it == value_.end())
    return nullptr;
  const bool number_ok = expected == nlohmann::json::value_t::number_float && it->is_number();
  const bool integer_ok = expected == nlohmann::json::value_t::number_integer && it->is_number_integer();
  if (it->type() != expected && !number_ok && !integer_ok)
    fail(key, std::string("expected ") + expected_text + ", found " + describe_json(*it));
  return &*it;
}

const nlohmann::json& ObjectReader::member(const std::string& key, nlohmann::json::value_t expected,
                                           const char* expected_text)
{
  const nlohmann::json* value = optional_member(key, expected, expected_text);
  if (value == nullptr)
    fail_here("missing required key \"" + key + "\" (" + expected_text + ")");
  return *value;
}

std::string ObjectReader::string(const std::string& key)
{
  return member(key, nlohmann::json::value_t::string, "a string").get<std::string>();
}

std::optional<std::string> ObjectReader::optional_string(const std::string& key)
{
  const auto* value = optional_member(key, nlohmann::json::value_t::string, "a string");
  return value ? std::optional<std::string>(value->get<std::string>()) : std::nullopt;
}

std::string ObjectReader::choice(const std::string& key, const std::vector<std::string>& allowed,
                                 std::optional<std::string> fallback)
{
  std::optional<std::string> text = fallback ? optional_string(key) : std::optional<std::string>(string(key));
  if (!text)
    return *fallback;
  for (const auto& option : allowed)
    if (*text == option)
      return *text;
  std::string list;
  for (const auto& option : allowed)
    list += (list.empty() ? "" : ", ") + option;
  fail(key, "invalid value \"" + *text + "\", expected one of: " + list);
}

std::optional<std::int64_t> ObjectReader::optional_integer(const std::string& key, std::int64_t min,
                                                           std::int64_t max)
{
  const auto* value = optional_member(key, nlohmann::json::value_t::number_integer, "an integer");
  if (value == nullptr)
    return std::nullopt;
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
    fail(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                  value->dump());
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max)
    fail(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                  value->dump());
  return number;
}

std::int64_t ObjectReader::integer(const std::string& key, std::int64_t min, std::int64_t max)
{
  if (!has(key))
    fail_here("missing required key \"" + key + "\" (an integer)");
  return *optional_integer(key, min, max);
}

std::optional<double> ObjectReader::optional_number(const std::string& key, double min, double max)
{
  const auto* value = optional_member(key, nlohmann::json::value_t::number_float, "a number");
  if (value == nullptr)
    return std::nullopt;
  const double number = value->get<double>();
  if (!(number >= min && number <= max)) {
    std::ostringstream range;
    range << "expected a number from " << min << " to " << max << ", found " << value->dump();
    fail(key, range.str());
  }
  return number;
}

bool ObjectReader::boolean(const std::string& key, bool fallback)
{
  const auto* value = optional_member(key, nlohmann::json::value_t::boolean, "true or false");
  return value ? value->get<bool>() : fallback;
}

template <class T> T ObjectReader::parse_with(const std::string& key, const std::function<T(std::string_view)>& parse)
{
  const std::string text = string(key);
  try {
    return parse(text);
  } catch (const std::invalid_argument& error) {
    fail(key, error.what());
  }
}

double ObjectReader::duration(const std::string& key)
{
  return parse_with<double>(key, parse_duration);
}

std::optional<double> ObjectReader::optional_duration(const std::string& key)
{
  if (!has(key)) {
    known_.insert(key);
    return std::nullopt;
  }
  return duration(key);
}

Rate ObjectReader::rate(const std::string& key)
{
  return parse_with<Rate>(key, parse_rate);
}

std::optional<Rate> ObjectReader::optional_rate(const std::string& key)
{
  if (!has(key)) {
    known_.insert(key);
    return std::nullopt;
  }
  return rate(key);
}

double ObjectReader::time_point(const std::string& key, const DateTime& start)
{
  return parse_with<double>(key, [&start](std::string_view text) { return parse_time_point(text, start); });
}

std::optional<double> ObjectReader::optional_time_point(const std::string& key, const DateTime& start)
{
  if (!has(key)) {
    known_.insert(key);
    return std::nullopt;
  }
  return time_point(key, start);
}

Distribution ObjectReader::distribution(const std::string& key)
{
  if (!has(key))
    fail_here("missing required key \"" + key + "\" (a duration such as \"2s\", or a distribution object)");
  return *optional_distribution(key);
}

std::optional<Distribution> ObjectReader::optional_distribution(const std::string& key)
{
  known_.insert(key);
  auto it = value_.find(key);
  if (it == value_.end())
    return std::nullopt;
  if (it->is_string())
    return Distribution::constant(duration(key));
  if (!it->is_object())
    fail(key, "expected a duration such as \"2s\" or a distribution object, found " + describe_json(*it));
  ObjectReader spec(locator_, *it, member_pointer(key));
  const std::string kind = spec.choice("dist", {"constant", "uniform", "exponential"});
  Distribution result;
  if (kind == "constant") {
    result = Distribution::constant(spec.duration("value"));
  } else if (kind == "uniform") {
    result = Distribution{Distribution::Kind::uniform, spec.duration("min"), spec.duration("max")};
    if (result.high < result.low)
      spec.fail("max", "expected a maximum at least as large as the minimum");
  } else {
    result = Distribution{Distribution::Kind::exponential, spec.duration("mean"), 0};
    if (result.low <= 0)
      spec.fail("mean", "expected a positive mean, found 0s");
  }
  spec.finish();
  return result;
}

ObjectReader ObjectReader::object(const std::string& key)
{
  return ObjectReader(locator_, member(key, nlohmann::json::value_t::object, "an object"), member_pointer(key));
}

std::optional<ObjectReader> ObjectReader::optional_object(const std::string& key)
{
  const auto* value = optional_member(key, nlohmann::json::value_t::object, "an object");
  if (value == nullptr)
    return std::nullopt;
  return ObjectReader(locator_, *value, member_pointer(key));
}

std::vector<ObjectReader> ObjectReader::objects(const std::string& key)
{
  std::vector<ObjectReader> result;
  const auto* array = optional_member(key, nlohmann::json::value_t::array, "an array of objects");
  if (array == nullptr)
    return result;
  for (std::size_t i = 0; i < array->size(); ++i)
    result.emplace_back(locator_, (*array)[i], member_pointer(key) + "/" + std::to_string(i));
  return result;
}

std::vector<std::string> ObjectReader::strings(const std::string& key)
{
  std::vector<std::string> result;
  const auto* array = optional_member(key, nlohmann::json::value_t::array, "an array of strings");
  if (array == nullptr)
    return result;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& item = (*array)[i];
    if (!item.is_string())
      locator_.fail(member_pointer(key) + "/" + std::to_string(i), "expected a string, found " + describe_json(item));
    result.push_back(item.get<std::string>());
  }
  return result;
}

const nlohmann::json* ObjectReader::raw(const std::string& key)
{
  known_.insert(key);
  auto it = value_.find(key);
  return it == value_.end() ? nullptr : &*it;
}

void ObjectReader::finish() const
{
  for (const auto& item : value_.items()) {
    if (known_.count(item.key()) != 0)
      continue;
    std::string list;
    for (const auto& key : known_)
      list += (list.empty() ? "" : ", ") + key;
    fail(item.key(), "unknown key \"" + item.key() + "\", expected one of: " + list);
  }
}

} // namespace stormsim
