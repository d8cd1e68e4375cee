// Windowed counts from a run's timeline.csv, for expectations such as max_in_window(unwanted_delivered, 10m).
#pragma once

#include <cstdint>
#include <string>

namespace stormsim {

// Returns the largest sum of `column` over `minutes` consecutive minutes of a timeline.csv text, sliding by one
// minute. Each minute sums the rows of one component kind: flow rows for runs_started, runs_unwanted and
// emails_submitted, which flows record, and mailbox rows for the delivery counts, which mailboxes record. A timeline
// shorter than the window counts as one window. Throws std::runtime_error when the text lacks a needed column.
std::uint64_t max_in_window(const std::string& timeline_csv, const std::string& column, int minutes);

} // namespace stormsim
