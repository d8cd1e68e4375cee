// Checks that scenario files load their "expect" object and reject bad expectations with the place in the file.
#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace stormsim;
using Catch::Matchers::Contains;

namespace {

// A small valid scenario; `expect` and `variants` are inserted as written.
std::string scenario_text(const std::string& expect, const std::string& variants = "{}")
{
  return std::string(R"({
  "name": "expectations", "start": "2020-01-01T00:00", "duration": "1h", "seed": 1,
  "sources": [ { "id": "form", "history": 2 } ],
  "connectors": [ { "id": "hook", "source": "form" } ],
  "mailboxes": [ { "id": "box", "send_limit": "30/min" } ],
  "flows": [ { "id": "flow-a", "trigger": "hook", "steps": [ { "kind": "send_email", "mailbox": "box" } ] } ],
  "expect": )") + expect + R"(,
  "variants": )" + variants + "\n}\n";
}

std::string write_file(const std::string& text)
{
  static int counter = 0;
  const std::string path =
      "/tmp/stormsim-expect-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".json";
  std::ofstream(path) << text;
  return path;
}

Scenario load(const std::string& text, const std::optional<std::string>& variant = std::nullopt)
{
  LoadOptions options;
  options.models_dir = default_models_dir();
  options.variant = variant;
  return load_scenario(write_file(text), options);
}

std::string load_error(const std::string& text)
{
  try {
    load(text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

} // namespace

TEST_CASE("scenario reads expectations", "[check][scenario]")
{
  const Scenario scenario = load(scenario_text(R"({ "recipients.max": "<= 3", "runs.flow-a.total": "> 0" })"));

  REQUIRE(scenario.expect.size() == 2);
  CHECK(scenario.expect[0].describe() == "recipients.max <= 3");
  CHECK(scenario.expect[1].describe() == "runs.flow-a.total > 0");
}

TEST_CASE("variant merges its expectations", "[check][scenario]")
{
  const std::string text = scenario_text(R"({ "recipients.max": "<= 3", "emails.wanted_blocked": "== 0" })",
                                         R"({ "strict": { "expect": { "recipients.max": "<= 1",
                                                                      "emails.wanted_blocked": null } } })");

  const Scenario variant = load(text, std::string("strict"));

  REQUIRE(variant.expect.size() == 1);
  CHECK(variant.expect[0].describe() == "recipients.max <= 1");
}

TEST_CASE("unknown metric names its place", "[check][scenario]")
{
  const std::string message = load_error(scenario_text(R"({ "recipients.maxx": "<= 3" })"));

  CHECK_THAT(message, Contains(":7:15: /expect/recipients.maxx: invalid expectation \"recipients.maxx\": unknown "
                               "metric"));
}

TEST_CASE("unknown flow in expectation", "[check][scenario]")
{
  CHECK_THAT(load_error(scenario_text(R"({ "runs.flow-z.total": "> 0" })")),
             Contains("expected one of: runs.flow-a.total"));
}

TEST_CASE("guard of another variant is unknown", "[check][scenario]")
{
  const std::string text = scenario_text(R"({ "guards.cap.blocked": "> 0" })");

  CHECK_THAT(load_error(text), Contains("this scenario has no guards"));
}

TEST_CASE("bad condition is invalid", "[check][scenario]")
{
  CHECK_THAT(load_error(scenario_text(R"({ "recipients.max": "at most 3" })")),
             Contains("/expect/recipients.max: invalid condition \"at most 3\""));
  CHECK_THAT(load_error(scenario_text(R"({ "recipients.max": 3 })")),
             Contains("/expect/recipients.max: expected a condition string such as \"<= 3\", found number 3"));
  CHECK_THAT(load_error(scenario_text(R"([ "recipients.max <= 3" ])")), Contains("/expect: expected an object"));
}

TEST_CASE("bad expectation in a variant names the variant", "[check][scenario]")
{
  const std::string text =
      scenario_text("{}", R"({ "broken": { "expect": { "recipients.max": "<= x" } } })");

  CHECK_THAT(load_error(text), Contains("/variants/broken/expect/recipients.max: invalid condition"));
}
