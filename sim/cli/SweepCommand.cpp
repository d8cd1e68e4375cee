// Validates every point of a sweep, runs this shard's points and writes their summaries as CSV rows.
#include "cli/SweepCommand.hpp"

#include "check/SummaryMetric.hpp"
#include "cli/ExitCode.hpp"
#include "cli/ReplicationRun.hpp"
#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/ReplicationSeed.hpp"
#include "stats/SweepGrid.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

namespace stormsim {
namespace {

struct SweepPoint {
  std::vector<std::string> overrides;  // POINTER=VALUE for each axis
  std::vector<std::string> values;     // the values as written
  std::uint64_t seed = 0;              // the point's scenario seed, from which replication seeds derive
};

SweepGrid make_grid(const SweepOptions& options)
{
  std::vector<SweepAxis> axes;
  std::set<std::string> pointers;
  for (const auto& text : options.axes) {
    SweepAxis axis;
    try {
      axis = parse_sweep_axis(text);
    } catch (const std::invalid_argument& error) {
      throw InputError(std::string("--set: ") + error.what());
    }
    if (!pointers.insert(axis.pointer).second)
      throw InputError("--set " + text + ": " + axis.pointer + " is swept twice; give all its values in one --set");
    axes.push_back(std::move(axis));
  }
  return SweepGrid(std::move(axes));
}

SweepPoint make_point(const SweepGrid& grid, std::size_t index)
{
  SweepPoint point;
  const auto coordinates = grid.coordinates(index);
  for (std::size_t a = 0; a < grid.axes().size(); ++a) {
    const auto& axis = grid.axes()[a];
    point.values.push_back(axis.values[coordinates[a]]);
    point.overrides.push_back(axis.pointer + "=" + axis.values[coordinates[a]]);
  }
  return point;
}

// Loads every point, not only this shard's, so that bad values stop the sweep before anything runs and every shard
// writes the same columns.
std::vector<SweepPoint> load_points(const SweepOptions& options, const SweepGrid& grid,
                                    std::vector<SummaryMetric>& columns)
{
  LoadOptions load;
  load.models_dir = options.models_dir.empty() ? default_models_dir() : options.models_dir;
  if (!options.variant.empty())
    load.variant = options.variant;
  std::vector<SweepPoint> points;
  std::set<std::string> seen{"sim.seed"};  // the seed has its own column
  for (std::size_t p = 0; p < grid.point_count(); ++p) {
    SweepPoint point = make_point(grid, p);
    LoadOptions point_load = load;
    for (const auto& text : point.overrides)
      point_load.overrides.push_back(parse_override(text));
    const Scenario scenario = load_scenario(options.scenario, point_load);
    point.seed = scenario.seed;
    for (auto& metric : summary_metrics(scenario))
      if (seen.insert(metric.name).second)
        columns.push_back(std::move(metric));
    points.push_back(std::move(point));
  }
  return points;
}

// Writes whole numbers without a fraction and other numbers in the shortest form that reads back exactly.
std::string format_cell(double value)
{
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) // 2^53: every integer below is exact
    return std::to_string(static_cast<std::int64_t>(value));
  return nlohmann::ordered_json(value).dump();
}

std::string header_line(const SweepGrid& grid, const std::vector<SummaryMetric>& columns)
{
  std::string line = "point,replication,seed";
  for (const auto& axis : grid.axes())
    line += "," + csv_field(axis.pointer);
  for (const auto& column : columns)
    line += "," + csv_field(column.name);
  return line + "\n";
}

std::string row_line(std::size_t point_index, std::size_t replication, const ReplicationRequest& request,
                     const SweepPoint& point, const std::vector<SummaryMetric>& columns,
                     const nlohmann::ordered_json& summary)
{
  std::string line = std::to_string(point_index) + "," + std::to_string(replication) + "," +
                     std::to_string(request.seed);
  for (const auto& value : point.values)
    line += "," + csv_field(value);
  for (const auto& column : columns) {
    line += ",";
    if (const std::optional<double> value = read_metric(summary, column))
      line += format_cell(*value);
  }
  return line + "\n";
}

// Writes to a temporary file next to the target and renames it at the end, so a failed sweep leaves no half file.
class CsvOutput {
public:
  explicit CsvOutput(std::string path) : path_(std::move(path))
  {
    if (path_.empty())
      return;
    file_.open(partial_path(), std::ios::binary | std::ios::trunc);
    if (!file_)
      throw InputError("--out " + path_ + ": cannot write file: " + std::strerror(errno));
  }
  ~CsvOutput()
  {
    if (!path_.empty() && !committed_)
      std::remove(partial_path().c_str());
  }

  std::ostream& stream() { return path_.empty() ? std::cout : file_; }

  void commit()
  {
    if (path_.empty()) {
      std::cout.flush();
      return;
    }
    file_.close();
    if (!file_ || std::rename(partial_path().c_str(), path_.c_str()) != 0)
      throw InputError("--out " + path_ + ": cannot write file: " + std::strerror(errno));
    committed_ = true;
  }

private:
  std::string partial_path() const { return path_ + ".partial"; }

  std::string path_;
  std::ofstream file_;
  bool committed_ = false;
};

} // namespace

std::string csv_field(const std::string& text)
{
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (char c : text)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

CLI::App* setup_sweep(CLI::App& app, SweepOptions& options)
{
  auto* sweep = app.add_subcommand("sweep", "Run every combination of the given scenario values and write one CSV row "
                                            "per run");
  sweep->add_option("scenario", options.scenario, "Scenario file")->required();
  sweep->add_option("--set", options.axes,
                    "Values for one scenario value: POINTER=V1,V2,..., for example /guards/0/limit=5,10,20 "
                    "(repeatable; the last --set varies fastest)")
      ->required()
      ->allow_extra_args(false);
  sweep->add_option("--variant", options.variant, "Apply the named variant before setting values");
  sweep->add_option("--replications", options.replications, "Runs per point, each with its own seed (default: 1)")
      ->check(CLI::Range(1, 1'000'000));
  sweep->add_option("--jobs", options.jobs, "Runs at the same time (default: the number of processors)")
      ->check(CLI::Range(1, 4096));
  sweep->add_option("--shard", options.shard,
                    "Run only points I, I+N, I+2N, ... of the grid, as I/N with I counted from 0; join the shards' "
                    "files with `stormsim merge`");
  sweep->add_option("--out", options.out, "Write the CSV to this file instead of standard output");
  sweep->add_option("--models", options.models_dir, "Directory of vendor presets");
  return sweep;
}

int run_sweep(const SweepOptions& options)
{
  Shard shard;
  if (!options.shard.empty()) {
    try {
      shard = parse_shard(options.shard);
    } catch (const std::invalid_argument& error) {
      throw InputError(std::string("--shard: ") + error.what());
    }
  }
  const SweepGrid grid = make_grid(options);
  std::vector<SummaryMetric> columns;
  const std::vector<SweepPoint> points = load_points(options, grid, columns);

  std::vector<ReplicationRequest> requests;
  std::vector<std::size_t> request_point;
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!shard.contains(p))
      continue;
    for (int r = 0; r < options.replications; ++r) {
      const std::uint64_t seed = replication_seed(points[p].seed, static_cast<std::uint64_t>(r));
      requests.push_back(ReplicationRequest{options.scenario, options.variant, seed, points[p].overrides, false,
                                            "point " + std::to_string(p) + " seed " + std::to_string(seed)});
      request_point.push_back(p);
    }
  }

  CsvOutput output(options.out);
  output.stream() << header_line(grid, columns);
  ReplicationSettings settings;
  settings.jobs = options.jobs > 0 ? options.jobs : default_jobs();
  settings.models_dir = options.models_dir;
  settings.engine_args = options.engine_args;
  settings.progress_label = "sweep";
  run_replications(requests, settings, [&](std::size_t index, ReplicationResult&& result) {
    const std::size_t p = request_point[index];
    const std::size_t replication = index % static_cast<std::size_t>(options.replications);
    output.stream() << row_line(p, replication, requests[index], points[p], columns, result.summary);
  });
  output.commit();
  return exit_success;
}

} // namespace stormsim
