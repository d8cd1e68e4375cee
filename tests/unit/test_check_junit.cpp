// Checks the JUnit XML writer's escaping and structure.
#include "check/JUnitReport.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace stormsim;
using Catch::Matchers::Contains;

TEST_CASE("xml escaping", "[check][junit]")
{
  CHECK(escape_xml(R"(a <= 3 & b > "c" 'd')") == "a &lt;= 3 &amp; b &gt; &quot;c&quot; &apos;d&apos;");
  CHECK(escape_xml("tab\tline\n") == "tab\tline\n");
  CHECK(escape_xml(std::string("bell\x07")) == "bell\xEF\xBF\xBD");
}

TEST_CASE("junit groups cases by suite", "[check][junit]")
{
  const std::vector<JUnitTestCase> cases{
      {"a.json", "a.base", "recipients.max <= 3", std::nullopt, ""},
      {"a.json", "a.dedup", "recipients.max <= 3", std::string("measured 7, expected <= 3"), ""},
      {"b.json", "b.base", "emails.wanted_blocked == 0", std::nullopt, "warning: guard idle never acted"}};
  std::ostringstream out;

  write_junit(out, "stormsim check", cases);

  const std::string xml = out.str();
  CHECK_THAT(xml, Contains(R"(<testsuites name="stormsim check" tests="3" failures="1" errors="0">)"));
  CHECK_THAT(xml, Contains(R"(<testsuite name="a.json" tests="2" failures="1")"));
  CHECK_THAT(xml, Contains(R"(<testsuite name="b.json" tests="1" failures="0")"));
  CHECK_THAT(xml, Contains(R"(<testcase classname="a.base" name="recipients.max &lt;= 3"/>)"));
  CHECK_THAT(xml, Contains(R"(<failure message="measured 7, expected &lt;= 3")"));
  CHECK_THAT(xml, Contains("<system-out>warning: guard idle never acted</system-out>"));
  CHECK(xml.rfind("</testsuites>\n") == xml.size() - 14);
}
