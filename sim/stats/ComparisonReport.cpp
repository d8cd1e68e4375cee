// Formats comparison tables as aligned text, Markdown, CSV and JSON.
#include "stats/ComparisonReport.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <vector>

namespace stormsim {
namespace {

// Rounds for reading: whole numbers stay whole, other values keep about four significant digits.
std::string format_number(std::optional<double> value)
{
  if (!value)
    return "n/a";
  const double x = *value == 0 ? 0.0 : *value; // prints -0 as 0
  const double magnitude = std::fabs(x);
  int decimals = 3;
  if (x == std::floor(x) || magnitude >= 1000)
    decimals = 0;
  else if (magnitude >= 100)
    decimals = 1;
  else if (magnitude >= 10)
    decimals = 2;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  return buffer;
}

std::string format_interval(const MeanEstimate& estimate)
{
  if (!estimate.half_width)
    return "n/a";
  return "[" + format_number(estimate.low()) + ", " + format_number(estimate.high()) + "]";
}

std::string format_count(std::size_t n, std::size_t replications)
{
  return n == replications ? std::to_string(n) : std::to_string(n) + "/" + std::to_string(replications);
}

std::string percent(double level)
{
  return format_number(level * 100) + "%";
}

using Row = std::vector<std::string>;

std::vector<Row> table_rows(const Comparison& comparison, std::size_t m)
{
  std::vector<Row> rows;
  for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
    const auto& cell = comparison.cells[m][v];
    Row row{comparison.variants[v], format_count(cell.estimate.n, comparison.replications),
            format_number(cell.estimate.mean), format_interval(cell.estimate), "", ""};
    if (cell.difference) {
      row[4] = format_number(cell.difference->mean);
      row[5] = format_interval(*cell.difference);
    }
    rows.push_back(row);
  }
  return rows;
}

void write_text(std::ostream& out, const Comparison& comparison, const std::string& title)
{
  const std::string& reference = comparison.variants.front();
  out << title << ": " << comparison.replications << " replications per variant, replication r of every variant on "
      << "the same seed.\n"
      << "mean and " << percent(comparison.level) << " confidence interval (Student t); difference = variant minus "
      << reference << ", paired by seed.\n"
      << "n counts the runs whose value is not null.\n";
  const Row header{"variant", "n", "mean", percent(comparison.level) + " CI", "difference", "difference CI"};
  const bool right_aligned[] = {false, true, true, false, true, false};
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    std::vector<Row> rows = table_rows(comparison, m);
    rows.insert(rows.begin(), header);
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& row : rows)
      for (std::size_t c = 0; c < row.size(); ++c)
        widths[c] = std::max(widths[c], row[c].size());
    out << '\n' << comparison.metrics[m] << '\n';
    for (const auto& row : rows) {
      std::string line = " ";
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string padding(widths[c] - row[c].size(), ' ');
        line += "  " + (right_aligned[c] ? padding + row[c] : row[c] + padding);
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
    }
  }
}

void write_markdown(std::ostream& out, const Comparison& comparison, const std::string& title)
{
  const std::string level = percent(comparison.level);
  out << "**" << title << "**: " << comparison.replications << " replications per variant on common seeds; "
      << "difference = variant minus " << comparison.variants.front() << ", paired by seed.\n\n";
  out << "| metric | variant | n | mean | " << level << " CI | difference | difference " << level << " CI |\n";
  out << "|---|---|--:|--:|---|--:|---|\n";
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m)
    for (const auto& row : table_rows(comparison, m))
      out << "| " << comparison.metrics[m] << " | " << row[0] << " | " << row[1] << " | " << row[2] << " | " << row[3]
          << " | " << row[4] << " | " << row[5] << " |\n";
}

nlohmann::ordered_json number_or_null(std::optional<double> value)
{
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::string csv_number(std::optional<double> value)
{
  return value ? nlohmann::ordered_json(*value).dump() : "";
}

void write_csv(std::ostream& out, const Comparison& comparison)
{
  out << "metric,variant,replications,n,mean,ci_low,ci_high,difference_n,difference_mean,difference_low,"
         "difference_high\n";
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
      const auto& cell = comparison.cells[m][v];
      out << comparison.metrics[m] << ',' << comparison.variants[v] << ',' << comparison.replications << ','
          << cell.estimate.n << ',' << csv_number(cell.estimate.mean) << ',' << csv_number(cell.estimate.low()) << ','
          << csv_number(cell.estimate.high()) << ',';
      if (cell.difference)
        out << cell.difference->n << ',' << csv_number(cell.difference->mean) << ','
            << csv_number(cell.difference->low()) << ',' << csv_number(cell.difference->high());
      else
        out << ",,,";
      out << '\n';
    }
  }
}

nlohmann::ordered_json estimate_json(const MeanEstimate& estimate)
{
  return {{"n", estimate.n},
          {"mean", number_or_null(estimate.mean)},
          {"ci_low", number_or_null(estimate.low())},
          {"ci_high", number_or_null(estimate.high())}};
}

void write_json(std::ostream& out, const Comparison& comparison, const std::string& title)
{
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (std::size_t m = 0; m < comparison.metrics.size(); ++m) {
    nlohmann::ordered_json variants = nlohmann::ordered_json::array();
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
      const auto& cell = comparison.cells[m][v];
      nlohmann::ordered_json entry = {{"variant", comparison.variants[v]}};
      entry.update(estimate_json(cell.estimate));
      entry["difference"] = cell.difference ? estimate_json(*cell.difference) : nlohmann::ordered_json(nullptr);
      variants.push_back(entry);
    }
    metrics.push_back({{"metric", comparison.metrics[m]}, {"variants", variants}});
  }
  const nlohmann::ordered_json report = {{"scenario", title},
                                         {"replications", comparison.replications},
                                         {"confidence_level", comparison.level},
                                         {"reference", comparison.variants.front()},
                                         {"metrics", metrics}};
  out << report.dump(2) << '\n';
}

} // namespace

void write_comparison(std::ostream& out, const Comparison& comparison, ReportFormat format, const std::string& title)
{
  switch (format) {
    case ReportFormat::text:
      write_text(out, comparison, title);
      break;
    case ReportFormat::markdown:
      write_markdown(out, comparison, title);
      break;
    case ReportFormat::csv:
      write_csv(out, comparison);
      break;
    case ReportFormat::json:
      write_json(out, comparison, title);
      break;
  }
}

} // namespace stormsim
