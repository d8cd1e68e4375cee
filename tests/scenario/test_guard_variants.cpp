// Runs every guard variant of the incident and of the legitimate burst through the real binary: what each guard
// contains, and what it costs in wanted mail on a good day.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& scenario, const std::string& variant)
{
  return run_shipped(scenario, variant);
}

long unwanted(const json& summary)
{
  return summary["emails"]["unwanted_delivered"].get<long>();
}

} // namespace

TEST_CASE("incident guards contain the storm", "[scenario][guards]")
{
  const long base = unwanted(run_variant("rogue-flows-2017", ""));
  REQUIRE(base > 5000);

  for (const char* variant : {"threshold-10-in-10s", "dedup-registration-id", "recipient-cap-3-per-day",
                              "dedup-and-recipient-cap", "rate-limit-and-breaker", "flood-hold", "anomaly-breaker"}) {
    const json summary = run_variant("rogue-flows-2017", variant);
    INFO(variant);
    CHECK(unwanted(summary) < 100);
    CHECK(summary["recipients"]["max"].get<int>() <= 5);
  }
}

TEST_CASE("incident dedup store too small is outrun", "[scenario][guards]")
{
  const json base = run_variant("rogue-flows-2017", "");
  const json small = run_variant("rogue-flows-2017", "dedup-small-store");

  CHECK(unwanted(small) == unwanted(base));
  CHECK(small["guards"]["registration-dedup"]["blocked"].get<long>() == 0);
}

TEST_CASE("incident kill switch that purges the queue stops mail", "[scenario][guards]")
{
  const json base = run_variant("rogue-flows-2017", "");
  const json purge = run_variant("rogue-flows-2017", "kill-switch-purges-queue");

  CHECK(base["storm"]["delivered_after_disable"].get<long>() > 1000);
  CHECK(purge["storm"]["delivered_after_disable"].get<long>() < 50);
  CHECK(purge["emails"]["purged"].get<long>() > 1000);
}

TEST_CASE("legitimate burst passes the harmless guards", "[scenario][guards]")
{
  const json base = run_variant("legit-burst", "");
  const long wanted = base["emails"]["wanted_delivered"].get<long>();
  REQUIRE(wanted > 250);
  CHECK(unwanted(base) == 0);

  for (const char* variant : {"owner-threshold", "dedup-registration-id", "recipient-cap-3-per-day",
                              "anomaly-breaker"}) {
    const json summary = run_variant("legit-burst", variant);
    INFO(variant);
    CHECK(summary["emails"]["wanted_delivered"].get<long>() == wanted);
    CHECK(summary["emails"]["wanted_blocked"].get<long>() == 0);
  }
}

TEST_CASE("legitimate burst pays for tight limits", "[scenario][guards]")
{
  const json drop = run_variant("legit-burst", "rate-limit-drop");
  const json breaker = run_variant("legit-burst", "rate-limit-and-breaker");
  const json flood = run_variant("legit-burst", "flood-hold");

  CHECK(drop["emails"]["wanted_blocked"].get<long>() > 0);
  CHECK(breaker["emails"]["wanted_blocked"].get<long>() > 0);
  CHECK(breaker["guards"]["mailbox-budget"]["wanted_delayed_s"]["max"].get<double>() > 600);
  CHECK(flood["emails"]["wanted_blocked"].get<long>() == 0);
  CHECK(flood["guards"]["flood-hold"]["wanted_delayed_s"]["max"].get<double>() > 60);
}

TEST_CASE("shipped expectations pass", "[scenario][guards]")
{
  const CommandResult result = run_stormsim("check '" + source_path("scenarios") + "'/*.json");

  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains(" 0 failed"));
}
