// A connector outage: webhook deliveries fail and go to the sender's retries, and polls are missed.
#pragma once

#include "model/faults/ConnectorFault.hpp"

namespace stormsim {

class OutageFault : public ConnectorFault {
public:
  using ConnectorFault::ConnectorFault;

protected:
  void begin() override;
  void end() override;
};

} // namespace stormsim
