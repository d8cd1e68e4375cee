// Runs `stormsim sweep` and `stormsim merge` on the incident scenario: determinism, shards and bad input.
#include "support/RunBinary.hpp"

#include <catch2/catch.hpp>

using namespace stormsim::testing;
using Catch::Matchers::Contains;

namespace {

const std::string incident = "'" + source_path("scenarios/rogue-flows-2017.json") + "'";
// Three guard limits times two wake times: six points.
const std::string grid = " --variant threshold-10-in-10s --set /guards/0/when/more_than=5,10,20 "
                         "--set /operator/wake=05:00,06:00 --replications 2";

std::string sweep_to_file(const std::string& extra)
{
  const std::string path = temporary_directory() + "/sweep.csv";
  const CommandResult result = run_stormsim("sweep " + incident + grid + extra + " --out '" + path + "'");
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return path;
}

std::vector<std::string> lines(const std::string& text)
{
  std::vector<std::string> result;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    result.push_back(line);
  return result;
}

} // namespace

TEST_CASE("sweep writes one row per point and replication", "[scenario][cli][sweep]")
{
  const std::vector<std::string> rows = lines(read_text(sweep_to_file(" --jobs 2")));

  REQUIRE(rows.size() == 13);
  CHECK(rows[0].rfind("point,replication,seed,/guards/0/when/more_than,/operator/wake,sim.events,", 0) == 0);
  CHECK_THAT(rows[0], Contains(",recipients.max,"));
  CHECK_THAT(rows[0], Contains(",guards.owner-threshold.trips,"));
  CHECK(rows[1].rfind("0,0,2017,5,05:00,", 0) == 0);
  CHECK(rows[2].rfind("0,1,", 0) == 0);
  CHECK(rows[3].rfind("1,0,2017,5,06:00,", 0) == 0);
  CHECK(rows[12].rfind("5,1,", 0) == 0);
}

TEST_CASE("sweep output does not depend on jobs", "[scenario][cli][sweep]")
{
  const std::string one = read_text(sweep_to_file(" --jobs 1"));
  const std::string two = read_text(sweep_to_file(" --jobs 2"));

  CHECK(one == two);
}

TEST_CASE("merged shards equal the unsharded sweep", "[scenario][cli][sweep]")
{
  const std::string whole = sweep_to_file(" --jobs 2");
  const std::string shard0 = sweep_to_file(" --shard 0/4");
  const std::string shard1 = sweep_to_file(" --shard 1/4");
  const std::string shard2 = sweep_to_file(" --shard 2/4");
  const std::string shard3 = sweep_to_file(" --shard 3/4");
  const std::string merged = temporary_directory() + "/merged.csv";

  const CommandResult result = run_stormsim("merge '" + shard2 + "' '" + shard0 + "' '" + shard3 + "' '" + shard1 +
                                            "' --out '" + merged + "'");

  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(read_text(merged) == read_text(whole));
  CHECK(lines(read_text(shard3)).size() == 1 + 2); // point 3 only, two replications
}

TEST_CASE("merge detects a missing shard", "[scenario][cli][sweep]")
{
  const std::string shard0 = sweep_to_file(" --shard 0/3");
  const std::string shard2 = sweep_to_file(" --shard 2/3");

  const CommandResult result = run_stormsim("merge '" + shard0 + "' '" + shard2 + "'");

  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("found point 2 but no point 1; is a shard missing?"));
}

TEST_CASE("merge detects a duplicate shard", "[scenario][cli][sweep]")
{
  const std::string shard0 = sweep_to_file(" --shard 0/2");

  const CommandResult result = run_stormsim("merge '" + shard0 + "' '" + shard0 + "'");

  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("duplicate row for point 0 replication 0"));
}

TEST_CASE("merge rejects files of different sweeps", "[scenario][cli][sweep]")
{
  const std::string dir = temporary_directory();
  write_text(dir + "/a.csv", "point,replication,seed,/x,recipients.max\n0,0,1,5,3\n");
  write_text(dir + "/b.csv", "point,replication,seed,/y,recipients.max\n1,0,1,5,3\n");
  write_text(dir + "/c.csv", "not a sweep\n");

  const CommandResult different = run_stormsim("merge '" + dir + "/a.csv' '" + dir + "/b.csv'");
  const CommandResult foreign = run_stormsim("merge '" + dir + "/c.csv'");

  CHECK(different.exit_code == 2);
  CHECK_THAT(different.err, Contains("b.csv:1: the header differs"));
  CHECK(foreign.exit_code == 2);
  CHECK_THAT(foreign.err, Contains("c.csv:1: expected a header that starts with point,replication,seed"));
}

TEST_CASE("sweep rejects bad values before running", "[scenario][cli][sweep]")
{
  const std::string out = temporary_directory() + "/never.csv";

  const CommandResult bad_value =
      run_stormsim("sweep " + incident + " --set /operator/wake=05:00,25:00 --out '" + out + "'");
  const CommandResult bad_shard = run_stormsim("sweep " + incident + " --set /operator/wake=05:00 --shard 2/2");
  const CommandResult bad_axis = run_stormsim("sweep " + incident + " --set operator/wake=05:00");
  const CommandResult twice =
      run_stormsim("sweep " + incident + " --set /operator/wake=05:00 --set /operator/wake=06:00");

  CHECK(bad_value.exit_code == 2);
  CHECK_THAT(bad_value.err, Contains("--set /operator/wake=25:00"));
  CHECK(read_text(out).empty());
  CHECK(bad_shard.exit_code == 2);
  CHECK_THAT(bad_shard.err, Contains("--shard: invalid shard \"2/2\""));
  CHECK(bad_axis.exit_code == 2);
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.err, Contains("is swept twice"));
}
