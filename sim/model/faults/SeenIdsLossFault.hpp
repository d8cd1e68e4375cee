// A polling trigger loses its seen-id store: every item still visible to a poll triggers again.
#pragma once

#include "model/faults/ConnectorFault.hpp"

namespace stormsim {

class SeenIdsLossFault : public ConnectorFault {
public:
  using ConnectorFault::ConnectorFault;

protected:
  void begin() override;
};

} // namespace stormsim
