// Per-minute counts for each component, written as timeline.csv.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace stormsim {

struct DateTime;

struct TimelineBucket {
  std::uint64_t runs_started = 0;
  std::uint64_t runs_unwanted = 0;
  std::uint64_t emails_submitted = 0;
  std::uint64_t emails_delivered = 0;
  std::uint64_t wanted_delivered = 0;
  std::uint64_t unwanted_delivered = 0;
  std::uint64_t blocked = 0;
  std::uint64_t rejected = 0;
  std::int64_t queued = -1; // queue length at the last change in this minute; -1 when nothing changed
};

// Buckets are allocated on first use, so memory grows with the simulated time that saw activity, at 80 bytes per
// component and minute.
class Timeline {
public:
  static constexpr double bucket_seconds = 60;

  void add_component(std::string name, std::string kind);
  TimelineBucket& at(std::size_t component, double now);
  std::size_t component_count() const { return names_.size(); }

  // Writes one row per minute and component from the start to `end_s`, with queue lengths carried forward.
  void write_csv(std::ostream& out, const DateTime& start, double end_s) const;

  // Largest number of deliveries by all mailboxes together within one minute bucket.
  std::uint64_t peak_delivered_per_minute() const;

private:
  std::vector<std::string> names_;
  std::vector<std::string> kinds_;
  std::vector<std::vector<TimelineBucket>> buckets_;
};

} // namespace stormsim
