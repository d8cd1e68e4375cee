// Runs `stormsim compare` on the incident scenario: common random numbers, formats and bad input.
#include "support/IncidentCopy.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const std::string incident = "'" + source_path("scenarios/rogue-flows-2017.json") + "'";

json compare_json(const std::string& file, const std::string& arguments)
{
  const CommandResult result = run_stormsim("compare " + file + " --format json " + arguments);
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

const json& variant_entry(const json& report, const std::string& metric, const std::string& variant)
{
  for (const auto& entry : report["metrics"])
    if (entry["metric"] == metric)
      for (const auto& cell : entry["variants"])
        if (cell["variant"] == variant)
          return cell;
  FAIL("no entry for " << metric << " and " << variant);
  static const json none;
  return none;
}

} // namespace

TEST_CASE("identical variants differ by exactly zero", "[scenario][cli][compare]")
{
  // Two variants with the same guard: on common seeds their runs are identical, so every difference is 0.
  const json guard = json::parse(R"({ "guards": [ { "id": "dedup", "kind": "dedup", "flows": ["flow-a"] } ] })");
  json variants = json::object();
  variants["same-a"] = guard;
  variants["same-b"] = guard;
  const std::string file = "'" + incident_copy(json::object(), variants) + "'";

  const json report = compare_json(file, "--variants same-a,same-b --replications 3 --jobs 2");

  CHECK(report["reference"] == "same-a");
  CHECK(report["replications"] == 3);
  for (const auto& entry : report["metrics"]) {
    INFO(entry["metric"]);
    const json& difference = entry["variants"][1]["difference"];
    CHECK(difference["n"] == 3);
    CHECK(difference["mean"] == 0.0);
    CHECK(difference["ci_low"] == 0.0);
    CHECK(difference["ci_high"] == 0.0);
  }
}

TEST_CASE("compare base against dedup", "[scenario][cli][compare]")
{
  const json report = compare_json(incident, "--variants base,dedup-registration-id --replications 3");

  const json& base = variant_entry(report, "recipients.max", "base");
  const json& dedup = variant_entry(report, "recipients.max", "dedup-registration-id");
  CHECK(base["n"] == 3);
  CHECK(base["difference"].is_null());
  CHECK(base["ci_low"].get<double>() <= base["mean"].get<double>());
  CHECK(dedup["mean"] == 1.0);
  CHECK(dedup["difference"]["mean"].get<double>() < -100);
  CHECK(report["metrics"].size() == 5);
}

TEST_CASE("compare text table", "[scenario][cli][compare]")
{
  const CommandResult result =
      run_stormsim("compare " + incident + " --replications 2 --variants base,threshold-10-in-10s-smooth");

  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("emails.unwanted_delivered"));
  CHECK_THAT(result.out, Contains("storm.delivered_after_disable"));
  CHECK_THAT(result.out, Contains("threshold-10-in-10s-smooth"));
  CHECK_THAT(result.out, Contains("95% CI"));
}

TEST_CASE("compare markdown and csv", "[scenario][cli][compare]")
{
  const std::string arguments = " --variants base,threshold-10-in-10s --replications 2 --metrics recipients.max";

  const CommandResult markdown = run_stormsim("compare " + incident + arguments + " --format markdown");
  const CommandResult csv = run_stormsim("compare " + incident + arguments + " --format csv");

  REQUIRE(markdown.exit_code == 0);
  CHECK_THAT(markdown.out, Contains("| recipients.max | threshold-10-in-10s | 2 |"));
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Contains("metric,variant,replications,n,mean,ci_low,ci_high,difference_n"));
  CHECK_THAT(csv.out, Contains("recipients.max,threshold-10-in-10s,2,2,3"));
}

TEST_CASE("compare counts null values", "[scenario][cli][compare]")
{
  // Without the operator and without guards the storm is never detected, so the variant has no value in any run.
  json variants = json::object();
  variants["no-operator"]["operator"] = nullptr;
  const std::string file = "'" + incident_copy(json::object(), variants) + "'";

  const json report = compare_json(file, "--variants base,no-operator --replications 2 --metrics "
                                         "storm.time_to_detect_s");

  CHECK(variant_entry(report, "storm.time_to_detect_s", "base")["n"] == 2);
  const json& none = variant_entry(report, "storm.time_to_detect_s", "no-operator");
  CHECK(none["n"] == 0);
  CHECK(none["mean"].is_null());
  CHECK(none["difference"]["n"] == 0);
}

TEST_CASE("compare rejects bad input", "[scenario][cli][compare]")
{
  const CommandResult unknown_variant = run_stormsim("compare " + incident + " --variants base,nope");
  const CommandResult unknown_metric = run_stormsim("compare " + incident + " --metrics recipients.most");
  const CommandResult bad_format = run_stormsim("compare " + incident + " --format xml");

  CHECK(unknown_variant.exit_code == 2);
  CHECK_THAT(unknown_variant.err, Contains("--variants: unknown variant \"nope\""));
  CHECK(unknown_metric.exit_code == 2);
  CHECK_THAT(unknown_metric.err, Contains("--metrics: unknown metric \"recipients.most\""));
  CHECK(bad_format.exit_code == 2);
}
