#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace stormsim;

namespace {

// A scenario with one source, one connector written as `connector`, one flow and the faults in `faults`.
std::string scenario_text(const std::string& connector, const std::string& faults = "[]")
{
  return R"({ "name": "t", "start": "2024-03-01T00:00", "duration": "1h", "seed": 1,
    "sources": [ { "id": "form", "history": 2 } ],
    "connectors": [ )" + connector + R"( ],
    "mailboxes": [ { "id": "mbx", "send_limit": "30/min" } ],
    "flows": [ { "id": "flow", "trigger": "hook", "steps": [ { "kind": "send_email", "mailbox": "mbx" } ] } ],
    "faults": )" + faults + " }";
}

Scenario load_text(const std::string& text)
{
  const std::string path = "/tmp/stormsim-connector-" + std::to_string(getpid()) + ".json";
  std::ofstream(path) << text;
  LoadOptions options;
  options.models_dir = default_models_dir();
  try {
    Scenario scenario = load_scenario(path, options);
    std::remove(path.c_str());
    return scenario;
  } catch (...) {
    std::remove(path.c_str());
    throw;
  }
}

std::string load_error(const std::string& text)
{
  try {
    load_text(text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(loaded without error)";
}

} // namespace

TEST_CASE("connector preset fills webhook settings", "[model][connector][load]")
{
  const Scenario scenario = load_text(scenario_text(R"({ "id": "hook", "source": "form", "model": "typeform" })"));
  const ConnectorSpec& connector = scenario.connectors[0];

  CHECK(connector.kind == ConnectorSpec::Kind::webhook);
  CHECK(connector.timeout == 30);
  REQUIRE(connector.retry.retries() == 5);
  CHECK(connector.retry.delay(0) == 300);
  CHECK(connector.retry.delay(4) == 7200);
}

TEST_CASE("scenario settings override a preset", "[model][connector][load]")
{
  const Scenario scenario =
      load_text(scenario_text(R"({ "id": "hook", "source": "form", "model": "zapier", "interval": "15m" })"));
  const ConnectorSpec& connector = scenario.connectors[0];

  CHECK(connector.kind == ConnectorSpec::Kind::polling);
  CHECK(connector.poll_interval == 900);
  CHECK(connector.batch == 100);
  CHECK(connector.poll_state == ConnectorSpec::PollState::seen_ids);
  CHECK(connector.seen_capacity == 105000);
}

TEST_CASE("duplicates and backoff are read", "[model][connector][load]")
{
  const Scenario scenario = load_text(scenario_text(R"({ "id": "hook", "source": "form",
      "retry": { "count": 3, "first": "1m", "factor": 3, "max_interval": "5m" },
      "duplicates": { "probability": 0.02, "copies": { "tail": 1.5, "max": 60 }, "spread": "24h" } })"));
  const ConnectorSpec& connector = scenario.connectors[0];

  CHECK(connector.retry.delay(0) == 60);
  CHECK(connector.retry.delay(1) == 180);
  CHECK(connector.retry.delay(2) == 300);
  CHECK(connector.duplicates.probability == 0.02);
  CHECK(connector.duplicates.tail == 1.5);
  CHECK(connector.duplicates.max_copies == 60);
  CHECK(connector.duplicates.spread == 86400);
}

TEST_CASE("connector format errors name the key", "[model][connector][load]")
{
  CHECK_THAT(load_error(scenario_text(R"({ "id": "hook", "source": "form", "batch": 10 })")),
             Catch::Contains("/connectors/0/batch") && Catch::Contains("does not apply to a webhook connector"));
  CHECK_THAT(load_error(scenario_text(R"({ "id": "hook", "kind": "polling", "source": "form" })")),
             Catch::Contains("missing required key \"interval\""));
  CHECK_THAT(load_error(scenario_text(R"({ "id": "hook", "kind": "polling", "source": "form", "model": "typeform" })")),
             Catch::Contains("is a webhook connector"));
  CHECK_THAT(load_error(scenario_text(R"({ "id": "hook", "source": "form", "retry": { "delays": ["5x"] } })")),
             Catch::Contains("/connectors/0/retry/delays"));
  CHECK_THAT(load_error(scenario_text(R"({ "id": "hook", "source": "form", "duplicates": { "spread": "1h" } })")),
             Catch::Contains("missing required key \"probability\""));
}

TEST_CASE("fault schedules are read", "[model][fault][load]")
{
  const Scenario scenario = load_text(scenario_text(R"({ "id": "hook", "source": "form" })", R"([
      { "id": "down", "kind": "outage", "connector": "hook", "at": "00:10", "until": "00:20",
        "random": { "rate": "2/day", "duration": "30m" } },
      { "id": "slow", "kind": "latency_spike", "connector": "hook", "random": { "rate": "1/h", "duration": "5m" },
        "factor": 20 } ])"));

  REQUIRE(scenario.faults.size() == 2);
  const FaultSpec& down = scenario.faults[0];
  CHECK(down.kind == FaultSpec::Kind::outage);
  CHECK(down.at == 600);
  CHECK(down.until.value_or(0) == 1200);
  REQUIRE(down.random);
  CHECK(down.random->rate_per_s == Approx(2.0 / 86400));
  CHECK(down.random->duration == 1800);
  const FaultSpec& slow = scenario.faults[1];
  CHECK_FALSE(slow.has_at);
  CHECK(slow.factor == 20);
}

TEST_CASE("fault format errors name the key", "[model][fault][load]")
{
  const std::string webhook = R"({ "id": "hook", "source": "form" })";
  CHECK_THAT(load_error(scenario_text(webhook, R"([ { "id": "f", "kind": "outage", "connector": "hook" } ])")),
             Catch::Contains("missing required key \"at\" or \"random\""));
  CHECK_THAT(load_error(scenario_text(webhook, R"([ { "id": "f", "kind": "cursor_reset", "connector": "hook",
                                                      "at": "00:10" } ])")),
             Catch::Contains("has no cursor"));
  CHECK_THAT(load_error(scenario_text(webhook, R"([ { "id": "f", "kind": "outage", "connector": "hook",
                                                      "random": { "rate": "1/h" } } ])")),
             Catch::Contains("/faults/0/random") && Catch::Contains("duration"));
  CHECK_THAT(load_error(scenario_text(webhook, R"([ { "id": "f", "kind": "latency_spike", "connector": "hook",
                                                      "at": "00:10" } ])")),
             Catch::Contains("missing required key \"factor\""));
}
