#pragma once
// Finding protocols by id. Search order: directories given on the command line
// (--protocol-dir), $XDG_CONFIG_HOME/runback/protocols, the installed share directory (relative
// to the running binary, then at the configured prefix), and the source tree's protocols/ when
// runback runs from a build tree. The first protocol with an id
// wins; later ones with the same id are reported as shadowed.

#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/environment.hpp"
#include "io/file_system.hpp"
#include "protocol/loader.hpp"

namespace runback {

struct ProtocolDir {
  std::string path;
  std::string origin;  // "--protocol-dir", "user config", "installed", "source tree"
};

// `executable_path` is the running binary; a build tree is recognised by a CMakeCache.txt
// above it.
std::vector<ProtocolDir> protocol_search_dirs(const FileSystem& fs, const Environment& env,
                                              const std::vector<std::string>& extra_dirs,
                                              const std::string& executable_path);

struct CatalogEntry {
  std::string id;
  std::string title;
  std::string version;
  std::string path;
  std::string origin;
  bool valid = true;                 // false: listed so the user sees it, but it has errors
  std::vector<std::string> shadows;  // paths of later protocols with the same id
};

// Every *.yaml in the search dirs, first id wins.
std::vector<CatalogEntry> list_protocols(const FileSystem& fs,
                                         const std::vector<ProtocolDir>& dirs);

// `id_or_file` is a path when it names an existing file or contains '/' or ends in .yaml;
// otherwise an id looked up in `dirs`. An unknown id gives one error diagnostic that lists
// where it looked and suggests the closest id, and ErrorKind::not_found.
LoadResult find_protocol(const FileSystem& fs, const std::vector<ProtocolDir>& dirs,
                         const std::string& id_or_file);

}  // namespace runback
