// The source changes its id format: every item visible to a seen-id poll looks new and triggers again.
#pragma once

#include "model/faults/ConnectorFault.hpp"

namespace stormsim {

class IdFormatChangeFault : public ConnectorFault {
public:
  using ConnectorFault::ConnectorFault;

protected:
  void begin() override;
};

} // namespace stormsim
