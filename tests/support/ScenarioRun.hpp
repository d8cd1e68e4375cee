// Runs a shipped scenario file, or one of its variants, through the real binary and returns its JSON summary.
#pragma once

#include "support/RunBinary.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace stormsim::testing {

// `name` is the file's name in scenarios/ without ".json"; an empty `variant` runs the base scenario. The calling
// test fails with the binary's error output unless the run exits with 0.
inline nlohmann::json run_shipped(const std::string& name, const std::string& variant)
{
  const std::string file = "'" + source_path("scenarios/" + name + ".json") + "'";
  const CommandResult result =
      run_stormsim("run " + file + " --json" + (variant.empty() ? "" : " --variant " + variant));
  INFO(name << " " << variant << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

} // namespace stormsim::testing
