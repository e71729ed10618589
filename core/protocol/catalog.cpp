#include "protocol/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "util/suggest.hpp"

namespace runback {
namespace {

std::string parent_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string join_path(const std::string& dir, const std::string& name) {
  return (!dir.empty() && dir.back() == '/') ? dir + name : dir + "/" + name;
}

// A build tree has a CMakeCache.txt in the executable's directory or one of the three above it.
bool runs_from_build_tree(const FileSystem& fs, const std::string& executable_path) {
  if (executable_path.empty()) return false;
  std::string dir = parent_of(executable_path);
  for (int level = 0; level <= 3; ++level) {
    if (fs.is_file(join_path(dir, "CMakeCache.txt"))) return true;
    if (dir == "/" || dir == ".") break;
    dir = parent_of(dir);
  }
  return false;
}

struct Found {
  std::string path;
  std::string origin;
  LoadResult result;
};

// Every *.yaml file of the directories, in search order, loaded.
std::vector<Found> load_all(const FileSystem& fs, const std::vector<ProtocolDir>& dirs) {
  std::vector<Found> found;
  for (const auto& dir : dirs) {
    if (!fs.is_directory(dir.path)) continue;
    for (const auto& name : fs.list_directory(dir.path)) {
      const std::string path = join_path(dir.path, name);
      if (!name.ends_with(".yaml") || !fs.is_file(path)) continue;
      found.push_back(Found{path, dir.origin, load_protocol_file(fs, path)});
    }
  }
  return found;
}

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
}

}  // namespace

std::vector<ProtocolDir> protocol_search_dirs(const FileSystem& fs, const Environment& env,
                                              const std::vector<std::string>& extra_dirs,
                                              const std::string& executable_path) {
  std::vector<ProtocolDir> dirs;
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const std::string& origin) {
    if (seen.insert(path).second) dirs.push_back(ProtocolDir{path, origin});
  };
  for (const auto& dir : extra_dirs) add(dir, "--protocol-dir");
  if (auto config = xdg_config_home(env)) add(*config + "/runback/protocols", "user config");
  // Relative to the binary first, as plugins are: an installation made with `cmake --install
  // --prefix`, staged with DESTDIR or moved elsewhere finds its own protocols.
  if (!executable_path.empty()) {
    const auto bin = std::filesystem::path(executable_path).parent_path();
    add((bin / RUNBACK_PROTOCOL_DIR_FROM_BINDIR).lexically_normal().string(), "installed");
  }
  add(std::string(RUNBACK_INSTALL_DATADIR) + "/runback/protocols", "installed");
  if (runs_from_build_tree(fs, executable_path)) add(RUNBACK_SOURCE_PROTOCOL_DIR, "source tree");
  return dirs;
}

std::vector<CatalogEntry> list_protocols(const FileSystem& fs,
                                         const std::vector<ProtocolDir>& dirs) {
  std::vector<CatalogEntry> entries;
  for (auto& found : load_all(fs, dirs)) {
    if (!found.result.protocol) {
      CatalogEntry entry;
      entry.id = stem_of(found.path);
      entry.path = found.path;
      entry.origin = found.origin;
      entry.valid = false;
      entries.push_back(std::move(entry));
      continue;
    }
    const Protocol& protocol = *found.result.protocol;
    auto first = std::find_if(entries.begin(), entries.end(), [&](const CatalogEntry& e) {
      return e.valid && e.id == protocol.id;
    });
    if (first != entries.end()) {
      first->shadows.push_back(found.path);
      continue;
    }
    entries.push_back(CatalogEntry{
        protocol.id, protocol.title, protocol.version, found.path, found.origin, true, {}});
  }
  return entries;
}

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A word that names no id but what protocols are about ("knee", "achilles", "acl"): the
// protocols whose plugin has that name or whose title or condition has the word, so that
// `--protocol knee` leads to patellofemoral, where a spelling suggestion has nothing to offer.
std::string protocols_about(const std::vector<Found>& all, const std::string& word) {
  const std::string wanted = lower(word);
  if (wanted.size() < 3) return "";
  auto has_word = [&wanted](const std::string& text) {
    const std::string haystack = lower(text);
    for (std::size_t at = haystack.find(wanted); at != std::string::npos;
         at = haystack.find(wanted, at + 1)) {
      const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(haystack[at - 1]));
      if (starts) return true;
    }
    return false;
  };
  std::vector<std::string> about;
  for (const auto& found : all) {
    const Protocol* p = found.result.protocol ? &*found.result.protocol : nullptr;
    if (p == nullptr || std::find(about.begin(), about.end(), p->id) != about.end()) continue;
    if ((p->plugin && lower(p->plugin->name) == wanted) || has_word(p->title) ||
        has_word(p->condition)) {
      about.push_back(p->id);
    }
  }
  if (about.empty()) return "";
  std::string text = " (protocols about '" + word + "': ";
  for (std::size_t i = 0; i < about.size(); ++i) text += (i ? ", " : "") + about[i];
  return text + ")";
}

}  // namespace

LoadResult find_protocol(const FileSystem& fs, const std::vector<ProtocolDir>& dirs,
                         const std::string& id_or_file) {
  if (fs.is_file(id_or_file) || id_or_file.find('/') != std::string::npos ||
      id_or_file.ends_with(".yaml")) {
    return load_protocol_file(fs, id_or_file);
  }
  std::vector<Found> all = load_all(fs, dirs);
  // In search order, the first protocol with the id, or the first file named after the id that
  // does not load: its problems are the answer. A physiotherapist's own edited copy that broke
  // must not be passed over for an older one later on the path.
  for (auto& found : all) {
    if (found.result.protocol ? found.result.protocol->id == id_or_file
                              : stem_of(found.path) == id_or_file) {
      return std::move(found.result);
    }
  }
  std::vector<std::string> ids;
  for (const auto& found : all) {
    if (found.result.protocol) ids.push_back(found.result.protocol->id);
  }
  std::string suggestion = did_you_mean(id_or_file, ids);
  if (suggestion.empty()) suggestion = protocols_about(all, id_or_file);
  std::string message = "no protocol has the id '" + id_or_file + "'" + suggestion + "; looked in ";
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    if (i > 0) message += ", ";
    message += dirs[i].path + " (" + dirs[i].origin + ")";
  }
  if (dirs.empty()) message += "no directories";
  message += ids.empty() ? " and found no protocols" : "; 'runback protocol list' shows them all";
  LoadResult result;
  result.diagnostics.push_back(Diagnostic{Severity::error, {}, "", message});
  result.error_kind = ErrorKind::not_found;
  return result;
}

}  // namespace runback
