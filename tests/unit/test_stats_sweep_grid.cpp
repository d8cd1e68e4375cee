// Checks the parsing of sweep axes and shards and the numbering of grid points.
#include "stats/SweepGrid.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace stormsim;

TEST_CASE("sweep axis splits values", "[stats][sweep]")
{
  const SweepAxis axis = parse_sweep_axis("/guards/0/limit=5,10,20");

  CHECK(axis.pointer == "/guards/0/limit");
  CHECK(axis.values == std::vector<std::string>{"5", "10", "20"});
}

TEST_CASE("sweep axis keeps JSON values whole", "[stats][sweep]")
{
  const SweepAxis axis = parse_sweep_axis(R"(/x=[1,2],{"a":1,"b":2},"c,d",30/min)");

  CHECK(axis.values == std::vector<std::string>{"[1,2]", R"({"a":1,"b":2})", R"("c,d")", "30/min"});
}

TEST_CASE("sweep axis rejects bad text", "[stats][sweep]")
{
  CHECK_THROWS_AS(parse_sweep_axis("guards/0/limit=5"), std::invalid_argument);
  CHECK_THROWS_AS(parse_sweep_axis("/guards/0/limit"), std::invalid_argument);
  CHECK_THROWS_AS(parse_sweep_axis("/guards/0/limit=5,,6"), std::invalid_argument);
}

TEST_CASE("sweep grid varies the last axis fastest", "[stats][sweep]")
{
  const SweepGrid grid({SweepAxis{"/a", {"1", "2"}}, SweepAxis{"/b", {"x", "y", "z"}}});

  REQUIRE(grid.point_count() == 6);
  CHECK(grid.coordinates(0) == std::vector<std::size_t>{0, 0});
  CHECK(grid.coordinates(1) == std::vector<std::size_t>{0, 1});
  CHECK(grid.coordinates(2) == std::vector<std::size_t>{0, 2});
  CHECK(grid.coordinates(3) == std::vector<std::size_t>{1, 0});
  CHECK(grid.coordinates(5) == std::vector<std::size_t>{1, 2});
}

TEST_CASE("shards partition the points", "[stats][sweep]")
{
  const Shard first = parse_shard("0/3");
  const Shard last = parse_shard("2/3");

  CHECK(first.contains(0));
  CHECK(first.contains(3));
  CHECK_FALSE(first.contains(2));
  CHECK(last.contains(2));
  CHECK(last.contains(5));
}

TEST_CASE("shard rejects bad text", "[stats][sweep]")
{
  CHECK_THROWS_AS(parse_shard("3/3"), std::invalid_argument);
  CHECK_THROWS_AS(parse_shard("0/0"), std::invalid_argument);
  CHECK_THROWS_AS(parse_shard("1"), std::invalid_argument);
  CHECK_THROWS_AS(parse_shard("-1/3"), std::invalid_argument);
  CHECK_THROWS_AS(parse_shard("a/b"), std::invalid_argument);
}
