// Loading of the pipeline's components: sources, connectors, lists, mailboxes and flows, in dependency order.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {
namespace {

ArrivalSpec read_arrivals(ObjectReader& reader, const DateTime& start)
{
  ArrivalSpec arrivals;
  const std::string kind = reader.choice("kind", {"none", "poisson", "schedule"});
  if (kind == "poisson") {
    arrivals.kind = ArrivalSpec::Kind::poisson;
    arrivals.rate_per_s = reader.rate("rate").per_second();
  } else if (kind == "schedule") {
    arrivals.kind = ArrivalSpec::Kind::schedule;
    const auto texts = reader.strings("at");
    for (std::size_t i = 0; i < texts.size(); ++i) {
      try {
        arrivals.times.push_back(parse_time_point(texts[i], start));
      } catch (const std::invalid_argument& error) {
        reader.fail("at", "element " + std::to_string(i) + ": " + error.what());
      }
    }
    std::sort(arrivals.times.begin(), arrivals.times.end());
  }
  reader.finish();
  return arrivals;
}

void load_sources(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("sources")) {
    SourceSpec spec;
    spec.id = context.read_id(reader, context.sources, scenario.sources.size(), "source");
    if (auto arrivals = reader.optional_object("arrivals"))
      spec.arrivals = read_arrivals(*arrivals, scenario.start);
    spec.history = static_cast<int>(reader.optional_integer("history", 0, 10'000'000).value_or(0));
    spec.recipient_prefix = reader.optional_string("recipient_prefix").value_or(spec.id);
    reader.finish();
    scenario.sources.push_back(std::move(spec));
  }
}

void load_connectors(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("connectors")) {
    ConnectorSpec spec;
    spec.id = context.read_id(reader, context.connectors, scenario.connectors.size(), "connector");
    reader.choice("kind", {"webhook"}, std::string("webhook"));
    spec.source = context.resolve(reader, "source", context.sources, "source");
    spec.latency = reader.optional_distribution("latency").value_or(Distribution::constant(0));
    reader.finish();
    scenario.connectors.push_back(std::move(spec));
  }
}

void load_lists(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("lists")) {
    ListSpec spec;
    spec.id = context.read_id(reader, context.lists, scenario.lists.size(), "list");
    reader.finish();
    scenario.lists.push_back(std::move(spec));
  }
}

void load_mailboxes(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("mailboxes")) {
    MailboxSpec spec;
    spec.id = context.read_id(reader, context.mailboxes, scenario.mailboxes.size(), "mailbox");
    if (auto model = reader.optional_string("model")) {
      spec.model = *model;
      apply_mailbox_preset(reader, *model, context, spec);
    }
    read_mailbox_limits(reader, spec);
    if (spec.send_limit <= 0)
      reader.fail_here("missing required key \"send_limit\" (a rate such as \"30/min\"), or a \"model\" that sets it");
    reader.finish();
    scenario.mailboxes.push_back(std::move(spec));
  }
}

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

} // namespace

void load_pipeline(ObjectReader& root, LoadContext& context)
{
  load_sources(root, context);
  load_connectors(root, context);
  load_lists(root, context);
  load_mailboxes(root, context);
  load_flows(root, context);
}

} // namespace stormsim
