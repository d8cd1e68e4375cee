// Loading of faults: what goes wrong in the pipeline, where and when.
#include "scenario/LoadContext.hpp"

namespace stormsim {

namespace {

FaultSpec::Kind read_kind(ObjectReader& reader)
{
  const std::string kind = reader.choice(
      "kind", {"replay", "outage", "latency_spike", "cursor_reset", "seen_ids_loss", "id_format_change"});
  if (kind == "outage")
    return FaultSpec::Kind::outage;
  if (kind == "latency_spike")
    return FaultSpec::Kind::latency_spike;
  if (kind == "cursor_reset")
    return FaultSpec::Kind::cursor_reset;
  if (kind == "seen_ids_loss")
    return FaultSpec::Kind::seen_ids_loss;
  if (kind == "id_format_change")
    return FaultSpec::Kind::id_format_change;
  return FaultSpec::Kind::replay;
}

// Whether each occurrence of the fault lasts a while (begin and end) instead of happening at an instant.
bool has_duration(FaultSpec::Kind kind)
{
  return kind == FaultSpec::Kind::outage || kind == FaultSpec::Kind::latency_spike;
}

// When the fault happens: "at" (with "until" for faults that last), "random" occurrences, or both.
void read_schedule(ObjectReader& reader, FaultSpec& spec, const DateTime& start)
{
  spec.has_at = reader.has("at");
  if (spec.has_at) {
    spec.at = reader.time_point("at", start);
    spec.until = reader.optional_time_point("until", start);
    if (spec.until && *spec.until <= spec.at)
      reader.fail("until", "expected a time after \"at\"");
  } else if (reader.has("until")) {
    reader.fail("until", "\"until\" needs \"at\"");
  }
  if (spec.until && spec.kind != FaultSpec::Kind::replay && !has_duration(spec.kind))
    reader.fail("until", "a fault of this kind happens at an instant and takes no \"until\"");
  if (auto random = reader.optional_object("random")) {
    if (spec.kind == FaultSpec::Kind::replay)
      reader.fail("random", "a replay fault starts at \"at\" and takes no \"random\"");
    RandomOccurrences occurrences;
    occurrences.rate_per_s = random->rate("rate").per_second();
    if (has_duration(spec.kind))
      occurrences.duration = random->duration("duration");
    random->finish();
    spec.random = occurrences;
  }
  if (!spec.has_at && !spec.random)
    reader.fail_here("missing required key \"at\" or \"random\" (when the fault happens)");
}

// Checks that the fault's connector has the state the fault acts on.
void check_connector(ObjectReader& reader, const FaultSpec& spec, const ConnectorSpec& connector)
{
  const bool polling = connector.kind == ConnectorSpec::Kind::polling;
  if (spec.kind == FaultSpec::Kind::cursor_reset &&
      !(polling && connector.poll_state == ConnectorSpec::PollState::cursor))
    reader.fail("connector", "connector \"" + connector.id + "\" has no cursor, expected a polling connector with "
                                                              "\"state\": \"cursor\"");
  const bool needs_seen_ids = spec.kind == FaultSpec::Kind::seen_ids_loss ||
                              spec.kind == FaultSpec::Kind::id_format_change;
  if (needs_seen_ids && !(polling && connector.poll_state == ConnectorSpec::PollState::seen_ids))
    reader.fail("connector", "connector \"" + connector.id + "\" keeps no seen ids, expected a polling connector "
                                                              "with \"state\": \"seen_ids\"");
}

void read_kind_settings(ObjectReader& reader, FaultSpec& spec, const DateTime& start)
{
  if (spec.kind == FaultSpec::Kind::replay) {
    spec.loop = reader.boolean("loop", true);
    spec.rate_per_s = reader.rate("rate").per_second();
    if (auto last = reader.optional_integer("last", 1, 100'000'000))
      spec.last = static_cast<int>(*last);
  } else if (spec.kind == FaultSpec::Kind::latency_spike) {
    const auto factor = reader.optional_number("factor", 0.001, 1e6);
    if (!factor)
      reader.fail_here("missing required key \"factor\" (the latency multiplier, such as 20)");
    spec.factor = *factor;
  } else if (spec.kind == FaultSpec::Kind::cursor_reset) {
    if (auto last = reader.optional_integer("last", 1, 100'000'000))
      spec.last = static_cast<int>(*last);
    spec.since = reader.optional_time_point("since", start);
    if (spec.last && spec.since)
      reader.fail("since", "expected either \"last\" or \"since\", found both");
  }
}

} // namespace

void load_faults(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  std::map<std::string, std::size_t> ids;
  for (auto& reader : root.objects("faults")) {
    FaultSpec spec;
    spec.id = context.read_id(reader, ids, scenario.faults.size(), "fault");
    spec.kind = read_kind(reader);
    spec.connector = context.resolve(reader, "connector", context.connectors, "connector");
    check_connector(reader, spec, scenario.connectors[spec.connector]);
    read_schedule(reader, spec, scenario.start);
    if (spec.kind == FaultSpec::Kind::replay && !spec.has_at)
      reader.fail_here("missing required key \"at\" (a time of the scenario)");
    read_kind_settings(reader, spec, scenario.start);
    reader.finish();
    scenario.faults.push_back(std::move(spec));
  }
}

} // namespace stormsim
