#include "model/ListStore.hpp"

#include "model/World.hpp"

namespace stormsim {

ListStore::ListStore(World& world, const ListSpec& spec, std::uint32_t index)
    : world_(world), spec_(spec), index_(index), rng_(world.seed(), "list/" + spec.id)
{
}

void ListStore::write(const Delivery& delivery, std::uint32_t writer)
{
  auto& recorder = world_.recorder();
  ++recorder.list_items_written;
  // A change made by a flow that this list triggers comes back to the pipeline as a trigger: a feedback loop.
  Delivery change = delivery;
  if (writer != person && world_.flow(writer).spec().trigger_list == index_)
    change.origin = Origin::loop;

  auto& queue = world_.queue();
  for (std::uint32_t flow : flows_) {
    if (!world_.flow(flow).passes_trigger_condition(writer)) {
      ++recorder.flows[flow].skipped_by_condition;
      continue;
    }
    queue.schedule(queue.now() + spec_.trigger_latency.sample(rng_), Flow::on_trigger, &world_.flow(flow),
                   change.pack());
  }
}

} // namespace stormsim
