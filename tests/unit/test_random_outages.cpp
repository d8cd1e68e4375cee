#include "scenario/ScenarioLoader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace stormsim;

namespace {

Scenario load_with_random_outages(const std::string& rate, const std::string& length)
{
  const std::string path = "/tmp/stormsim-outages-" + std::to_string(getpid()) + ".json";
  std::ofstream(path) << (R"({
    "name": "outages", "start": "2024-01-01T00:00", "duration": "30d", "seed": 7,
    "sources": [ { "id": "form" } ],
    "connectors": [ { "id": "hook", "source": "form" } ],
    "mailboxes": [ { "id": "mbx", "send_limit": "30/min",
                     "random_outages": { "rate": ")" + rate + R"(", "duration": ")" + length + R"(" } } ],
    "flows": [ { "id": "flow", "trigger": "hook", "steps": [ { "kind": "send_email", "mailbox": "mbx" } ],
                 "random_outages": { "rate": ")" + rate + R"(", "duration": ")" + length + R"(" } } ]
  })");
  LoadOptions options;
  options.models_dir = default_models_dir();
  const Scenario scenario = load_scenario(path, options);
  std::remove(path.c_str());
  return scenario;
}

} // namespace

TEST_CASE("random outages follow their rate", "[load][fault]")
{
  // Two outages a day for 30 days give about 60 windows of 30 minutes. The bounds are 60 +- 4 standard
  // deviations of a Poisson count with mean 60 (about 31), so a correct draw falls inside them.
  const Scenario scenario = load_with_random_outages("2/day", "30m");

  const auto& outages = scenario.mailboxes[0].outages;
  CHECK(outages.size() > 29);
  CHECK(outages.size() < 91);
  for (std::size_t i = 0; i < outages.size(); ++i) {
    CHECK(outages[i].until - outages[i].from >= 1800 - 1e-6);
    if (i > 0)
      CHECK(outages[i].from > outages[i - 1].until);
  }
}

TEST_CASE("random outages repeat for a seed", "[load][fault]")
{
  const Scenario first = load_with_random_outages("2/day", "30m");
  const Scenario second = load_with_random_outages("2/day", "30m");

  REQUIRE(first.mailboxes[0].outages.size() == second.mailboxes[0].outages.size());
  CHECK(first.mailboxes[0].outages.front().from == second.mailboxes[0].outages.front().from);
  // The flow draws from its own stream, so its windows differ from the mailbox's.
  CHECK(first.flows[0].outages.front().from != first.mailboxes[0].outages.front().from);
}

TEST_CASE("overlapping random outages merge", "[load][fault]")
{
  // One outage an hour lasting a day: the windows overlap and merge into few long ones.
  const Scenario scenario = load_with_random_outages("1/h", "1d");

  CHECK(scenario.mailboxes[0].outages.size() <= 2);
}
