// Loading of flows and their steps.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {

namespace {

StepSpec read_step(ObjectReader& reader, LoadContext& context)
{
  StepSpec step;
  const std::string kind = reader.choice("kind", {"send_email", "write_list_item"});
  step.latency = reader.optional_distribution("latency").value_or(Distribution::constant(0));
  if (kind == "send_email") {
    step.kind = StepSpec::Kind::send_email;
    step.target = context.resolve(reader, "mailbox", context.mailboxes, "mailbox");
  } else {
    step.kind = StepSpec::Kind::write_list_item;
    step.target = context.resolve(reader, "list", context.lists, "list");
  }
  reader.finish();
  return step;
}

} // namespace

void load_flows(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("flows")) {
    FlowSpec spec;
    spec.id = context.read_id(reader, context.flows, scenario.flows.size(), "flow");
    spec.trigger = context.resolve(reader, "trigger", context.connectors, "connector");
    for (auto& step : reader.objects("steps"))
      spec.steps.push_back(read_step(step, context));
    if (spec.steps.empty())
      reader.fail_here("missing required key \"steps\" (a non-empty array of steps)");
    spec.max_parallel_runs = static_cast<int>(reader.optional_integer("max_parallel_runs", 0, 1'000'000).value_or(0));
    reader.finish();
    scenario.flows.push_back(std::move(spec));
  }
}

} // namespace stormsim
