// Writes copies of the incident scenario with changed members and variants, for command-line tests of check,
// compare and sweep that must not depend on the variants the shipped file has today.
#pragma once

#include "scenario/JsonDocument.hpp"
#include "support/RunBinary.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stormsim::testing {

// Returns the incident's own variants of the given names, without their expectations, as an object to pass to
// incident_copy().
inline nlohmann::json incident_variants(const std::vector<std::string>& names)
{
  const auto document = JsonDocument::load_file(source_path("scenarios/rogue-flows-2017.json"));
  nlohmann::json variants = nlohmann::json::object();
  for (const auto& name : names) {
    variants[name] = document.root().at("variants").at(name);
    // The shipped expectations change over time; the tests set their own.
    variants[name].erase("expect");
  }
  return variants;
}

// Returns the path of a copy of scenarios/rogue-flows-2017.json in a fresh directory, with `changes` merged into
// its root as a JSON merge patch and its variants replaced by `variants`.
inline std::string incident_copy(const nlohmann::json& changes,
                                 const nlohmann::json& variants = nlohmann::json::object())
{
  const auto document = JsonDocument::load_file(source_path("scenarios/rogue-flows-2017.json"));
  nlohmann::json root = document.root();
  root.merge_patch(changes);
  root["variants"] = variants;
  const std::string path = temporary_directory() + "/incident.json";
  write_text(path, root.dump(2) + "\n");
  return path;
}

} // namespace stormsim::testing
