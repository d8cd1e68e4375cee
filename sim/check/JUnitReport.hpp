// JUnit XML for `check --junit`, the test report format that CI services display.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct JUnitTestCase {
  std::string suite;       // one <testsuite> per distinct value, in order of first appearance
  std::string class_name;
  std::string name;
  std::optional<std::string> failure;  // the failure message; empty for a passed test
  std::string output;      // written as <system-out> when not empty, for warnings on a passed test
};

// Writes a <testsuites> document with one <testsuite> per suite and one <testcase> per element of `cases`.
void write_junit(std::ostream& out, const std::string& name, const std::vector<JUnitTestCase>& cases);

// Escapes text for XML attributes and content, and replaces characters that XML 1.0 forbids with U+FFFD.
std::string escape_xml(const std::string& text);

} // namespace stormsim
