// The JSON Schema of scenario files, for editors and for validation outside stormsim.
#pragma once

namespace stormsim {

// Returns the JSON Schema (draft-07) of a scenario file as JSON text.
const char* scenario_schema();

} // namespace stormsim
