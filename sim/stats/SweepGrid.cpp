// Parses sweep axes and shards and numbers the points of the grid.
#include "stats/SweepGrid.hpp"

#include <limits>
#include <stdexcept>

namespace stormsim {
namespace {

std::vector<std::string> split_values(const std::string& text)
{
  std::vector<std::string> values;
  std::string current;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size())
        current += text[i++];
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      values.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  values.push_back(current);
  return values;
}

std::size_t parse_count(const std::string& text, const std::string& whole)
{
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9)
    throw std::invalid_argument("invalid shard \"" + whole + "\", expected I/N with whole numbers such as 0/4");
  return static_cast<std::size_t>(std::stoul(text));
}

} // namespace

SweepAxis parse_sweep_axis(const std::string& text)
{
  const auto equals = text.find('=');
  if (equals == std::string::npos || text.empty() || text[0] != '/')
    throw std::invalid_argument("invalid value \"" + text +
                                "\", expected POINTER=V1,V2,... with a JSON pointer such as /guards/0/limit=5,10,20");
  SweepAxis axis;
  axis.pointer = text.substr(0, equals);
  axis.values = split_values(text.substr(equals + 1));
  for (const auto& value : axis.values)
    if (value.empty())
      throw std::invalid_argument("invalid value \"" + text + "\", expected values that are not empty between commas");
  return axis;
}

SweepGrid::SweepGrid(std::vector<SweepAxis> axes) : axes_(std::move(axes))
{
  for (const auto& axis : axes_) {
    if (axis.values.empty())
      throw std::invalid_argument("sweep axis " + axis.pointer + " has no values");
    if (point_count_ > std::numeric_limits<std::size_t>::max() / axis.values.size())
      throw std::invalid_argument("the sweep has too many points to number");
    point_count_ *= axis.values.size();
  }
}

std::vector<std::size_t> SweepGrid::coordinates(std::size_t point) const
{
  std::vector<std::size_t> coordinates(axes_.size(), 0);
  for (std::size_t a = axes_.size(); a-- > 0;) {
    coordinates[a] = point % axes_[a].values.size();
    point /= axes_[a].values.size();
  }
  return coordinates;
}

Shard parse_shard(const std::string& text)
{
  const auto slash = text.find('/');
  if (slash == std::string::npos)
    throw std::invalid_argument("invalid shard \"" + text + "\", expected I/N such as 0/4");
  Shard shard;
  shard.index = parse_count(text.substr(0, slash), text);
  shard.count = parse_count(text.substr(slash + 1), text);
  if (shard.count == 0 || shard.index >= shard.count)
    throw std::invalid_argument("invalid shard \"" + text + "\", expected 0 <= I < N because shards count from 0");
  return shard;
}

} // namespace stormsim
