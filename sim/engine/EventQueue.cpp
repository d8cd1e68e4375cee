#include "engine/EventQueue.hpp"

#include "core/Assert.hpp"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace stormsim {

EventQueue::EventQueue(double end_date, std::uint64_t event_budget) : end_date_(end_date), event_budget_(event_budget)
{
  heap_.reserve(1024);
}

void EventQueue::schedule(double date, Handler handler, void* context, std::uint64_t argument)
{
  STORMSIM_ASSERT(date >= now_, "an event was scheduled in the past");
  // Events at or after the end date can never run, so they are not stored: a runaway loop then stays bounded.
  if (date >= end_date_ || !stop_reason_.empty())
    return;
  const bool new_head = heap_.empty() || date < heap_.front().date;
  heap_.push_back(Event{date, next_sequence_++, handler, context, argument});
  std::push_heap(heap_.begin(), heap_.end(), later);
  if (new_head && head_listener_)
    head_listener_(date);
}

double EventQueue::next_date() const
{
  return heap_.empty() ? end_date_ : heap_.front().date;
}

void EventQueue::run_until(double date)
{
  // After a budget stop the clock stays at the last event, so the summary reports where the run really ended.
  if (!stop_reason_.empty())
    return;
  while (!heap_.empty() && heap_.front().date <= date) {
    if (processed_ >= event_budget_) {
      stop("event_budget");
      return;
    }
    if (memory_budget_ != 0 && (processed_ & 0xffff) == 0 && resident_bytes() > memory_budget_) {
      stop("memory_budget");
      return;
    }
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const Event event = heap_.back();
    heap_.pop_back();
    now_ = event.date;
    ++processed_;
    event.handler(event.context, event.argument);
  }
  if (now_ < date && date <= end_date_)
    now_ = date;
}

std::uint64_t resident_bytes()
{
  // The second field of /proc/self/statm is the resident set size in pages.
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr)
    return 0;
  unsigned long long size = 0;
  unsigned long long resident = 0;
  const int fields = std::fscanf(statm, "%llu %llu", &size, &resident);
  std::fclose(statm);
  return fields == 2 ? resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

void EventQueue::stop(const char* reason)
{
  stop_reason_ = reason;
  heap_.clear();
  heap_.shrink_to_fit();
}

} // namespace stormsim
