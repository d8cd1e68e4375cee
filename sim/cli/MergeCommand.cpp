// Reads sweep shard files, checks that they belong together and cover the grid, and writes their rows in order.
#include "cli/MergeCommand.hpp"

#include "cli/ExitCode.hpp"
#include "core/InputError.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <utility>

namespace stormsim {
namespace {

struct RowPlace {
  std::string file;
  std::size_t line = 0;
};

struct MergedRows {
  std::string header;
  std::string header_file;
  std::map<std::pair<std::size_t, std::size_t>, std::pair<std::string, RowPlace>> rows;  // (point, replication)
};

std::string place(const RowPlace& where)
{
  return where.file + ":" + std::to_string(where.line);
}

std::size_t parse_index(const std::string& text, const RowPlace& where, const char* column)
{
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw InputError(place(where) + ": expected a whole number in column " + column + ", found \"" + text +
                     "\"; is this a file that `stormsim sweep` wrote?");
  return static_cast<std::size_t>(std::stoull(text));
}

void add_row(MergedRows& merged, const std::string& line, const RowPlace& where)
{
  const auto first = line.find(',');
  const auto second = first == std::string::npos ? std::string::npos : line.find(',', first + 1);
  if (second == std::string::npos)
    throw InputError(place(where) + ": expected a row that starts with point,replication, found \"" +
                     line.substr(0, 40) + "\"");
  const std::size_t point = parse_index(line.substr(0, first), where, "point");
  const std::size_t replication = parse_index(line.substr(first + 1, second - first - 1), where, "replication");
  const auto [it, inserted] = merged.rows.emplace(std::make_pair(point, replication), std::make_pair(line, where));
  if (!inserted)
    throw InputError(place(where) + ": duplicate row for point " + std::to_string(point) + " replication " +
                     std::to_string(replication) + ", also at " + place(it->second.second) +
                     "; was a shard given twice?");
}

void read_shard(MergedRows& merged, const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(path + ": cannot read file: " + std::strerror(errno));
  std::string line;
  RowPlace where{path, 1};
  if (!std::getline(in, line))
    throw InputError(path + ":1: expected the header line of a sweep CSV, found an empty file");
  if (line.rfind("point,replication,seed", 0) != 0)
    throw InputError(path + ":1: expected a header that starts with point,replication,seed, found \"" +
                     line.substr(0, 40) + "\"");
  if (merged.header.empty()) {
    merged.header = line;
    merged.header_file = path;
  } else if (line != merged.header) {
    throw InputError(path + ":1: the header differs from the one in " + merged.header_file +
                     ", so the files come from different sweeps");
  }
  while (std::getline(in, line)) {
    ++where.line;
    if (!line.empty())
      add_row(merged, line, where);
  }
}

// Checks that the rows form points 0..P-1, each with replications 0..R-1 for the same R.
void check_complete(const MergedRows& merged)
{
  std::map<std::size_t, std::size_t> replications; // point -> rows seen, in order
  for (const auto& [key, row] : merged.rows) {
    const auto [point, replication] = key;
    if (replications.empty() && point != 0)
      throw InputError(place(row.second) + ": found point " + std::to_string(point) +
                       " but no point 0; is a shard missing?");
    const std::size_t expected_point = replications.empty() ? 0 : replications.rbegin()->first;
    if (point != expected_point && point != expected_point + 1)
      throw InputError(place(row.second) + ": found point " + std::to_string(point) + " but no point " +
                       std::to_string(point - 1) + "; is a shard missing?");
    std::size_t& seen = replications[point];
    if (replication != seen)
      throw InputError(place(row.second) + ": found replication " + std::to_string(replication) + " of point " +
                       std::to_string(point) + " but no replication " + std::to_string(seen) +
                       "; is a shard incomplete?");
    ++seen;
  }
  for (const auto& [point, count] : replications)
    if (count != replications.begin()->second)
      throw InputError("point " + std::to_string(point) + " has " + std::to_string(count) + " replications and point 0 "
                       "has " + std::to_string(replications.begin()->second) + "; is a shard incomplete?");
}

} // namespace

CLI::App* setup_merge(CLI::App& app, MergeOptions& options)
{
  auto* merge = app.add_subcommand("merge", "Join the CSV files of `stormsim sweep --shard` into the file one "
                                            "unsharded sweep writes");
  merge->add_option("shards", options.shards, "CSV files written by sweep --shard I/N, in any order")->required();
  merge->add_option("--out", options.out, "Write the merged CSV to this file instead of standard output");
  return merge;
}

int run_merge(const MergeOptions& options)
{
  MergedRows merged;
  for (const auto& path : options.shards)
    read_shard(merged, path);
  check_complete(merged);

  std::string text = merged.header + "\n";
  for (const auto& [key, row] : merged.rows)
    text += row.first + "\n";
  if (options.out.empty()) {
    std::cout << text;
    return exit_success;
  }
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out)
    throw InputError("--out " + options.out + ": cannot write file: " + std::strerror(errno));
  return exit_success;
}

} // namespace stormsim
