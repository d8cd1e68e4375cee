// Loading of what acts on the pipeline: faults, transport rules, the operator and the guards.
#include "scenario/LoadContext.hpp"

namespace stormsim {
namespace {

void load_faults(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  std::map<std::string, std::size_t> ids;
  for (auto& reader : root.objects("faults")) {
    FaultSpec spec;
    spec.id = context.read_id(reader, ids, scenario.faults.size(), "fault");
    reader.choice("kind", {"replay"});
    spec.connector = context.resolve(reader, "connector", context.connectors, "connector");
    spec.at = reader.time_point("at", scenario.start);
    spec.until = reader.optional_time_point("until", scenario.start);
    if (spec.until && *spec.until <= spec.at)
      reader.fail("until", "expected a time after \"at\"");
    spec.loop = reader.boolean("loop", true);
    spec.rate_per_s = reader.rate("rate").per_second();
    if (auto last = reader.optional_integer("last", 1, 100'000'000))
      spec.last = static_cast<int>(*last);
    reader.finish();
    scenario.faults.push_back(std::move(spec));
  }
}

RuleSpec read_rule(ObjectReader& reader, LoadContext& context, std::map<std::string, std::size_t>& ids,
                   std::size_t index)
{
  RuleSpec rule;
  rule.id = context.read_id(reader, ids, index, "transport rule");
  if (reader.has("sender"))
    rule.sender_mailbox = context.resolve(reader, "sender", context.mailboxes, "mailbox");
  if (reader.has("flow"))
    rule.flow = context.resolve(reader, "flow", context.flows, "flow");
  reader.choice("action", {"block"}, std::string("block"));
  return rule;
}

void load_transport(ObjectReader& root, LoadContext& context, std::map<std::string, std::size_t>& rule_ids)
{
  auto& scenario = context.scenario;
  auto transport = root.optional_object("transport");
  if (!transport)
    return;
  scenario.rule_activation_delay =
      transport->optional_distribution("rule_activation_delay").value_or(Distribution::constant(0));
  for (auto& reader : transport->objects("rules")) {
    RuleSpec rule = read_rule(reader, context, rule_ids, scenario.rules.size());
    rule.effective_at = reader.optional_time_point("from", scenario.start).value_or(0.0);
    reader.finish();
    scenario.rules.push_back(std::move(rule));
  }
  transport->finish();
}

PlaybookAction read_action(ObjectReader& reader, LoadContext& context, std::map<std::string, std::size_t>& rule_ids)
{
  PlaybookAction action;
  action.after = reader.optional_duration("after").value_or(0);
  const std::string kind = reader.choice(
      "action", {"disable_flow", "enable_flow", "delete_flow", "add_transport_rule", "purge_mailbox"});
  if (kind == "disable_flow" || kind == "enable_flow" || kind == "delete_flow") {
    action.kind = kind == "disable_flow"  ? PlaybookAction::Kind::disable_flow
                  : kind == "enable_flow" ? PlaybookAction::Kind::enable_flow
                                          : PlaybookAction::Kind::delete_flow;
    action.target = context.resolve(reader, "flow", context.flows, "flow");
  } else if (kind == "purge_mailbox") {
    action.kind = PlaybookAction::Kind::purge_mailbox;
    action.target = context.resolve(reader, "mailbox", context.mailboxes, "mailbox");
  } else {
    action.kind = PlaybookAction::Kind::add_transport_rule;
    ObjectReader rule = reader.object("rule");
    action.rule = read_rule(rule, context, rule_ids, rule_ids.size());
    rule.finish();
  }
  reader.finish();
  return action;
}

void load_operator(ObjectReader& root, LoadContext& context, std::map<std::string, std::size_t>& rule_ids)
{
  auto& scenario = context.scenario;
  auto reader = root.optional_object("operator");
  if (!reader)
    return;
  auto& spec = scenario.operator_spec;
  spec.present = true;
  spec.wake_at = reader->optional_time_point("wake", scenario.start).value_or(0.0);
  spec.reaction = reader->optional_distribution("reaction").value_or(Distribution::constant(0));
  spec.check_interval = reader->optional_duration("check_every").value_or(60.0);
  if (spec.check_interval <= 0)
    reader->fail("check_every", "expected a positive duration, found \"0s\"");
  spec.complaint_threshold =
      static_cast<int>(reader->optional_integer("complaint_threshold", 1, 1'000'000'000).value_or(5));
  for (auto& action : reader->objects("playbook"))
    spec.playbook.push_back(read_action(action, context, rule_ids));
  reader->finish();
}

std::vector<std::size_t> resolve_all(ObjectReader& reader, const std::string& key,
                                     const std::map<std::string, std::size_t>& table, const char* kind,
                                     LoadContext& context)
{
  std::vector<std::size_t> indices;
  for (const auto& name : reader.strings(key))
    indices.push_back(context.resolve_name(reader, key, name, table, kind));
  return indices;
}

void read_dedup(ObjectReader& reader, LoadContext& context, GuardSpec& guard)
{
  guard.kind = GuardSpec::Kind::dedup;
  guard.point = GuardSpec::Point::flow_trigger;
  reader.choice("at", {"flow_trigger"}, std::string("flow_trigger"));
  reader.choice("key", {"registration_id"}, std::string("registration_id"));
  guard.flows = resolve_all(reader, "flows", context.flows, "flow", context);
  guard.shared = reader.boolean("shared", false);
  guard.ttl = reader.optional_duration("ttl").value_or(0);
  guard.capacity = static_cast<std::size_t>(reader.optional_integer("capacity", 1, 1'000'000'000).value_or(0));
}

void read_threshold(ObjectReader& reader, LoadContext& context, GuardSpec& guard)
{
  guard.kind = GuardSpec::Kind::threshold;
  guard.point = GuardSpec::Point::mailbox_send;
  reader.choice("at", {"mailbox_send"}, std::string("mailbox_send"));
  guard.mailboxes = resolve_all(reader, "mailboxes", context.mailboxes, "mailbox", context);
  guard.limit = static_cast<int>(reader.integer("limit", 1, 1'000'000'000));
  guard.window = reader.duration("window");
  if (guard.window <= 0)
    reader.fail("window", "expected a positive duration, found \"0s\"");
  for (const auto& name : reader.strings("on_trip")) {
    if (name == "block_mailbox")
      guard.actions.push_back(GuardSpec::Action::block_mailbox);
    else if (name == "alert")
      guard.actions.push_back(GuardSpec::Action::alert);
    else
      reader.fail("on_trip", "invalid action \"" + name + "\", expected one of: alert, block_mailbox");
  }
  if (guard.actions.empty())
    reader.fail_here("missing required key \"on_trip\" (a non-empty array of: alert, block_mailbox)");
}

void load_guards(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  std::map<std::string, std::size_t> ids;
  for (auto& reader : root.objects("guards")) {
    GuardSpec guard;
    guard.id = context.read_id(reader, ids, scenario.guards.size(), "guard");
    const std::string kind = reader.choice("kind", {"dedup", "threshold"});
    if (kind == "dedup")
      read_dedup(reader, context, guard);
    else
      read_threshold(reader, context, guard);
    reader.finish();
    scenario.guards.push_back(std::move(guard));
  }
}

} // namespace

void load_response(ObjectReader& root, LoadContext& context)
{
  std::map<std::string, std::size_t> rule_ids;
  load_faults(root, context);
  load_transport(root, context, rule_ids);
  load_operator(root, context, rule_ids);
  load_guards(root, context);
}

} // namespace stormsim
