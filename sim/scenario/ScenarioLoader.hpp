// Loads a scenario file into typed structs, validating everything before anything runs.
#pragma once

#include "scenario/Scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace stormsim {

struct LoadOptions {
  std::string models_dir;                // where vendor presets live; see default_models_dir()
  std::optional<std::string> variant;    // apply this variant's patch to the base scenario
  std::optional<std::uint64_t> seed;     // overrides the scenario's seed
};

// Throws InputError with a one-line message naming the file, the line and column or JSON path, what was expected
// and what was found.
Scenario load_scenario(const std::string& path, const LoadOptions& options);

// The models directory: $STORMSIM_MODELS when set, else the source tree's models/ this binary was built from.
std::string default_models_dir();

} // namespace stormsim
