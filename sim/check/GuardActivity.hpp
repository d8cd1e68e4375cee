// Finds guards that never acted, so `check` can warn that a variant's expectations passed without its guards.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stormsim {

// Returns the ids among `guard_ids` that never acted in any of `summaries`: their blocked count is 0, so are their
// delayed and held counts where the summary has them, and their list of trips is empty.
std::vector<std::string> idle_guards(const std::vector<std::string>& guard_ids,
                                     const std::vector<nlohmann::ordered_json>& summaries);

} // namespace stormsim
