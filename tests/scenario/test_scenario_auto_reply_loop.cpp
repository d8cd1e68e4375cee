// Runs scenarios/auto-reply-loop.json through the binary: the loop without rules and each rule that stops it.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("auto-reply-loop", variant);
}

} // namespace

TEST_CASE("auto-reply loop runs all day without rules", "[scenario][loops]")
{
  const json summary = run_variant("");

  // One auto-reply about every 55 s on average for 11 hours: several hundred, all but one unwanted.
  CHECK(summary["inboxes"]["auto_replies"].get<int>() >= 500);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() >= 500);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 2);
}

TEST_CASE("auto-reply loop stops with Exchange loop prevention", "[scenario][loops]")
{
  const json summary = run_variant("exchange-loop-prevention");

  CHECK(summary["inboxes"]["auto_replies"].get<int>() == 1);
  CHECK(summary["inboxes"]["loop_prevented"].get<int>() == 1);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
}

TEST_CASE("auto-reply loop stops with once per sender", "[scenario][loops]")
{
  const json summary = run_variant("once-per-sender");

  CHECK(summary["inboxes"]["auto_replies"].get<int>() == 2);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 1);
}

TEST_CASE("auto-reply loop rejects unknown mailbox", "[scenario][loops]")
{
  std::string text = read_text(source_path("scenarios/auto-reply-loop.json"));
  const auto at = text.find("\"to\": \"bob\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 11, "\"to\": \"carol\"");
  const std::string file = temporary_directory() + "/bad.json";
  write_text(file, text);

  const CommandResult result = run_stormsim("validate '" + file + "'");

  CHECK(result.exit_code == 2);
  CHECK(result.err.find("/mailboxes/0/human_mail/0/to: unknown mailbox \"carol\", expected one of: alice, bob") !=
        std::string::npos);
}
