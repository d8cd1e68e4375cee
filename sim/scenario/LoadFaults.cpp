// Loading of faults: what goes wrong in the pipeline, where and when.
#include "scenario/LoadContext.hpp"

namespace stormsim {

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

} // namespace stormsim
