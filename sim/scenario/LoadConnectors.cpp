// Loading of connectors: how source events reach flows.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {

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

} // namespace stormsim
