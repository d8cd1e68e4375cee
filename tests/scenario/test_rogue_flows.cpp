// Runs the founding incident's scenario file through the real binary and checks it against what happened.
#include "support/RunBinary.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

const std::string incident = "'" + source_path("scenarios/rogue-flows-2017.json") + "'";

json run_json(const std::string& extra_arguments)
{
  const CommandResult result = run_stormsim("run " + incident + " --json " + extra_arguments);
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

double rule_effective_time(const json& summary)
{
  for (const auto& action : summary["operator"]["actions"])
    if (action["action"] == "add_transport_rule")
      return action["effective_s"].get<double>();
  FAIL("the operator added no transport rule");
  return 0;
}

} // namespace

TEST_CASE("incident flows each run about 5,000 times", "[scenario][incident]")
{
  const json summary = run_json("");

  for (const char* flow : {"flow-a", "flow-b"}) {
    INFO(flow);
    const auto total = summary["runs"][flow]["total"].get<int>();
    CHECK(total >= 4000);
    CHECK(total <= 6000);
  }
}

TEST_CASE("incident registrants get 450 to 750 emails", "[scenario][incident]")
{
  const std::string dir = temporary_directory();
  const CommandResult result = run_stormsim("run " + incident + " --out '" + dir + "'");
  REQUIRE(result.exit_code == 0);

  std::istringstream rows(read_text(dir + "/recipients.csv"));
  std::string line;
  std::getline(rows, line);
  int earlier_registrants = 0;
  while (std::getline(rows, line)) {
    const auto first_comma = line.find(',');
    const auto second_comma = line.find(',', first_comma + 1);
    const int received = std::stoi(line.substr(first_comma + 1, second_comma - first_comma - 1));
    const int unwanted = std::stoi(line.substr(second_comma + 1));
    if (unwanted == 0)
      continue; // a real registrant of the night, not part of the replayed history
    INFO(line);
    CHECK(received >= 450);
    CHECK(received <= 750);
    ++earlier_registrants;
  }
  CHECK(earlier_registrants == 16);
}

TEST_CASE("incident mail continues after the disable", "[scenario][incident]")
{
  const json summary = run_json("");

  CHECK(summary["storm"]["delivered_after_disable"].get<int>() > 0);
  CHECK(summary["storm"]["first_disable_s"].get<double>() >= 6 * 3600.0);
}

TEST_CASE("incident transport rule stops all mail", "[scenario][incident]")
{
  const json summary = run_json("");

  const double effective = rule_effective_time(summary);
  CHECK(summary["emails"]["last_delivered_s"].get<double>() < effective);
  CHECK(summary["emails"]["blocked_by"]["rule/block-events-mailbox"].get<int>() > 0);
}

TEST_CASE("incident delivers every real confirmation", "[scenario][incident]")
{
  const json summary = run_json("");

  CHECK(summary["events"]["real"].get<int>() == 3);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 3);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
}

TEST_CASE("incident output is identical for the same seed", "[scenario][determinism]")
{
  const CommandResult first = run_stormsim("run " + incident + " --json --seed 99");
  const CommandResult second = run_stormsim("run " + incident + " --json --seed 99");

  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
}

TEST_CASE("incident output changes with the seed", "[scenario][determinism]")
{
  const CommandResult first = run_stormsim("run " + incident + " --json --seed 1");
  const CommandResult second = run_stormsim("run " + incident + " --json --seed 2");

  REQUIRE(first.exit_code == 0);
  CHECK(first.out != second.out);
}

TEST_CASE("owner's threshold trips and blocks wanted mail", "[scenario][incident]")
{
  const json summary = run_json("--variant threshold-10-in-10s");

  CHECK(summary["guards"]["owner-threshold"]["trips"].size() == 1);
  CHECK(summary["recipients"]["max"].get<int>() <= 10);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 3);
}

TEST_CASE("owner's threshold never trips on smooth sending", "[scenario][incident]")
{
  const json summary = run_json("--variant threshold-10-in-10s-smooth");

  CHECK(summary["guards"]["owner-threshold"]["trips"].empty());
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() > 5000);
}

TEST_CASE("registration dedup lets each old registration through once", "[scenario][incident]")
{
  const json summary = run_json("--variant dedup-registration-id");

  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 16);
  CHECK(summary["recipients"]["max"].get<int>() == 1);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 3);
}
