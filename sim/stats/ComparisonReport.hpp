// Writes a comparison for people (a text table or Markdown) or for programs (CSV or JSON).
#pragma once

#include "stats/Comparison.hpp"

#include <iosfwd>
#include <string>

namespace stormsim {

// The formats of `compare --format`.
enum class ReportFormat { text, markdown, csv, json };

// Writes `comparison` in `format`. `title` names the scenario in the text and Markdown headings.
void write_comparison(std::ostream& out, const Comparison& comparison, ReportFormat format, const std::string& title);

} // namespace stormsim
