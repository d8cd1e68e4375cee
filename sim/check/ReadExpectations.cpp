// Turns the members of a scenario's "expect" object into parsed expectations, reporting errors at their place.
#include "check/ReadExpectations.hpp"

#include "check/ExpectationParser.hpp"
#include "scenario/Scenario.hpp"

#include <stdexcept>

namespace stormsim {

std::vector<Expectation> read_expectations(ObjectReader& reader, const nlohmann::json& expect,
                                           const Scenario& scenario)
{
  const std::vector<SummaryMetric> metrics = summary_metrics(scenario);
  std::vector<Expectation> expectations;
  for (const auto& item : expect.items()) {
    if (!item.value().is_string())
      reader.fail(item.key(), "expected a condition string such as \"<= 3\", found " + describe_json(item.value()));
    const std::string condition = reader.string(item.key());
    try {
      expectations.push_back(parse_expectation(item.key(), condition, metrics));
    } catch (const std::invalid_argument& error) {
      reader.fail(item.key(), error.what());
    }
  }
  reader.finish();
  return expectations;
}

} // namespace stormsim
