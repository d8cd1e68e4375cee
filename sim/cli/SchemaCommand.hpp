// `stormsim schema`: prints the JSON Schema of scenario files.
#pragma once

#include <CLI/CLI.hpp>

namespace stormsim {

struct SchemaOptions {};

CLI::App* setup_schema(CLI::App& app, SchemaOptions& options);
int run_schema(const SchemaOptions& options);

} // namespace stormsim
