// Loading of connectors: how source events reach flows, as webhook deliveries or polls.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {

namespace {

const char* kind_name(ConnectorSpec::Kind kind)
{
  return kind == ConnectorSpec::Kind::polling ? "polling" : "webhook";
}

// A retry schedule: {"delays": ["5m", "10m"]}, or {"count": 8, "first": "1m", "factor": 2, "max_interval": "1h"}.
RetrySpec read_retry(ObjectReader& reader)
{
  RetrySpec retry;
  if (reader.has("delays")) {
    if (reader.has("count"))
      reader.fail("count", "expected either \"delays\" or \"count\", found both");
    const auto texts = reader.strings("delays");
    for (std::size_t i = 0; i < texts.size(); ++i) {
      try {
        retry.delays.push_back(parse_duration(texts[i]));
      } catch (const std::invalid_argument& error) {
        reader.fail("delays", "element " + std::to_string(i) + ": " + error.what());
      }
    }
  } else {
    retry.count = static_cast<int>(reader.integer("count", 0, 1000));
    retry.first = retry.count > 0 ? reader.duration("first") : reader.optional_duration("first").value_or(0);
    retry.factor = reader.optional_number("factor", 1, 100).value_or(2);
    retry.max_interval = reader.optional_duration("max_interval").value_or(0);
  }
  reader.finish();
  return retry;
}

// Duplicates: {"probability": 0.02, "copies": {"tail": 1.5, "max": 60}, "spread": "24h"}; see DuplicateSpec.
DuplicateSpec read_duplicates(ObjectReader& reader)
{
  DuplicateSpec duplicates;
  const auto probability = reader.optional_number("probability", 0, 1);
  if (!probability)
    reader.fail_here("missing required key \"probability\" (a number from 0 to 1)");
  duplicates.probability = *probability;
  if (auto copies = reader.optional_object("copies")) {
    const auto tail = copies->optional_number("tail", 0.1, 10);
    if (!tail)
      copies->fail_here("missing required key \"tail\" (the Pareto exponent, from 0.1 to 10)");
    duplicates.tail = *tail;
    duplicates.max_copies = static_cast<int>(copies->integer("max", 1, 100'000));
    copies->finish();
  }
  duplicates.spread = reader.optional_duration("spread").value_or(0);
  reader.finish();
  return duplicates;
}

// Rejects the keys of the other delivery kind, so a polling setting on a webhook connector is not silently ignored.
void check_kind_keys(ObjectReader& reader, ConnectorSpec::Kind kind)
{
  static const std::vector<std::string> webhook_keys = {"timeout", "ack_latency", "retry", "duplicates"};
  static const std::vector<std::string> polling_keys = {"interval", "batch", "state", "seen_capacity"};
  const auto& foreign = kind == ConnectorSpec::Kind::polling ? webhook_keys : polling_keys;
  for (const auto& key : foreign)
    if (reader.has(key))
      reader.fail(key, "\"" + key + "\" does not apply to a " + kind_name(kind) + " connector");
}

} // namespace

void read_connector_settings(ObjectReader& reader, ConnectorSpec& spec)
{
  check_kind_keys(reader, spec.kind);
  if (auto latency = reader.optional_distribution("latency"))
    spec.latency = *latency;
  if (auto timeout = reader.optional_duration("timeout"))
    spec.timeout = *timeout;
  if (auto ack = reader.optional_distribution("ack_latency"))
    spec.ack_latency = *ack;
  if (auto retry = reader.optional_object("retry"))
    spec.retry = read_retry(*retry);
  if (auto duplicates = reader.optional_object("duplicates"))
    spec.duplicates = read_duplicates(*duplicates);
  if (auto interval = reader.optional_duration("interval")) {
    if (*interval <= 0)
      reader.fail("interval", "expected a positive duration, found \"0s\"");
    spec.poll_interval = *interval;
  }
  if (auto batch = reader.optional_integer("batch", 1, 10'000'000))
    spec.batch = static_cast<std::size_t>(*batch);
  if (reader.has("state"))
    spec.poll_state = reader.choice("state", {"cursor", "seen_ids"}) == "seen_ids" ? ConnectorSpec::PollState::seen_ids
                                                                                   : ConnectorSpec::PollState::cursor;
  if (auto capacity = reader.optional_integer("seen_capacity", 1, 1'000'000'000))
    spec.seen_capacity = static_cast<std::size_t>(*capacity);
}

void load_connectors(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("connectors")) {
    ConnectorSpec spec;
    spec.latency = Distribution::constant(0);
    spec.ack_latency = Distribution::constant(0);
    spec.id = context.read_id(reader, context.connectors, scenario.connectors.size(), "connector");
    if (auto model = reader.optional_string("model")) {
      spec.model = *model;
      apply_connector_preset(reader, *model, context, spec);
    }
    const std::string preset_kind = kind_name(spec.kind);
    const std::string kind = reader.choice("kind", {"webhook", "polling"}, preset_kind);
    if (!spec.model.empty() && kind != preset_kind)
      reader.fail("kind", "model \"" + spec.model + "\" is a " + preset_kind + " connector, found \"" + kind + "\"");
    spec.kind = kind == "polling" ? ConnectorSpec::Kind::polling : ConnectorSpec::Kind::webhook;
    spec.source = context.resolve(reader, "source", context.sources, "source");
    read_connector_settings(reader, spec);
    if (spec.kind == ConnectorSpec::Kind::polling && spec.poll_interval <= 0)
      reader.fail_here("missing required key \"interval\" (the polling interval, such as \"5m\")");
    reader.finish();
    scenario.connectors.push_back(std::move(spec));
  }
}

} // namespace stormsim
