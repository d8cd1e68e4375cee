// Runs scenarios/duplicate-deliveries.json through the binary: heavy-tailed at-least-once duplicates.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("duplicate-deliveries", variant);
}

} // namespace

TEST_CASE("duplicates reach a few customers many times", "[scenario][duplicate]")
{
  const json summary = run_variant("");

  // About 2,880 orders in 2 days; 5% are duplicated with a mean of about 2 extra copies (tail 1.3, capped at 60).
  const auto wanted = summary["emails"]["wanted_delivered"].get<double>();
  const auto unwanted = summary["emails"]["unwanted_delivered"].get<double>();
  CHECK(wanted == Approx(2880).margin(200));
  CHECK(unwanted >= 0.05 * wanted);
  CHECK(unwanted <= 0.2 * wanted);
  CHECK(summary["recipients"]["max"].get<int>() >= 10);
  CHECK(summary["recipients"]["p50"].get<int>() == 1);
}

TEST_CASE("event id dedup removes every duplicate", "[scenario][duplicate]")
{
  const json plain = run_variant("");
  const json guarded = run_variant("dedup-event-id");

  CHECK(guarded["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(guarded["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(guarded["emails"]["wanted_delivered"] == plain["emails"]["wanted_delivered"]);
  CHECK(guarded["recipients"]["max"].get<int>() == 1);
}

TEST_CASE("recipient cap leaves some duplicates", "[scenario][duplicate]")
{
  const json summary = run_variant("recipient-cap-3-per-day");

  CHECK(summary["recipients"]["max"].get<int>() <= 3);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() > 0);
}
