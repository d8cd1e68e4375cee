// The decision trace: one JSON line per guard decision that is not a pass, with the item's lineage.
#pragma once

#include "model/Lineage.hpp"

#include <fstream>
#include <string>
#include <vector>

namespace stormsim {

class Trace {
public:
  // Opens `path` for writing; throws InputError when it cannot. Names index flows, mailboxes, sources and recipients.
  Trace(const std::string& path, std::vector<std::string> flows, std::vector<std::string> mailboxes,
        std::vector<std::string> sources, const std::vector<std::string>* recipients);

  void write(double now, const std::string& guard, const char* decision, const char* reason, const Email& item);

private:
  std::ofstream out_;
  std::vector<std::string> flows_;
  std::vector<std::string> mailboxes_;
  std::vector<std::string> sources_;
  const std::vector<std::string>* recipients_;
};

} // namespace stormsim
