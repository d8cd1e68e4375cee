// A latency spike: the connector's delivery and acknowledgement latencies are multiplied for a while.
#pragma once

#include "model/faults/ConnectorFault.hpp"

namespace stormsim {

class LatencySpikeFault : public ConnectorFault {
public:
  using ConnectorFault::ConnectorFault;

protected:
  void begin() override;
  void end() override;
};

} // namespace stormsim
