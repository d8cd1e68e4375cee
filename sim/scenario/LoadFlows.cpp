// Loading of flows and their steps: triggers, trigger conditions, failures, retry policies, groups and outages.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {

namespace {

// Power Automate accepts up to 90 retries; the model allows more for other engines' policies.
constexpr std::int64_t max_retries = 1000;

double read_probability(ObjectReader& reader, const std::string& key)
{
  return reader.optional_number(key, 0, 1).value_or(0);
}

double read_positive_duration(ObjectReader& reader, const std::string& key)
{
  const double value = reader.duration(key);
  if (value <= 0)
    reader.fail(key, "expected a positive duration such as \"5m\"");
  return value;
}

GroupSpec read_group(ObjectReader& reader)
{
  GroupSpec group;
  group.id = reader.string("id");
  group.members = static_cast<int>(reader.integer("members", 1, 10'000'000));
  group.invalid_members = static_cast<int>(reader.optional_integer("invalid_members", 0, group.members).value_or(0));
  reader.finish();
  return group;
}

StepSpec read_step(ObjectReader& reader, LoadContext& context, const StepRetrySpec& default_retry)
{
  StepSpec step;
  const std::string kind = reader.choice("kind", {"send_email", "write_list_item"});
  step.latency = reader.optional_distribution("latency").value_or(Distribution::constant(0));
  if (kind == "send_email") {
    step.kind = StepSpec::Kind::send_email;
    step.target = context.resolve(reader, "mailbox", context.mailboxes, "mailbox");
    if (auto group = reader.optional_object("group"))
      step.group = read_group(*group);
  } else {
    step.kind = StepSpec::Kind::write_list_item;
    step.target = context.resolve(reader, "list", context.lists, "list");
  }
  step.failure_probability = read_probability(reader, "failure_probability");
  step.timeout_after_commit = read_probability(reader, "timeout_after_commit");
  if (step.failure_probability + step.timeout_after_commit > 1)
    reader.fail("timeout_after_commit", "failure_probability and timeout_after_commit add up to more than 1");
  step.retry = default_retry;
  if (auto retry = reader.optional_object("retry"))
    step.retry = read_step_retry(*retry);
  reader.finish();
  return step;
}

FlowOutageSpec read_outage(ObjectReader& reader, const DateTime& start)
{
  FlowOutageSpec outage;
  outage.from = reader.time_point("from", start);
  outage.until = reader.time_point("until", start);
  if (outage.until <= outage.from)
    reader.fail("until", "expected a time after \"from\"");
  reader.finish();
  return outage;
}

// Reads "trigger" (a connector) or "trigger_list" (a list whose item changes start runs), and the trigger condition.
void read_trigger(ObjectReader& reader, LoadContext& context, FlowSpec& spec)
{
  if (reader.has("trigger_list")) {
    if (reader.has("trigger"))
      reader.fail("trigger", "a flow has one trigger: \"trigger\" (a connector) or \"trigger_list\", not both");
    spec.trigger_list = context.resolve(reader, "trigger_list", context.lists, "list");
  } else {
    spec.trigger = context.resolve(reader, "trigger", context.connectors, "connector");
  }
  spec.account = reader.optional_string("account").value_or(spec.id);
  const std::string condition = reader.choice("trigger_condition", {"none", "skip_own_changes"}, std::string("none"));
  spec.skip_own_changes = condition == "skip_own_changes";
  if (spec.skip_own_changes && !spec.trigger_list)
    reader.fail("trigger_condition", "\"skip_own_changes\" applies to a flow with a \"trigger_list\"");
}

} // namespace

StepRetrySpec read_step_retry(ObjectReader& reader)
{
  StepRetrySpec retry;
  const std::string type = reader.choice("type", {"none", "fixed", "exponential"});
  if (type != "none") {
    retry.kind = type == "fixed" ? StepRetrySpec::Kind::fixed : StepRetrySpec::Kind::exponential;
    retry.count = static_cast<int>(reader.integer("count", 0, max_retries));
    retry.interval = read_positive_duration(reader, "interval");
  }
  if (type == "exponential") {
    retry.min_interval = reader.optional_duration("min_interval").value_or(0);
    retry.max_interval = reader.optional_duration("max_interval").value_or(0);
    if (retry.max_interval > 0 && retry.max_interval < retry.min_interval)
      reader.fail("max_interval", "expected a duration at least \"min_interval\"");
  }
  reader.finish();
  return retry;
}

void load_flows(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("flows")) {
    FlowSpec spec;
    spec.id = context.read_id(reader, context.flows, scenario.flows.size(), "flow");
    StepRetrySpec default_retry;
    if (auto model = reader.optional_string("model")) {
      spec.model = *model;
      apply_flow_preset(reader, *model, context, default_retry);
    }
    if (auto retry = reader.optional_object("retry"))
      default_retry = read_step_retry(*retry);
    read_trigger(reader, context, spec);
    for (auto& step : reader.objects("steps"))
      spec.steps.push_back(read_step(step, context, default_retry));
    if (spec.steps.empty())
      reader.fail_here("missing required key \"steps\" (a non-empty array of steps)");
    spec.max_parallel_runs = static_cast<int>(reader.optional_integer("max_parallel_runs", 0, 1'000'000).value_or(0));
    for (auto& outage : reader.objects("outages"))
      spec.outages.push_back(read_outage(outage, scenario.start));
    merge_outages(spec.outages, read_random_outages(reader, scenario, "flow/" + spec.id));
    reader.finish();
    scenario.flows.push_back(std::move(spec));
  }
}

} // namespace stormsim
