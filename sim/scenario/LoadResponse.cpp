// Loading of what acts on the pipeline: faults, transport rules, the operator and the guards.
#include "scenario/LoadContext.hpp"

namespace stormsim {
namespace {

RuleSpec read_rule(ObjectReader& reader, LoadContext& context, std::map<std::string, std::size_t>& ids,
                   std::size_t index)
{
  RuleSpec rule;
  rule.id = context.read_id(reader, ids, index, "transport rule");
  if (reader.has("sender"))
    rule.sender_mailbox = context.resolve(reader, "sender", context.mailboxes, "mailbox");
  if (reader.has("flow"))
    rule.flow = context.resolve(reader, "flow", context.flows, "flow");
  if (auto step = reader.optional_integer("step", 0, 1'000'000)) {
    if (!rule.flow)
      reader.fail("step", "a step number needs the \"flow\" it belongs to");
    if (static_cast<std::size_t>(*step) >= context.scenario.flows[*rule.flow].steps.size())
      reader.fail("step", "flow \"" + context.scenario.flows[*rule.flow].id + "\" has no step " +
                              std::to_string(*step) + " (steps are numbered from 0)");
    rule.step = static_cast<std::size_t>(*step);
  }
  rule.recipient_prefix = reader.optional_string("recipient_prefix").value_or("");
  const std::string action = reader.choice("action", {"block", "reject", "quarantine"}, std::string("block"));
  rule.action = action == "reject"       ? RuleSpec::Action::reject
                : action == "quarantine" ? RuleSpec::Action::quarantine
                                         : RuleSpec::Action::block;
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

// Turning a flow off lets runs in flight and waiting runs finish; deleting cancels both (Power Automate's
// documented behaviour). Neither touches mail already handed to a mailbox unless "stops" includes queued_mail.
StopSet read_stops(ObjectReader& reader, bool deleting)
{
  StopSet stops{deleting, deleting, false};
  if (!reader.has("stops"))
    return stops;
  stops = StopSet{};
  for (const auto& name : reader.strings("stops")) {
    if (name == "waiting_runs")
      stops.waiting_runs = true;
    else if (name == "runs_in_flight")
      stops.runs_in_flight = true;
    else if (name == "queued_mail")
      stops.queued_mail = true;
    else if (name != "new_triggers")
      reader.fail("stops", "invalid value \"" + name +
                               "\", expected any of: new_triggers, waiting_runs, runs_in_flight, queued_mail");
  }
  return stops;
}

PlaybookAction read_action(ObjectReader& reader, LoadContext& context, std::map<std::string, std::size_t>& rule_ids)
{
  using Kind = PlaybookAction::Kind;
  static const std::vector<std::pair<std::string, Kind>> kinds = {
      {"disable_flow", Kind::disable_flow},         {"enable_flow", Kind::enable_flow},
      {"delete_flow", Kind::delete_flow},           {"add_transport_rule", Kind::add_transport_rule},
      {"purge_mailbox", Kind::purge_mailbox},       {"delete_mailbox", Kind::delete_mailbox},
      {"hold_mailbox", Kind::hold_mailbox},         {"release_mailbox", Kind::release_mailbox},
      {"release_held", Kind::release_held},         {"discard_held", Kind::discard_held},
      {"reset_guard", Kind::reset_guard},           {"release_quarantine", Kind::release_quarantine},
      {"purge_quarantine", Kind::purge_quarantine}};
  std::vector<std::string> names;
  for (const auto& [name, kind] : kinds)
    names.push_back(name);
  PlaybookAction action;
  action.after = reader.optional_duration("after").value_or(0);
  const std::string name = reader.choice("action", names);
  for (const auto& [known, kind] : kinds)
    if (known == name)
      action.kind = kind;

  switch (action.kind) {
    case Kind::disable_flow:
    case Kind::enable_flow:
    case Kind::delete_flow:
      action.target = context.resolve(reader, "flow", context.flows, "flow");
      action.stops = read_stops(reader, action.kind == Kind::delete_flow);
      break;
    case Kind::purge_mailbox:
    case Kind::delete_mailbox:
    case Kind::hold_mailbox:
    case Kind::release_mailbox:
      action.target = context.resolve(reader, "mailbox", context.mailboxes, "mailbox");
      break;
    case Kind::release_held:
    case Kind::discard_held:
    case Kind::reset_guard:
      action.target = context.resolve(reader, "guard", context.guards, "guard");
      break;
    case Kind::add_transport_rule: {
      ObjectReader rule = reader.object("rule");
      action.rule = read_rule(rule, context, rule_ids, rule_ids.size());
      rule.finish();
      break;
    }
    case Kind::release_quarantine:
    case Kind::purge_quarantine:
      break;
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
  spec.on_call = reader->boolean("on_call", false);
  spec.repeat = reader->boolean("repeat", false);
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

} // namespace

void load_response(ObjectReader& root, LoadContext& context)
{
  std::map<std::string, std::size_t> rule_ids;
  load_faults(root, context);
  load_transport(root, context, rule_ids);
  load_guards(root, context);
  load_operator(root, context, rule_ids);
}

} // namespace stormsim
