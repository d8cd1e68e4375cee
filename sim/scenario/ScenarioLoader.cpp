#include "scenario/ScenarioLoader.hpp"

#include "check/ReadExpectations.hpp"
#include "core/InputError.hpp"
#include "scenario/JsonDocument.hpp"
#include "scenario/LoadContext.hpp"

#include <cstdlib>
#include <unistd.h>
#include <regex>

namespace stormsim {
namespace {

// Reports errors at the place in the file where the offending value is written: in the variant's patch when the
// variant set it, else in the base scenario.
class ScenarioLocator : public Locator {
public:
  ScenarioLocator(const JsonDocument& document, std::string variant_pointer, const nlohmann::json* patch,
                  const LoadOptions& options)
      : document_(document), variant_pointer_(std::move(variant_pointer)), patch_(patch), options_(options)
  {
  }

protected:
  std::string where(const std::string& pointer) const override
  {
    for (const auto& [overridden, value] : options_.overrides)
      if (pointer == overridden || pointer.rfind(overridden + "/", 0) == 0)
        return "--set " + overridden + "=" + (value.is_string() ? value.get<std::string>() : value.dump()) + ": " +
               pointer;
    if (patch_ != nullptr && !pointer.empty() && patch_->contains(nlohmann::json::json_pointer(pointer)))
      return document_.locate(variant_pointer_ + pointer) + ": " + variant_pointer_ + pointer;
    return document_.locate(pointer) + ": " + (pointer.empty() ? "/" : pointer);
  }

private:
  const JsonDocument& document_;
  std::string variant_pointer_;
  const nlohmann::json* patch_;
  const LoadOptions& options_;
};

void apply_overrides(const JsonDocument& document, nlohmann::json& merged, const LoadOptions& options)
{
  for (const auto& [pointer, value] : options.overrides) {
    const nlohmann::json::json_pointer target(pointer);
    if (!merged.contains(target.parent_pointer()))
      throw InputError("--set " + pointer + ": " + document.file_name() + " has no value at " +
                       target.parent_pointer().to_string() + " to set a member of");
    merged[target] = value;
  }
}

std::vector<std::string> variant_names(const nlohmann::json& root)
{
  std::vector<std::string> names;
  auto it = root.find("variants");
  if (it != root.end() && it->is_object())
    for (const auto& item : it->items())
      names.push_back(item.key());
  return names;
}

const nlohmann::json& find_variant(const JsonDocument& document, const std::string& name)
{
  const auto& root = document.root();
  auto variants = root.find("variants");
  if (variants != root.end() && variants->is_object() && variants->contains(name)) {
    const auto& patch = (*variants)[name];
    if (!patch.is_object())
      document.fail("/variants/" + escape_pointer_token(name), "expected an object, found " + describe_json(patch));
    return patch;
  }
  std::string list;
  for (const auto& known : variant_names(root))
    list += (list.empty() ? "" : ", ") + known;
  throw InputError(document.file_name() + ": unknown variant \"" + name + "\", expected one of: " +
                   (list.empty() ? "(the file defines no variants)" : list));
}

// Half of the machine's physical memory, so a runaway scenario stops with a notice before the machine swaps.
std::uint64_t default_memory_budget()
{
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0)
    return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size) / 2;
}

void read_header(ObjectReader& root, Scenario& scenario, const LoadOptions& options)
{
  scenario.name = root.string("name");
  scenario.description = root.optional_string("description").value_or("");
  const std::string start = root.string("start");
  try {
    scenario.start = parse_date_time(start);
  } catch (const std::invalid_argument& error) {
    root.fail("start", error.what());
  }
  scenario.duration = root.duration("duration");
  if (scenario.duration <= 0)
    root.fail("duration", "expected a positive duration, found \"" + root.raw("duration")->get<std::string>() + "\"");
  scenario.seed = static_cast<std::uint64_t>(root.integer("seed", 0, INT64_MAX));
  if (options.seed)
    scenario.seed = *options.seed;
  scenario.max_events = 200'000'000;
  scenario.max_memory_bytes = default_memory_budget();
  if (auto limits = root.optional_object("limits")) {
    if (auto budget = limits->optional_integer("max_events", 1, INT64_MAX))
      scenario.max_events = static_cast<std::uint64_t>(*budget);
    if (auto megabytes = limits->optional_integer("max_memory_mb", 16, 1'000'000'000))
      scenario.max_memory_bytes = static_cast<std::uint64_t>(*megabytes) * 1024 * 1024;
    limits->finish();
  }
}

void check_variant_names(ObjectReader& root)
{
  const auto* variants = root.raw("variants");
  if (variants == nullptr)
    return;
  if (!variants->is_object())
    root.fail("variants", "expected an object of named patches, found " + describe_json(*variants));
  static const std::regex name_form("[A-Za-z0-9][A-Za-z0-9_.-]*");
  for (const auto& item : variants->items())
    if (!std::regex_match(item.key(), name_form))
      root.fail("variants", "invalid variant name \"" + item.key() +
                                "\", expected letters, digits, '-', '_' or '.' starting with a letter or digit");
}

} // namespace

std::pair<std::string, nlohmann::json> parse_override(const std::string& text)
{
  const auto equals = text.find('=');
  if (equals == std::string::npos || text.empty() || text[0] != '/')
    throw InputError("--set " + text + ": expected POINTER=VALUE with a JSON pointer such as /guards/0/limit=20");
  const std::string pointer = text.substr(0, equals);
  try {
    (void)nlohmann::json::json_pointer(pointer);
  } catch (const nlohmann::json::exception&) {
    throw InputError("--set " + text + ": invalid JSON pointer \"" + pointer + "\"");
  }
  const std::string value = text.substr(equals + 1);
  nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
  if (parsed.is_discarded())
    parsed = value;
  return {pointer, parsed};
}

std::string default_models_dir()
{
  if (const char* dir = std::getenv("STORMSIM_MODELS"); dir != nullptr && *dir != '\0')
    return dir;
  return STORMSIM_SOURCE_MODELS_DIR;
}

Scenario load_scenario(const std::string& path, const LoadOptions& options)
{
  const JsonDocument document = JsonDocument::load_file(path);
  if (!document.root().is_object())
    document.fail("", "expected a scenario object, found " + describe_json(document.root()));

  nlohmann::json merged = document.root();
  const nlohmann::json* patch = nullptr;
  std::string variant_pointer;
  if (options.variant) {
    patch = &find_variant(document, *options.variant);
    variant_pointer = "/variants/" + escape_pointer_token(*options.variant);
    merged.merge_patch(*patch);
  }
  // A variant's patch applies to the base scenario; variants themselves stay as the base file declares them.
  merged["variants"] = document.root().value("variants", nlohmann::json::object());

  apply_overrides(document, merged, options);
  ScenarioLocator locator(document, variant_pointer, patch, options);
  Scenario scenario;
  scenario.file = path;
  scenario.variant = options.variant.value_or("");
  scenario.variant_names = variant_names(document.root());

  ObjectReader root(locator, merged, "");
  root.optional_string("$schema");
  read_header(root, scenario, options);
  check_variant_names(root);
  LoadContext context{scenario, options.models_dir, {}, {}, {}, {}, {}, {}};
  load_pipeline(root, context);
  load_response(root, context);
  if (const nlohmann::json* expect = root.raw("expect")) {
    ObjectReader reader = root.object("expect");
    scenario.expect = read_expectations(reader, *expect, scenario);
  }
  root.finish();

  // Every variant must load too, so a broken variant is found by `validate` and not in the middle of a comparison.
  if (!options.variant)
    for (const auto& name : scenario.variant_names) {
      LoadOptions variant_options = options;
      variant_options.variant = name;
      // Overrides from the command line are meant for the run at hand; a variant is checked as the file has it.
      variant_options.overrides.clear();
      load_scenario(path, variant_options);
    }
  return scenario;
}

} // namespace stormsim
