// Vendor presets: partial component settings kept in models/<name>.json with the sources of their numbers.
#include "core/InputError.hpp"
#include "scenario/JsonDocument.hpp"
#include "scenario/LoadContext.hpp"

#include <algorithm>
#include <filesystem>

namespace stormsim {
namespace {

class PresetLocator : public Locator {
public:
  explicit PresetLocator(const JsonDocument& document) : document_(document) {}

protected:
  std::string where(const std::string& pointer) const override
  {
    return document_.locate(pointer) + ": " + (pointer.empty() ? "/" : pointer);
  }

private:
  const JsonDocument& document_;
};

std::string known_models(const std::string& dir)
{
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error))
    if (entry.path().extension() == ".json")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  std::string list;
  for (const auto& name : names)
    list += (list.empty() ? "" : ", ") + name;
  return list.empty() ? "(none found)" : list;
}

} // namespace

void read_mailbox_limits(ObjectReader& reader, MailboxSpec& spec)
{
  if (auto limit = reader.optional_rate("send_limit")) {
    spec.send_limit = limit->count;
    spec.send_window = limit->window_s;
  }
  if (reader.has("throttle"))
    spec.smooth = reader.choice("throttle", {"window", "smooth"}) == "smooth";
  if (auto limit = reader.optional_rate("recipient_limit")) {
    spec.recipient_limit = limit->count;
    spec.recipient_window = limit->window_s;
  }
  read_mailbox_protections(reader, spec);
}

void apply_mailbox_preset(ObjectReader& mailbox, const std::string& model, LoadContext& context, MailboxSpec& spec)
{
  const std::filesystem::path path = std::filesystem::path(context.models_dir) / (model + ".json");
  if (model.find('/') != std::string::npos || !std::filesystem::is_regular_file(path))
    mailbox.fail("model", "unknown model \"" + model + "\", expected one of: " + known_models(context.models_dir) +
                              " (presets in " + context.models_dir + ")");
  const JsonDocument document = JsonDocument::load_file(path.string());
  PresetLocator locator(document);
  ObjectReader preset(locator, document.root(), "");
  const std::string kind = preset.string("kind");
  if (kind != "mailbox")
    mailbox.fail("model", "model \"" + model + "\" is a " + kind + " preset, expected a mailbox preset");
  preset.optional_string("description");
  read_mailbox_limits(preset, spec);
  preset.finish();
}

void apply_connector_preset(ObjectReader& connector, const std::string& model, LoadContext& context,
                            ConnectorSpec& spec)
{
  const std::filesystem::path path = std::filesystem::path(context.models_dir) / (model + ".json");
  if (model.find('/') != std::string::npos || !std::filesystem::is_regular_file(path))
    connector.fail("model", "unknown model \"" + model + "\", expected one of: " + known_models(context.models_dir) +
                                " (presets in " + context.models_dir + ")");
  const JsonDocument document = JsonDocument::load_file(path.string());
  PresetLocator locator(document);
  ObjectReader preset(locator, document.root(), "");
  const std::string kind = preset.string("kind");
  if (kind != "connector")
    connector.fail("model", "model \"" + model + "\" is a " + kind + " preset, expected a connector preset");
  preset.optional_string("description");
  const bool polling = preset.choice("delivery", {"webhook", "polling"}) == "polling";
  spec.kind = polling ? ConnectorSpec::Kind::polling : ConnectorSpec::Kind::webhook;
  read_connector_settings(preset, spec);
  preset.finish();
}

void apply_flow_preset(ObjectReader& flow, const std::string& model, LoadContext& context, StepRetrySpec& retry)
{
  const std::filesystem::path path = std::filesystem::path(context.models_dir) / (model + ".json");
  if (model.find('/') != std::string::npos || !std::filesystem::is_regular_file(path))
    flow.fail("model", "unknown model \"" + model + "\", expected one of: " + known_models(context.models_dir) +
                           " (presets in " + context.models_dir + ")");
  const JsonDocument document = JsonDocument::load_file(path.string());
  PresetLocator locator(document);
  ObjectReader preset(locator, document.root(), "");
  const std::string kind = preset.string("kind");
  if (kind != "flow")
    flow.fail("model", "model \"" + model + "\" is a " + kind + " preset, expected a flow preset");
  preset.optional_string("description");
  ObjectReader policy = preset.object("retry");
  retry = read_step_retry(policy);
  preset.finish();
}

} // namespace stormsim
