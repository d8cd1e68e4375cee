// The JSON Schema of scenario files.
#include "cli/ScenarioSchema.hpp"

namespace stormsim {

const char* scenario_schema()
{
  return R"schema({})schema";
}

} // namespace stormsim
