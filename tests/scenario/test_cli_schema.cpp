// Checks that `stormsim schema` prints a JSON Schema document.
#include "support/RunBinary.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;

TEST_CASE("schema prints a JSON Schema", "[scenario][cli][schema]")
{
  const CommandResult result = run_stormsim("schema");

  REQUIRE(result.exit_code == 0);
  const nlohmann::json schema = nlohmann::json::parse(result.out);
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(schema["type"] == "object");
  CHECK(schema["properties"].contains("expect"));
  CHECK(schema["properties"].contains("guards"));
}
