// A polling trigger loses its cursor: it moves back and the next polls fetch those items again.
#pragma once

#include "model/faults/ConnectorFault.hpp"

namespace stormsim {

class CursorResetFault : public ConnectorFault {
public:
  using ConnectorFault::ConnectorFault;

protected:
  void begin() override;
};

} // namespace stormsim
