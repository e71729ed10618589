#include <algorithm>

#include "io/file_system.hpp"
#include "plan/fixtures.hpp"
#include "protocol/loader.hpp"

namespace runback::test {

std::vector<Protocol> shipped_protocols() {
  RealFileSystem fs;
  const std::string dir = std::string(RUNBACK_SOURCE_DIR) + "/protocols";
  std::vector<Protocol> protocols;
  for (const std::string& name : fs.list_directory(dir)) {
    if (!name.ends_with(".yaml")) continue;
    LoadResult loaded = load_protocol_file(fs, dir + "/" + name);
    if (loaded.protocol) protocols.push_back(std::move(*loaded.protocol));
  }
  return protocols;
}

}  // namespace runback::test
