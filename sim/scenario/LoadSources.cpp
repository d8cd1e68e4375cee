// Loading of trigger sources: their arrivals, history and recipients.
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
    reader.finish();
    scenario.sources.push_back(std::move(spec));
  }
}

} // namespace stormsim
