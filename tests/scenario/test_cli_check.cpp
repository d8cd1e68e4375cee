// Runs `stormsim check` on copies of the incident scenario: exit codes, report lines, JUnit XML and vacuous passes.
#include "support/IncidentCopy.hpp"

#include <catch2/catch.hpp>

using namespace stormsim::testing;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// Expectations that hold for the base scenario and the dedup and threshold variants on every seed tried.
const json passing = {{"expect",
                       {{"events.real", "== 3"},
                        {"recipients.max", ">= 1"},
                        {"max_in_window(unwanted_delivered, 10m)", "<= 1000"},
                        {"p95(storm.time_to_contain_s)", "> 0"}}}};

// A variant whose guard never trips in this scenario (more than a million messages in 10 seconds).
json idle_guard_variant()
{
  return json::parse(R"({ "idle-breaker": {
    "guards": [ { "id": "idle", "kind": "breaker", "at": "transport", "mailboxes": ["events-mailbox"],
                  "when": { "more_than": 1000000, "within": "10s" }, "on_trip": ["alert"] } ],
    "expect": { "emails.wanted_blocked": "== 0" } } })");
}

std::string quoted(const std::string& path)
{
  return "'" + path + "'";
}

// Parses a JUnit file with Python's XML parser and prints the root tag, its tests and failures attributes, and the
// numbers of testcase and failure elements.
std::string junit_counts(const std::string& path)
{
  const std::string dir = temporary_directory();
  const std::string command =
      "python3 -c 'import sys, xml.etree.ElementTree as ET; root = ET.parse(sys.argv[1]).getroot(); "
      "print(root.tag, root.get(\"tests\"), root.get(\"failures\"), len(root.findall(\"testsuite/testcase\")), "
      "len(root.findall(\"testsuite/testcase/failure\")))' " + quoted(path) + " > " + dir + "/out 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = read_text(dir + "/out");
  INFO("python3 output: " << output);
  REQUIRE(status == 0);
  return output;
}

} // namespace

TEST_CASE("check passes and exits 0", "[scenario][cli][check]")
{
  const std::string file = incident_copy(passing, incident_variants({"dedup-registration-id", "threshold-10-in-10s"}));

  const CommandResult result = run_stormsim("check " + quoted(file) + " --replications 2 --jobs 2");

  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("base"));
  CHECK_THAT(result.out, Contains("events.real == 3"));
  CHECK_THAT(result.out, Contains("measured 3 in all 2 runs"));
  CHECK_THAT(result.out, Contains("pass"));
  CHECK_THAT(result.out, Contains("dedup-registration-id"));
  CHECK_THAT(result.out, Contains("check: 12 expectations, 12 passed, 0 failed\n"));
}

TEST_CASE("check failure exits 1", "[scenario][cli][check]")
{
  const json expect = {{"expect", {{"recipients.max", "<= 3"}}}};
  const std::string file =
      incident_copy(expect, incident_variants({"dedup-registration-id", "threshold-10-in-10s-smooth"}));

  const CommandResult result = run_stormsim("check " + quoted(file));

  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Contains("recipients.max <= 3"));
  CHECK_THAT(result.out, Contains("FAIL"));
  // The dedup variant caps every recipient at one email, so it passes while the other two fail.
  CHECK_THAT(result.out, Contains("check: 3 expectations, 1 passed, 2 failed\n"));
}

TEST_CASE("check invalid expectation exits 2", "[scenario][cli][check]")
{
  const std::string file = incident_copy({{"expect", {{"recipients.most", "<= 3"}}}});

  const CommandResult result = run_stormsim("check " + quoted(file));

  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("/expect/recipients.most: invalid expectation \"recipients.most\": unknown metric"));
  CHECK(result.out.empty());
}

TEST_CASE("check unknown guard in variant exits 2", "[scenario][cli][check]")
{
  json variants = json::object();
  variants["guardless"]["expect"]["guards.owner-threshold.blocked"] = "> 0";
  const std::string file = incident_copy(json::object(), variants);

  const CommandResult result = run_stormsim("check " + quoted(file));

  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("/variants/guardless/expect/guards.owner-threshold.blocked"));
}

TEST_CASE("check without expectations warns", "[scenario][cli][check]")
{
  const std::string file = incident_copy(json::object());

  const CommandResult result = run_stormsim("check " + quoted(file));

  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Contains("has no \"expect\""));
}

TEST_CASE("check junit parses as XML", "[scenario][cli][check]")
{
  const json expect = {{"expect", {{"recipients.max", "<= 3"}, {"emails.wanted_blocked", "== 0"}}}};
  const std::string file = incident_copy(
      expect, incident_variants({"dedup-registration-id", "threshold-10-in-10s", "threshold-10-in-10s-smooth"}));
  const std::string report = temporary_directory() + "/report.xml";

  const CommandResult result = run_stormsim("check " + quoted(file) + " --junit " + quoted(report));

  REQUIRE(result.exit_code == 1);
  // 4 variants with 2 expectations each, plus one test per variant that adds guards (3 of them).
  // Failures: recipients.max in base and the smooth variant, wanted_blocked in the threshold variant.
  CHECK(junit_counts(report) == "testsuites 11 3 11 3\n");
}

TEST_CASE("check warns about vacuous pass", "[scenario][cli][check]")
{
  const std::string file = incident_copy(json::object(), idle_guard_variant());

  const CommandResult result = run_stormsim("check " + quoted(file));

  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("warning: "));
  CHECK_THAT(result.out, Contains("guard idle added by this variant never blocked, delayed, held or tripped"));
}

TEST_CASE("check strict fails vacuous pass", "[scenario][cli][check]")
{
  const std::string file = incident_copy(json::object(), idle_guard_variant());
  const std::string report = temporary_directory() + "/report.xml";

  const CommandResult result = run_stormsim("check " + quoted(file) + " --strict --junit " + quoted(report));

  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Contains("FAIL: "));
  CHECK(junit_counts(report) == "testsuites 2 1 2 1\n");
}

TEST_CASE("check results do not depend on jobs", "[scenario][cli][check]")
{
  const std::string file = incident_copy(passing, incident_variants({"threshold-10-in-10s"}));

  const CommandResult one = run_stormsim("check " + quoted(file) + " --replications 3 --jobs 1");
  const CommandResult three = run_stormsim("check " + quoted(file) + " --replications 3 --jobs 3");

  REQUIRE(one.exit_code == 0);
  CHECK(one.out == three.out);
}

TEST_CASE("check rejects bad options", "[scenario][cli][check]")
{
  const std::string file = quoted(source_path("scenarios/rogue-flows-2017.json"));

  CHECK(run_stormsim("check " + file + " --replications 0").exit_code == 2);
  CHECK(run_stormsim("check " + file + " --jobs 0").exit_code == 2);
  CHECK(run_stormsim("check /nonexistent.json").exit_code == 2);
}
