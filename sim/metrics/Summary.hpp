// The run summary: the metrics users and CI scripts read, as JSON and as a text table.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>

#include "core/Units.hpp"

namespace stormsim {

class World;

using Summary = nlohmann::ordered_json;

// Builds the summary after a run. Times are seconds from the scenario's start, rounded to the millisecond;
// a time that never happened (no storm, no detection) is null.
Summary build_summary(World& world);

// Writes the summary for people: the same names as the JSON keys, grouped by section. Moments of the run are also
// shown as date and time, from the scenario's `start`.
void write_summary_text(std::ostream& out, const Summary& summary, const DateTime& start);

// Nearest-rank percentile (p in (0, 100]) of a non-empty list of counts, which it sorts.
std::uint64_t nearest_rank_percentile(std::vector<std::uint32_t>& values, double p);

} // namespace stormsim
