// A polling trigger: fetches new items from the source every interval, tracked by a cursor or by a set of seen ids.
#pragma once

#include "guards/DedupStore.hpp"
#include "model/Lineage.hpp"

#include <cstdint>
#include <optional>

namespace stormsim {

class World;
class Connector;

// Items are the source's events in creation order, so an index into the event list is both the item's id and a
// watermark. The source's history counts as already fetched when the run starts.
//
// - cursor: each poll returns up to `batch` items after the cursor, oldest first, and moves the cursor past them.
//   A backlog (after an outage or a cursor reset) drains one batch per poll.
// - seen_ids: each poll returns the newest `batch` items, and those whose id is not in the seen store trigger;
//   older unseen items are never returned, as with a service that lists only its newest items.
//
// An item fetched at or below the highest index delivered before is a redelivery (Origin::redelivery).
class PollingConnector {
public:
  PollingConnector(World& world, Connector& connector);

  void start();

  // Moves the cursor back: `last` items, or to the first item created at or after `since` (seconds from the start).
  // With neither, the cursor returns to the first item.
  void reset_cursor(std::optional<int> last, std::optional<double> since);
  void lose_seen_ids() { seen_.clear(); }
  // Gives every item a new id, as when a service changes its id format: every stored id stops matching.
  void change_id_format() { ++id_format_; }

  std::uint64_t cursor() const { return cursor_; }

private:
  static void on_poll(void* self, std::uint64_t poll_number);
  void poll(std::uint64_t poll_number);
  void poll_cursor();
  void poll_seen_ids();
  void fetch(std::uint32_t event);
  std::uint64_t item_id(std::uint32_t event) const { return (id_format_ << 40) | event; }
  std::uint32_t source_size() const;

  World& world_;
  Connector& connector_;
  std::uint64_t cursor_ = 0;         // the next item index a cursor poll returns
  std::uint64_t delivered_end_ = 0;  // one past the highest item index ever delivered
  std::uint64_t id_format_ = 0;
  guards::DedupStore seen_;
};

} // namespace stormsim
