// The text form of the summary: one line per metric, named by its JSON path with dots.
#include "metrics/Summary.hpp"

#include "core/Units.hpp"

#include <iomanip>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace stormsim {
namespace {

std::string format_value(const Summary& value)
{
  if (value.is_null())
    return "-";
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_array()) {
    std::string text;
    for (const auto& item : value) {
      if (!text.empty())
        text += ", ";
      text += item.is_object() ? item.dump() : format_value(item);
    }
    return text.empty() ? "-" : text;
  }
  return value.dump();
}

// Keys that hold a moment of the run in seconds from the start, as opposed to a duration.
bool is_moment(const std::string& name)
{
  const bool seconds = name.size() > 2 && name.compare(name.size() - 2, 2, "_s") == 0;
  return seconds && name.find("time_to_") == std::string::npos && name.find("delayed_s") == std::string::npos;
}

void flatten(const Summary& node, const std::string& prefix, const DateTime& start,
             std::vector<std::pair<std::string, std::string>>& rows)
{
  for (const auto& [key, value] : node.items()) {
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object() && !value.empty())
      flatten(value, name, start, rows);
    else if (value.is_array() && !value.empty() && value.front().is_object())
      for (std::size_t i = 0; i < value.size(); ++i)
        flatten(value[i], name + "." + std::to_string(i), start, rows);
    else if (value.is_number() && is_moment(name))
      rows.emplace_back(name, format_value(value) + "  (" + format_date_time(start, value.get<double>()) + ")");
    else
      rows.emplace_back(name, format_value(value));
  }
}

} // namespace

void write_summary_text(std::ostream& out, const Summary& summary, const DateTime& start)
{
  for (const auto& [section, body] : summary.items()) {
    std::vector<std::pair<std::string, std::string>> rows;
    flatten(body, section, start, rows);
    if (rows.empty())
      continue;
    std::size_t width = 0;
    for (const auto& row : rows)
      width = std::max(width, row.first.size());
    for (const auto& row : rows)
      out << std::left << std::setw(static_cast<int>(width) + 2) << row.first << row.second << '\n';
    out << '\n';
  }
}

} // namespace stormsim
