#include "io/file_system.hpp"

namespace runback {

Status FileSystem::read_in_pieces(const std::string& path, std::size_t max_bytes,
                                  FilePieces& into) const {
  auto bytes = read_file(path, max_bytes);
  if (!bytes) return bytes.failure();
  into.size(bytes->size());
  into.piece(*bytes);
  return ok_status();
}

}  // namespace runback
