// Runs scenarios/scheduled-renotify.json through the real binary and checks its headline numbers.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_renotify(const std::string& variant)
{
  return run_shipped("scheduled-renotify", variant);
}

} // namespace

TEST_CASE("hourly reminder renotifies all day", "[scenario][schedule]")
{
  // 24 ticks for the 40 waiting requests, plus 14, 10 and 7 ticks after the requests of 09:20, 13:05 and 16:40:
  // 960 + 31 = 991 runs, 43 of them the first notification of a request.
  const json summary = run_renotify("");
  CHECK(summary["runs"]["remind-approvers"]["total"].get<int>() == 991);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 43);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 948);
  CHECK(summary["recipients"]["max"].get<int>() == 24);
}

TEST_CASE("sent marker guard notifies once", "[scenario][schedule]")
{
  const json summary = run_renotify("sent-marker");
  CHECK(summary["runs"]["remind-approvers"]["total"].get<int>() == 43);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(summary["recipients"]["max"].get<int>() == 1);
}
