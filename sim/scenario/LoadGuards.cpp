// Loading of guards: what each kind reads, where it sits in the pipeline and what it counts by.
#include "scenario/LoadContext.hpp"

namespace stormsim {
namespace {

std::vector<std::size_t> resolve_all(ObjectReader& reader, const std::string& key,
                                     const std::map<std::string, std::size_t>& table, const char* kind,
                                     LoadContext& context)
{
  std::vector<std::size_t> indices;
  for (const auto& name : reader.strings(key))
    indices.push_back(context.resolve_name(reader, key, name, table, kind));
  return indices;
}

GuardPoint read_point(ObjectReader& reader, const char* fallback)
{
  const std::string point = reader.choice(
      "at", {"connector", "flow_trigger", "flow_step", "mailbox", "transport", "recipient"}, std::string(fallback));
  if (point == "connector")
    return GuardPoint::connector;
  if (point == "flow_trigger")
    return GuardPoint::flow_trigger;
  if (point == "flow_step")
    return GuardPoint::flow_step;
  if (point == "mailbox")
    return GuardPoint::mailbox;
  return point == "transport" ? GuardPoint::transport : GuardPoint::recipient;
}

GuardKey read_key(ObjectReader& reader, const char* fallback)
{
  const std::string key = reader.choice(
      "key", {"global", "flow", "mailbox", "recipient", "content", "registration_id"}, std::string(fallback));
  if (key == "global")
    return GuardKey::global;
  if (key == "flow")
    return GuardKey::flow;
  if (key == "mailbox")
    return GuardKey::mailbox;
  if (key == "recipient")
    return GuardKey::recipient;
  return key == "content" ? GuardKey::content : GuardKey::registration_id;
}

// A limit written as a rate, "10/min" or "3/24h": a whole number of events per window.
void read_limit(ObjectReader& reader, RateSpec& rate)
{
  const Rate limit = reader.rate("limit");
  if (limit.count != static_cast<double>(static_cast<std::size_t>(limit.count)))
    reader.fail("limit", "expected a whole number of events per window, such as \"10/min\"");
  rate.limit = static_cast<std::size_t>(limit.count);
  rate.window = limit.window_s;
}

void read_rate_limit(ObjectReader& reader, GuardSpec& guard, const char* default_algorithm)
{
  read_limit(reader, guard.rate);
  const std::string algorithm = reader.choice(
      "algorithm", {"token_bucket", "sliding_log", "sliding_counter", "fixed_window"}, std::string(default_algorithm));
  guard.rate.algorithm = algorithm == "token_bucket"   ? RateSpec::Algorithm::token_bucket
                         : algorithm == "sliding_log"  ? RateSpec::Algorithm::sliding_log
                         : algorithm == "fixed_window" ? RateSpec::Algorithm::fixed_window
                                                       : RateSpec::Algorithm::sliding_counter;
  guard.rate.burst = static_cast<std::size_t>(reader.optional_integer("burst", 1, 1'000'000'000).value_or(0));
  if (guard.rate.burst != 0 && guard.rate.algorithm != RateSpec::Algorithm::token_bucket)
    reader.fail("burst", "a burst applies to the token_bucket algorithm only");
  guard.on_exceed = reader.choice("on_exceed", {"drop", "delay"}, std::string("drop")) == "delay"
                        ? GuardSpec::OnExceed::delay
                        : GuardSpec::OnExceed::drop;
  guard.max_keys = static_cast<std::size_t>(reader.optional_integer("max_keys", 1, 1'000'000'000).value_or(0));
}

void read_breaker_condition(ObjectReader& reader, BreakerSpec& breaker)
{
  ObjectReader when = reader.object("when");
  if (when.has("failure_ratio")) {
    breaker.condition = BreakerSpec::Condition::failure_ratio;
    ObjectReader ratio = when.object("failure_ratio");
    breaker.failure_ratio = *ratio.optional_number("at_least", 0.001, 1);
    if (!ratio.has("at_least"))
      ratio.fail_here("missing required key \"at_least\" (a fraction of failed messages from 0.001 to 1)");
    breaker.min_requests = static_cast<std::size_t>(ratio.optional_integer("min_requests", 1, 1'000'000'000).value_or(10));
    breaker.window = ratio.duration("within");
    if (breaker.window <= 0)
      ratio.fail("within", "expected a positive duration, found \"0s\"");
    ratio.finish();
  } else if (when.has("anomaly")) {
    breaker.condition = BreakerSpec::Condition::anomaly;
    ObjectReader anomaly = when.object("anomaly");
    breaker.anomaly_bucket = anomaly.optional_duration("bucket").value_or(60);
    breaker.anomaly_alpha = anomaly.optional_number("alpha", 0.001, 1).value_or(0.3);
    breaker.anomaly_k = anomaly.optional_number("sensitivity", 0, 1000).value_or(4);
    breaker.anomaly_warmup = static_cast<std::size_t>(anomaly.optional_integer("warmup", 0, 1'000'000).value_or(10));
    if (breaker.anomaly_bucket <= 0)
      anomaly.fail("bucket", "expected a positive duration, found \"0s\"");
    anomaly.finish();
  } else {
    breaker.condition = BreakerSpec::Condition::count;
    breaker.max_events = static_cast<std::size_t>(when.integer("more_than", 1, 1'000'000'000));
    breaker.window = when.duration("within");
    if (breaker.window <= 0)
      when.fail("within", "expected a positive duration, found \"0s\"");
  }
  when.finish();
}

void read_breaker(ObjectReader& reader, GuardSpec& guard)
{
  BreakerSpec& breaker = guard.breaker;
  read_breaker_condition(reader, breaker);
  for (const auto& name : reader.strings("on_trip")) {
    static const std::vector<std::pair<std::string, BreakerSpec::Action>> actions = {
        {"block", BreakerSpec::Action::block},
        {"hold_queue", BreakerSpec::Action::hold_queue},
        {"disable_flow", BreakerSpec::Action::disable_flow},
        {"block_sender", BreakerSpec::Action::block_sender},
        {"alert", BreakerSpec::Action::alert}};
    bool known = false;
    for (const auto& [text, action] : actions)
      if (text == name) {
        breaker.actions.push_back(action);
        known = true;
      }
    if (!known)
      reader.fail("on_trip", "invalid action \"" + name +
                                 "\", expected any of: block, hold_queue, disable_flow, block_sender, alert");
  }
  if (breaker.actions.empty())
    reader.fail_here("missing required key \"on_trip\" (a non-empty array of actions)");
  const bool manual = reader.choice("close", {"manual", "half_open"}, std::string("manual")) == "manual";
  breaker.close = manual ? BreakerSpec::Close::manual : BreakerSpec::Close::half_open;
  if (!manual) {
    breaker.cooldown = reader.duration("cooldown");
    if (breaker.cooldown <= 0)
      reader.fail("cooldown", "expected a positive duration, found \"0s\"");
  }
}

void read_flood_hold(ObjectReader& reader, GuardSpec& guard)
{
  guard.flood_threshold = static_cast<std::size_t>(reader.integer("threshold", 1, 1'000'000'000));
  guard.flood_window = reader.duration("within");
  if (guard.flood_window <= 0)
    reader.fail("within", "expected a positive duration, found \"0s\"");
  guard.release_rate_per_s = reader.optional_rate("release_rate").value_or(Rate{1, 1}).per_second();
}

void read_dedup(ObjectReader& reader, GuardSpec& guard)
{
  guard.key = read_key(reader, "registration_id");
  guard.shared = reader.boolean("shared", false);
  guard.ttl = reader.optional_duration("ttl").value_or(0);
  guard.capacity = static_cast<std::size_t>(reader.optional_integer("capacity", 1, 1'000'000'000).value_or(0));
}

} // namespace

void load_guards(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("guards")) {
    GuardSpec guard;
    guard.id = context.read_id(reader, context.guards, scenario.guards.size(), "guard");
    const std::string kind =
        reader.choice("kind", {"dedup", "rate_limit", "recipient_cap", "breaker", "flood_hold"});
    guard.flows = resolve_all(reader, "flows", context.flows, "flow", context);
    guard.mailboxes = resolve_all(reader, "mailboxes", context.mailboxes, "mailbox", context);
    if (kind == "dedup") {
      guard.kind = GuardSpec::Kind::dedup;
      guard.point = read_point(reader, "flow_trigger");
      read_dedup(reader, guard);
    } else if (kind == "rate_limit") {
      guard.kind = GuardSpec::Kind::rate_limit;
      guard.point = read_point(reader, "mailbox");
      guard.key = read_key(reader, "global");
      read_rate_limit(reader, guard, "token_bucket");
    } else if (kind == "recipient_cap") {
      guard.kind = GuardSpec::Kind::recipient_cap;
      guard.point = read_point(reader, "recipient");
      guard.key = GuardKey::recipient;
      read_rate_limit(reader, guard, "sliding_log");
    } else if (kind == "breaker") {
      guard.kind = GuardSpec::Kind::breaker;
      guard.point = read_point(reader, "transport");
      read_breaker(reader, guard);
    } else {
      guard.kind = GuardSpec::Kind::flood_hold;
      guard.point = read_point(reader, "connector");
      read_flood_hold(reader, guard);
    }
    reader.finish();
    scenario.guards.push_back(std::move(guard));
  }
}

} // namespace stormsim
