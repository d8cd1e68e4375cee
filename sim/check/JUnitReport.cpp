// Writes JUnit XML reports.
#include "check/JUnitReport.hpp"

#include <algorithm>
#include <ostream>

namespace stormsim {
namespace {

struct Counts {
  std::size_t tests = 0;
  std::size_t failures = 0;
};

Counts count(const std::vector<JUnitTestCase>& cases, const std::string* suite)
{
  Counts counts;
  for (const auto& test : cases) {
    if (suite != nullptr && test.suite != *suite)
      continue;
    ++counts.tests;
    if (test.failure)
      ++counts.failures;
  }
  return counts;
}

void write_case(std::ostream& out, const JUnitTestCase& test)
{
  out << "    <testcase classname=\"" << escape_xml(test.class_name) << "\" name=\"" << escape_xml(test.name) << "\"";
  if (!test.failure && test.output.empty()) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (test.failure)
    out << "      <failure message=\"" << escape_xml(*test.failure) << "\" type=\"expectation\">"
        << escape_xml(*test.failure) << "</failure>\n";
  if (!test.output.empty())
    out << "      <system-out>" << escape_xml(test.output) << "</system-out>\n";
  out << "    </testcase>\n";
}

} // namespace

std::string escape_xml(const std::string& text)
{
  std::string escaped;
  escaped.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          escaped += "\xEF\xBF\xBD";
        else
          escaped += static_cast<char>(c);
    }
  }
  return escaped;
}

void write_junit(std::ostream& out, const std::string& name, const std::vector<JUnitTestCase>& cases)
{
  std::vector<std::string> suites;
  for (const auto& test : cases)
    if (suites.empty() || std::find(suites.begin(), suites.end(), test.suite) == suites.end())
      suites.push_back(test.suite);

  const Counts total = count(cases, nullptr);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"" << escape_xml(name) << "\" tests=\"" << total.tests << "\" failures=\""
      << total.failures << "\" errors=\"0\">\n";
  for (const auto& suite : suites) {
    const Counts counts = count(cases, &suite);
    out << "  <testsuite name=\"" << escape_xml(suite) << "\" tests=\"" << counts.tests << "\" failures=\""
        << counts.failures << "\" errors=\"0\" skipped=\"0\">\n";
    for (const auto& test : cases)
      if (test.suite == suite)
        write_case(out, test);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

} // namespace stormsim
