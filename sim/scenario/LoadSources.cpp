// Loading of trigger sources: their arrivals, recurrence, history and recipients.
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
    for (auto& surge : reader.objects("surges")) {
      RateSurge period;
      period.from = surge.time_point("from", start);
      period.until = surge.time_point("until", start);
      period.factor = surge.optional_number("factor", 0.001, 1e6).value_or(1);
      if (period.until <= period.from)
        surge.fail("until", "expected a time after \"from\"");
      if (!arrivals.surges.empty() && period.from < arrivals.surges.back().until)
        surge.fail("from", "expected surges in time order without overlap");
      surge.finish();
      arrivals.surges.push_back(period);
    }
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

// A recurring source re-delivers every real event at each tick, as a scheduled flow without an "already notified"
// marker does. "pending" events are the ones waiting when the scenario starts.
void read_recurrence(ObjectReader& reader, SourceSpec& spec, const DateTime& start)
{
  spec.pending = static_cast<int>(reader.optional_integer("pending", 0, 10'000'000).value_or(0));
  if (auto every = reader.optional_duration("every")) {
    if (*every <= 0)
      reader.fail("every", "expected a positive duration such as \"1h\"");
    spec.every = *every;
    spec.first_tick = reader.optional_time_point("first_tick", start).value_or(0);
  } else if (spec.pending > 0) {
    reader.fail("pending", "pending events are delivered only by ticks: add \"every\", such as \"1h\"");
  }
}

} // namespace

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
    read_recurrence(reader, spec, scenario.start);
    reader.finish();
    scenario.sources.push_back(std::move(spec));
  }
}

} // namespace stormsim
