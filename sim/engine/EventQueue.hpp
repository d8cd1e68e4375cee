// The simulation's future event list: high-volume events ordered by (date, insertion sequence).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace stormsim {

// An event is a plain function pointer with a context and one integer argument, so scheduling never allocates
// beyond the heap's own growth. Events at the same date run in the order they were scheduled.
class EventQueue {
public:
  using Handler = void (*)(void* context, std::uint64_t argument);

  struct Event {
    double date;
    std::uint64_t sequence;
    Handler handler;
    void* context;
    std::uint64_t argument;
  };

  // Called whenever the earliest pending date changes, so a driver (the SimGrid clock) can arm a timer for it.
  using HeadListener = std::function<void(double date)>;

  explicit EventQueue(double end_date, std::uint64_t event_budget);

  void schedule(double date, Handler handler, void* context, std::uint64_t argument = 0);

  // Runs every pending event whose date is at most `date`, in order; `now()` follows the events.
  void run_until(double date);

  // Runs every pending event before the end date or until the event budget is spent.
  void run_all() { run_until(end_date_); }

  double now() const { return now_; }
  double end_date() const { return end_date_; }
  bool empty() const { return heap_.empty(); }
  double next_date() const;
  std::uint64_t events_processed() const { return processed_; }
  std::size_t pending() const { return heap_.size(); }

  // Why the run ended early: empty when it ran to its end date, "event_budget" when the budget ran out.
  const std::string& stop_reason() const { return stop_reason_; }

  void set_head_listener(HeadListener listener) { head_listener_ = std::move(listener); }

  // Stops the run, as the event budget does, once the process's resident memory exceeds `bytes` (0: no limit).
  // Checked every 65,536 events, so the overshoot is what that many events allocate.
  void set_memory_budget(std::uint64_t bytes) { memory_budget_ = bytes; }

private:
  static bool later(const Event& a, const Event& b)
  {
    return a.date > b.date || (a.date == b.date && a.sequence > b.sequence);
  }
  void stop(const char* reason);

  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t processed_ = 0;
  double now_ = 0;
  double end_date_;
  std::uint64_t event_budget_;
  std::uint64_t memory_budget_ = 0;
  std::string stop_reason_;
  HeadListener head_listener_;
};

// The process's resident set size in bytes, or 0 where /proc is not available.
std::uint64_t resident_bytes();

} // namespace stormsim
