// One replication as `check`, `compare` and `sweep` request it: which scenario, variant and seed to run, and its
// summary once the child `stormsim run` has finished.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace stormsim {

struct ReplicationRequest {
  std::string scenario;                // scenario file
  std::string variant;                 // empty for the base scenario
  std::uint64_t seed = 0;
  std::vector<std::string> overrides;  // POINTER=VALUE, passed on as --set
  bool keep_timeline = false;          // also return the run's timeline.csv
  std::string label;                   // names the replication in messages, such as "variant dedup, seed 7"
};

struct ReplicationResult {
  nlohmann::ordered_json summary;
  std::string timeline_csv;  // empty unless the request kept the timeline
};

// Settings shared by all replications of one command.
struct ReplicationSettings {
  int jobs = 1;
  std::string models_dir;                // passed on as --models when not empty
  std::vector<std::string> engine_args;  // SimGrid's --cfg= and --log= flags
  std::string progress_label;
};

// Runs every request in a child process, at most `settings.jobs` at a time, and passes each result to `on_result`
// in request order. A child that reports invalid input (exit code 2) raises InputError with the child's message;
// any other failure raises std::runtime_error. Notices that a successful child prints on stderr are copied to this
// process's stderr with the request's label.
void run_replications(const std::vector<ReplicationRequest>& requests, const ReplicationSettings& settings,
                      const std::function<void(std::size_t, ReplicationResult&&)>& on_result);

// The number of jobs when the user gives none: the number of processors, or 1 when it is unknown.
int default_jobs();

} // namespace stormsim
