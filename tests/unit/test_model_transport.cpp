#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::replay;
using stormsim::testing::tiny_scenario;

TEST_CASE("transport rule blocks only once in effect", "[model][transport]")
{
  // Messages leave at t = 0..9 s; a rule on the mailbox takes effect at 4.5 s.
  Scenario scenario = tiny_scenario(10, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  RuleSpec rule;
  rule.id = "block";
  rule.sender_mailbox = 0;
  rule.effective_at = 4.5;
  scenario.rules.push_back(rule);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().delivered == 5);
  CHECK(world.recorder().unwanted_blocked == 5);
  CHECK(world.recorder().last_unwanted_delivery == Approx(4.0));
}

TEST_CASE("transport rule for another flow lets mail pass", "[model][transport]")
{
  Scenario scenario = tiny_scenario(10, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  RuleSpec rule;
  rule.id = "other-flow";
  rule.flow = 7;
  rule.effective_at = 0;
  scenario.rules.push_back(rule);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().delivered == 10);
}

TEST_CASE("operator rule waits for its activation delay", "[model][transport]")
{
  Scenario scenario = tiny_scenario(10, 0, 1000, 60);
  scenario.rule_activation_delay = Distribution::constant(3);
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);
  PlaybookAction action;
  action.kind = PlaybookAction::Kind::add_transport_rule;
  action.rule.id = "block";
  action.rule.sender_mailbox = 0;
  world.start();
  world.queue().run_until(2.5);

  world.apply(action);
  world.queue().run_all();

  // Rule created at 2.5 s, effective at 5.5 s: messages at 0..5 s leave, 6..9 s are blocked.
  CHECK(world.recorder().delivered == 6);
  CHECK(world.recorder().unwanted_blocked == 4);
}
