#include "protocol/protocol.hpp"

namespace runback {

int Protocol::stage_index(const std::string& stage_id) const {
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].id == stage_id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace runback
