// Runs scenarios/fan-out-batch-retry.json through the real binary and checks its headline numbers.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_fan_out(const std::string& variant)
{
  return run_shipped("fan-out-batch-retry", variant);
}

} // namespace

TEST_CASE("bad address resends batch to everyone", "[scenario][fan-out]")
{
  // 2,999 valid members, 3 attempts (2 retries): 8,997 messages, each member gets 3, and the run fails.
  const json summary = run_fan_out("");
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 2999);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 5998);
  CHECK(summary["recipients"]["max"].get<int>() == 3);
  CHECK(summary["runs"]["announce"]["failed"].get<int>() == 1);
}

TEST_CASE("premium retries hit the recipient limit", "[scenario][fan-out]")
{
  // 9 batches, 26,991 messages: the mailbox sends 10,000 in 24 hours and rejects the other 16,991.
  const json summary = run_fan_out("premium-profile");
  CHECK(summary["emails"]["delivered"].get<int>() == 10000);
  CHECK(summary["emails"]["rejected"].get<int>() == 16991);
}

TEST_CASE("recipient cap sends each member once", "[scenario][fan-out]")
{
  const json summary = run_fan_out("recipient-cap");
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 2999);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(summary["recipients"]["max"].get<int>() == 1);
}
