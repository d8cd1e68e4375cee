// Reads the "expect" object of a scenario file while the scenario loads, so `validate` finds bad expectations.
#pragma once

#include "check/Expectation.hpp"
#include "scenario/ObjectReader.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace stormsim {

struct Scenario;

// Reads every member of `expect` (the object that `reader` reads) as an expectation of `scenario`, whose flows and
// guards must already be loaded. Members come out sorted by their expression. Errors name the member's place in
// the file.
std::vector<Expectation> read_expectations(ObjectReader& reader, const nlohmann::json& expect,
                                           const Scenario& scenario);

} // namespace stormsim
