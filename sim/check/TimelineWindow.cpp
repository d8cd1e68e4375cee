// Sums timeline rows per minute and slides a window over the sums.
#include "check/TimelineWindow.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace stormsim {
namespace {

std::vector<std::string> split_csv_line(const std::string& line)
{
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ','))
    fields.push_back(field);
  if (!line.empty() && line.back() == ',')
    fields.emplace_back();
  return fields;
}

std::size_t column_index(const std::vector<std::string>& header, const std::string& name)
{
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end())
    throw std::runtime_error("timeline.csv has no column \"" + name + "\"");
  return static_cast<std::size_t>(it - header.begin());
}

const char* recording_kind(const std::string& column)
{
  if (column == "runs_started" || column == "runs_unwanted" || column == "emails_submitted")
    return "flow";
  return "mailbox";
}

// Sums `column` over the rows of the component kind that records it, one total per minute.
std::vector<std::uint64_t> per_minute_totals(const std::string& timeline_csv, const std::string& column)
{
  std::istringstream in(timeline_csv);
  std::string line;
  if (!std::getline(in, line))
    throw std::runtime_error("timeline.csv is empty");
  const auto header = split_csv_line(line);
  const std::size_t t_index = column_index(header, "t_s");
  const std::size_t kind_index = column_index(header, "kind");
  const std::size_t value_index = column_index(header, column);
  const std::string kind = recording_kind(column);

  std::vector<std::uint64_t> totals;
  while (std::getline(in, line)) {
    const auto fields = split_csv_line(line);
    if (fields.size() != header.size())
      throw std::runtime_error("timeline.csv row has " + std::to_string(fields.size()) + " fields, expected " +
                               std::to_string(header.size()) + ": " + line);
    if (fields[kind_index] != kind)
      continue;
    const auto minute = static_cast<std::size_t>(std::stoll(fields[t_index]) / 60);
    if (minute >= totals.size())
      totals.resize(minute + 1, 0);
    totals[minute] += std::stoull(fields[value_index]);
  }
  return totals;
}

} // namespace

std::uint64_t max_in_window(const std::string& timeline_csv, const std::string& column, int minutes)
{
  const std::vector<std::uint64_t> totals = per_minute_totals(timeline_csv, column);
  const auto width = static_cast<std::size_t>(minutes);
  std::uint64_t window = 0;
  std::uint64_t best = 0;
  for (std::size_t minute = 0; minute < totals.size(); ++minute) {
    window += totals[minute];
    if (minute >= width)
      window -= totals[minute - width];
    best = std::max(best, window);
  }
  return best;
}

} // namespace stormsim
