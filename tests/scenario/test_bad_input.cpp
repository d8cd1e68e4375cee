// Feeds the real binary broken scenario files: each must fail with exit code 2 and one line that names the file,
// the place in it, what was expected and what was found.
#include "support/RunBinary.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

using namespace stormsim::testing;

namespace {

const std::string valid_scenario = R"({
  // a comment
  "name": "small",
  "start": "2024-03-01T00:00",
  "duration": "1h",
  "seed": 1,
  "sources": [ { "id": "form", "history": 2 } ],
  "connectors": [ { "id": "hook", "source": "form", "latency": "2s" } ],
  "mailboxes": [ { "id": "mbx", "model": "exchange-online" } ],
  "flows": [ { "id": "flow", "trigger": "hook",
               "steps": [ { "kind": "send_email", "mailbox": "mbx", "latency": "1s" } ] } ],
  "faults": [ { "id": "replay", "kind": "replay", "connector": "hook", "at": "00:10", "rate": "10/min" } ],
  "variants": { "fast": { "faults": [ { "id": "replay", "kind": "replay", "connector": "hook", "at": "00:10",
                                          "rate": "100/min" } ] } }
})";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Failure {
  int exit_code;
  std::string message;
  std::string path;
};

Failure run_broken(const std::string& text, const std::string& extra = "")
{
  const std::string path = temporary_directory() + "/broken.json";
  write_text(path, text);
  const CommandResult result = run_stormsim("run '" + path + "' " + extra);
  return Failure{result.exit_code, result.err, path};
}

void check_one_line(const Failure& failure)
{
  INFO("stderr: " << failure.message);
  CHECK(failure.exit_code == 2);
  CHECK(std::count(failure.message.begin(), failure.message.end(), '\n') == 1);
}

} // namespace

TEST_CASE("valid base scenario runs", "[scenario][input]")
{
  const std::string path = temporary_directory() + "/valid.json";
  write_text(path, valid_scenario);

  const CommandResult result = run_stormsim("run '" + path + "' --json");

  INFO(result.err);
  CHECK(result.exit_code == 0);
}

TEST_CASE("malformed JSON names line and column", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("seed": 1,)", R"("seed": 1,,)"));

  check_one_line(failure);
  CHECK(failure.message.rfind(failure.path + ":6:13: invalid JSON", 0) == 0);
}

TEST_CASE("wrong type names the JSON path", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("history": 2)", R"("history": "two")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains(failure.path + ":7:"));
  CHECK_THAT(failure.message, Catch::Contains("/sources/0/history: expected an integer, found string \"two\""));
}

TEST_CASE("unknown key is rejected", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("latency": "2s")", R"("latncy": "2s")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains("/connectors/0/latncy: unknown key \"latncy\", expected one of:"));
  CHECK_THAT(failure.message, Catch::Contains("latency"));
}

TEST_CASE("reference to a missing component", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("trigger": "hook")", R"("trigger": "hoook")"));

  check_one_line(failure);
  CHECK_THAT(failure.message,
             Catch::Contains("/flows/0/trigger: unknown connector \"hoook\", expected one of: hook"));
}

TEST_CASE("zero rate is rejected", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("rate": "10/min")", R"("rate": "0/min")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains("/faults/0/rate: invalid rate \"0/min\""));
}

TEST_CASE("negative rate is rejected", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("rate": "10/min")", R"("rate": "-3/min")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains("/faults/0/rate: invalid rate \"-3/min\""));
}

TEST_CASE("bad duration is rejected", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("latency": "1s")", R"("latency": "5 mins")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains(":11:"));
  CHECK_THAT(failure.message,
             Catch::Contains("/flows/0/steps/0/latency: invalid duration \"5 mins\""));
}

TEST_CASE("unknown preset lists the known ones", "[scenario][input]")
{
  const Failure failure =
      run_broken(replaced(valid_scenario, R"("model": "exchange-online")", R"("model": "exchange-onlin")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains("/mailboxes/0/model: unknown model \"exchange-onlin\""));
  CHECK_THAT(failure.message, Catch::Contains("exchange-online"));
}

TEST_CASE("unknown variant lists the known ones", "[scenario][input]")
{
  const Failure failure = run_broken(valid_scenario, "--variant slow");

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains("unknown variant \"slow\", expected one of: fast"));
}

TEST_CASE("error inside a variant points into the variant", "[scenario][input]")
{
  const Failure failure = run_broken(replaced(valid_scenario, R"("rate": "100/min")", R"("rate": "100/fortnight")"));

  check_one_line(failure);
  CHECK_THAT(failure.message, Catch::Contains(":14:"));
  CHECK_THAT(failure.message, Catch::Contains("/variants/fast/faults/0/rate: invalid rate"));
}

TEST_CASE("missing file is invalid input", "[scenario][input]")
{
  const CommandResult result = run_stormsim("run /nonexistent/scenario.json");

  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("/nonexistent/scenario.json: cannot open file"));
}

TEST_CASE("unknown command-line option is a usage error", "[scenario][input]")
{
  const CommandResult result = run_stormsim("run '" + source_path("scenarios/rogue-flows-2017.json") + "' --sed 3");

  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
}

TEST_CASE("validate accepts every shipped scenario", "[scenario][input]")
{
  const CommandResult result = run_stormsim("validate '" + source_path("scenarios") + "'/*.json");

  INFO(result.err);
  CHECK(result.exit_code == 0);
}

TEST_CASE("help and version exit with success", "[scenario][input]")
{
  const CommandResult help = run_stormsim("--help");
  const CommandResult version = run_stormsim("--version");

  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("run"));
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::Contains("stormsim"));
}
