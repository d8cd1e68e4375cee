// The full factorial design of `stormsim sweep`: every combination of the values given for each scenario value.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stormsim {

// One swept value of the scenario: a JSON pointer and the texts to set it to, as written after "=".
struct SweepAxis {
  std::string pointer;
  std::vector<std::string> values;
};

// Parses "POINTER=V1,V2,...". Commas inside brackets, braces or double quotes do not split, so "[1,2]" stays one
// value. Throws std::invalid_argument when the text has no "=", the pointer does not start with "/", or a value is
// empty.
SweepAxis parse_sweep_axis(const std::string& text);

// Points are numbered from 0 like nested loops over the axes in order, the last axis varying fastest.
class SweepGrid {
public:
  explicit SweepGrid(std::vector<SweepAxis> axes);

  const std::vector<SweepAxis>& axes() const { return axes_; }
  std::size_t point_count() const { return point_count_; }
  // The value index on each axis of point `point`.
  std::vector<std::size_t> coordinates(std::size_t point) const;

private:
  std::vector<SweepAxis> axes_;
  std::size_t point_count_ = 1;
};

// A slice of the points for one of `count` machines: points index, index + count, index + 2 * count, ...
// `index` is 0-based, so Slurm's SLURM_ARRAY_TASK_ID with --array=0-(N-1) can be passed as is.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;

  bool contains(std::size_t point) const { return point % count == index; }
};

// Parses "I/N" with 0 <= I < N. Throws std::invalid_argument otherwise.
Shard parse_shard(const std::string& text);

} // namespace stormsim
