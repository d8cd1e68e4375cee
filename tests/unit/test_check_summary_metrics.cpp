// Keeps the list of summary metrics that expectations, compare and sweep use in step with build_summary().
#include "check/SummaryMetric.hpp"
#include "metrics/Summary.hpp"
#include "model/World.hpp"
#include "scenario/ScenarioLoader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace stormsim;

namespace {

// Every value of the summary that summary_metrics() should list: numbers, nulls and arrays, by dotted name.
void flatten(const nlohmann::ordered_json& value, const std::string& name, std::vector<std::string>& names)
{
  if (value.is_object()) {
    for (const auto& item : value.items())
      flatten(item.value(), name.empty() ? item.key() : name + "." + item.key(), names);
    return;
  }
  if (value.is_string() || name == "sim.variant" || name == "operator.actions")
    return;
  names.push_back(name);
}

std::vector<std::string> metric_names(const Scenario& scenario)
{
  std::vector<std::string> names;
  for (const auto& metric : summary_metrics(scenario))
    names.push_back(metric.name);
  return names;
}

// Blockers that exist only once a run adds them: rules from the playbook and rules that guards add when they trip.
bool added_during_run(const std::string& name)
{
  return name.rfind("emails.blocked_by.rule/", 0) == 0;
}

void check_in_step(const Scenario& scenario)
{
  World world(scenario);
  std::vector<std::string> summary_names;
  flatten(build_summary(world), "", summary_names);
  const std::vector<std::string> listed = metric_names(scenario);

  for (const auto& name : summary_names) {
    INFO("build_summary() writes " << name << ", which summary_metrics() lacks");
    CHECK(std::find(listed.begin(), listed.end(), name) != listed.end());
  }
  std::vector<std::string> listed_present;
  for (const auto& name : listed) {
    const bool present = std::find(summary_names.begin(), summary_names.end(), name) != summary_names.end();
    INFO("summary_metrics() lists " << name << ", which build_summary() does not write");
    CHECK((present || added_during_run(name)));
    if (present)
      listed_present.push_back(name);
  }
  CHECK(listed_present == summary_names);
}

Scenario load_text(const std::string& text, const std::optional<std::string>& variant = std::nullopt)
{
  const std::string path = "/tmp/stormsim-metrics-" + std::to_string(getpid()) + ".json";
  std::ofstream(path) << text;
  LoadOptions options;
  options.models_dir = default_models_dir();
  options.variant = variant;
  Scenario scenario = load_scenario(path, options);
  std::remove(path.c_str());
  return scenario;
}

// A scenario with components of each kind that changes the summary's keys.
const char* const rich_scenario = R"({
  "name": "rich", "start": "2020-01-01T00:00", "duration": "1h", "seed": 1,
  "sources": [ { "id": "form", "history": 3 } ],
  "connectors": [ { "id": "hook", "source": "form" } ],
  "lists": [ { "id": "items" } ],
  "mailboxes": [ { "id": "box.one", "send_limit": "30/min", "recipient_limit": "100/day" },
                 { "id": "box-two", "send_limit": "10/min" } ],
  "flows": [ { "id": "flow.v2", "trigger": "hook",
               "steps": [ { "kind": "write_list_item", "list": "items" },
                          { "kind": "send_email", "mailbox": "box.one" } ] } ],
  "transport": { "rules": [ { "id": "static-rule", "sender": "box-two" } ] },
  "operator": { "playbook": [ { "action": "add_transport_rule", "rule": { "id": "late-rule", "sender": "box.one" } } ] },
  "guards": [
    { "id": "dedup", "kind": "dedup", "flows": ["flow.v2"] },
    { "id": "limit", "kind": "rate_limit", "limit": "10/min" },
    { "id": "cap", "kind": "recipient_cap", "limit": "3/day" },
    { "id": "breaker", "kind": "breaker", "when": { "more_than": 10, "within": "10s" },
      "on_trip": ["block_sender", "alert"] },
    { "id": "flood", "kind": "flood_hold", "threshold": 5, "within": "1m" }
  ]
})";

} // namespace

TEST_CASE("summary metrics match build_summary", "[check][metrics]")
{
  const Scenario scenario = load_text(rich_scenario);

  check_in_step(scenario);
}

TEST_CASE("summary metrics match for the incident", "[check][metrics]")
{
  LoadOptions options;
  options.models_dir = default_models_dir();
  const std::string path = std::string(STORMSIM_SOURCE_DIR) + "/scenarios/rogue-flows-2017.json";
  const Scenario base = load_scenario(path, options);
  check_in_step(base);
  for (const auto& name : base.variant_names) {
    INFO("variant " << name);
    options.variant = name;
    check_in_step(load_scenario(path, options));
  }
}

TEST_CASE("summary metrics include added rules", "[check][metrics]")
{
  const std::vector<std::string> names = metric_names(load_text(rich_scenario));

  for (const char* expected : {"emails.blocked_by.recipient_limit/box.one", "emails.blocked_by.guard/flood",
                               "emails.blocked_by.rule/static-rule", "emails.blocked_by.rule/late-rule",
                               "emails.blocked_by.rule/breaker/box.one", "emails.blocked_by.rule/breaker/box-two",
                               "runs.flow.v2.total", "guards.cap.trips"}) {
    INFO(expected);
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  }
}

TEST_CASE("find metric by name", "[check][metrics]")
{
  const std::vector<SummaryMetric> metrics = summary_metrics(load_text(rich_scenario));

  const auto found = find_metric(metrics, "runs.flow.v2.total");
  REQUIRE(found.has_value());
  CHECK(found->keys == std::vector<std::string>{"runs", "flow.v2", "total"});
  CHECK_FALSE(find_metric(metrics, "runs.flow.total").has_value());
}
