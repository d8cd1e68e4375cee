// Runs scenarios/webhook-retry-slow-receiver.json through the binary: retries after timeouts multiply the runs.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("webhook-retry-slow-receiver", variant);
}

} // namespace

TEST_CASE("slow receiver runs each response several times", "[scenario][webhook]")
{
  const json summary = run_variant("");
  const auto& runs = summary["runs"]["confirm-response"];

  // 6 attempts in 7 time out, so an event runs (1 - (6/7)^6) / (1 - 6/7) = 4.2 times on average over its 6 attempts,
  // about 3.2 unwanted runs per wanted one. Responses in the last 3.6 hours lose some retries to the end of the run.
  const auto wanted = runs["wanted"].get<double>();
  CHECK(wanted >= 40);
  CHECK(runs["unwanted"].get<double>() >= 2.5 * wanted);
  CHECK(runs["unwanted"].get<double>() <= 3.5 * wanted);
  CHECK(summary["connectors"]["timeouts"].get<int>() > 0);
  CHECK(summary["recipients"]["max"].get<int>() == 6);
}

TEST_CASE("response dedup contains the retries", "[scenario][webhook]")
{
  const json plain = run_variant("");
  const json guarded = run_variant("dedup-response-id");

  CHECK(guarded["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(guarded["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(guarded["emails"]["wanted_delivered"] == plain["emails"]["wanted_delivered"]);
  CHECK(guarded["recipients"]["max"].get<int>() == 1);
}

TEST_CASE("acknowledging first avoids the retries", "[scenario][webhook]")
{
  const json summary = run_variant("acknowledge-first");

  CHECK(summary["connectors"]["retries"].get<int>() == 0);
  CHECK(summary["runs"]["confirm-response"]["unwanted"].get<int>() == 0);
}
