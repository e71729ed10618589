#include "extension/extension.hpp"

#include <atomic>

namespace runback {

std::uint64_t next_history_id() {
  // Relaxed is enough: only uniqueness matters, not ordering with other memory.
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

}  // namespace runback
