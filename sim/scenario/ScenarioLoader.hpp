// Loads a scenario file into typed structs, validating everything before anything runs.
#pragma once

#include "scenario/Scenario.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stormsim {

struct LoadOptions {
  std::string models_dir;                // where vendor presets live; see default_models_dir()
  std::optional<std::string> variant;    // apply this variant's patch to the base scenario
  std::optional<std::uint64_t> seed;     // overrides the scenario's seed
  // Values that replace parts of the scenario after the variant's patch: (JSON pointer, value).
  std::vector<std::pair<std::string, nlohmann::json>> overrides;
};

// Parses a command-line override "POINTER=VALUE". VALUE is read as JSON when it parses as JSON ("10", "true",
// "[1,2]", "\"x\"") and as a plain string otherwise ("5m", "30/min"). Throws InputError when POINTER is not a JSON
// pointer.
std::pair<std::string, nlohmann::json> parse_override(const std::string& text);

// Throws InputError with a one-line message naming the file, the line and column or JSON path, what was expected
// and what was found.
Scenario load_scenario(const std::string& path, const LoadOptions& options);

// The models directory: $STORMSIM_MODELS when set, else the source tree's models/ this binary was built from.
std::string default_models_dir();

} // namespace stormsim
