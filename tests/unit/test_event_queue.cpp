#include "engine/EventQueue.hpp"

#include <catch2/catch.hpp>

#include <vector>

using stormsim::EventQueue;

namespace {

struct Log {
  EventQueue* queue;
  std::vector<std::pair<double, std::uint64_t>> entries;
};

void record(void* context, std::uint64_t argument)
{
  auto* log = static_cast<Log*>(context);
  log->entries.emplace_back(log->queue->now(), argument);
}

void reschedule_same_date(void* context, std::uint64_t argument)
{
  auto* log = static_cast<Log*>(context);
  record(context, argument);
  if (argument < 3)
    log->queue->schedule(log->queue->now(), reschedule_same_date, context, argument + 1);
}

} // namespace

TEST_CASE("event queue runs events in date order", "[engine]")
{
  EventQueue queue(100, 1000);
  Log log{&queue, {}};

  queue.schedule(5, record, &log, 1);
  queue.schedule(2, record, &log, 2);
  queue.schedule(9, record, &log, 3);
  queue.run_all();

  REQUIRE(log.entries.size() == 3);
  CHECK(log.entries[0] == std::make_pair(2.0, std::uint64_t{2}));
  CHECK(log.entries[1] == std::make_pair(5.0, std::uint64_t{1}));
  CHECK(log.entries[2] == std::make_pair(9.0, std::uint64_t{3}));
}

TEST_CASE("event queue keeps insertion order for ties", "[engine]")
{
  EventQueue queue(100, 1000);
  Log log{&queue, {}};

  for (std::uint64_t i = 0; i < 50; ++i)
    queue.schedule(7, record, &log, i);
  queue.run_all();

  REQUIRE(log.entries.size() == 50);
  for (std::uint64_t i = 0; i < 50; ++i)
    CHECK(log.entries[i].second == i);
}

TEST_CASE("event queue runs events added at the current date", "[engine]")
{
  EventQueue queue(100, 1000);
  Log log{&queue, {}};

  queue.schedule(1, reschedule_same_date, &log, 0);
  queue.run_all();

  REQUIRE(log.entries.size() == 4);
  CHECK(log.entries.back() == std::make_pair(1.0, std::uint64_t{3}));
}

TEST_CASE("event queue drops events at or after the end", "[engine]")
{
  EventQueue queue(10, 1000);
  Log log{&queue, {}};

  queue.schedule(9.5, record, &log, 1);
  queue.schedule(10, record, &log, 2);
  queue.schedule(11, record, &log, 3);
  queue.run_all();

  REQUIRE(log.entries.size() == 1);
  CHECK(queue.stop_reason().empty());
}

TEST_CASE("event queue stops at its event budget", "[engine]")
{
  EventQueue queue(100, 3);
  Log log{&queue, {}};

  for (std::uint64_t i = 0; i < 10; ++i)
    queue.schedule(static_cast<double>(i), record, &log, i);
  queue.run_all();

  CHECK(log.entries.size() == 3);
  CHECK(queue.events_processed() == 3);
  CHECK(queue.stop_reason() == "event_budget");
  CHECK(queue.empty());
}
