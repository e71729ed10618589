#include "plugin/plugin_host.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "util/suggest.hpp"

namespace runback {

namespace {

// As load_next built the path: DIR + "/" + file.
std::string directory_of(const std::string& path) {
  return path.substr(0, path.rfind('/'));
}

// A library whose file is named after the plugin it declares (knee.so for `knee`).
bool named_after(const Plugin& plugin) {
  return std::filesystem::path(plugin.info().path).stem().string() == plugin.name();
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  auto full = std::filesystem::absolute(path, ec);
  return ec ? path : full.lexically_normal().string();
}

}  // namespace

std::vector<PluginDir> plugin_search_dirs(const FileSystem& fs, const Environment& env,
                                          const std::vector<std::string>& extra_dirs,
                                          const std::string& executable_path) {
  std::vector<PluginDir> dirs;
  auto add = [&](const std::string& path, const std::string& origin) {
    if (path.empty()) return;
    const std::string full = absolute(path);
    for (const auto& dir : dirs) {
      if (dir.path == full) return;
    }
    dirs.push_back({full, origin});
  };
  for (const auto& dir : extra_dirs) add(dir, "--plugin-dir");
  if (auto path = env.get("RUNBACK_PLUGIN_PATH")) {
    std::string::size_type start = 0;
    while (start <= path->size()) {
      const auto colon = path->find(':', start);
      const auto end = colon == std::string::npos ? path->size() : colon;
      add(path->substr(start, end - start), "RUNBACK_PLUGIN_PATH");
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  if (auto data = xdg_data_home(env)) add(*data + "/runback/plugins", "user data");
  if (!executable_path.empty()) {
    std::filesystem::path dir = std::filesystem::path(executable_path).parent_path();
    for (int level = 0; level <= 3 && !dir.empty(); ++level) {
      if (fs.is_file((dir / "CMakeCache.txt").string())) {
        add((dir / "plugins").string(), "build tree");
        break;
      }
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
    // Relative to the binary first, so an installation moved with `cmake --install --prefix`
    // finds its own plugins.
    const auto bin = std::filesystem::path(executable_path).parent_path();
    add((bin / RUNBACK_PLUGIN_DIR_FROM_BINDIR).lexically_normal().string(), "installed");
  }
  add(std::string(RUNBACK_INSTALL_LIBDIR) + "/runback/plugins", "installed");
  return dirs;
}

std::optional<IsolationOptions> plugin_isolation(const Environment& env,
                                                 const std::string& executable_path) {
  IsolationOptions options;
  if (auto in_process = env.get("RUNBACK_PLUGINS_IN_PROCESS")) {
    if (*in_process == "1") return std::nullopt;
    if (*in_process != "0") {
      options.misconfigured = "RUNBACK_PLUGINS_IN_PROCESS: '" + *in_process +
                              "' is neither 1 (plugins inside runback) nor 0 (each in a plugin "
                              "host process, the default)";
    }
  }
  options.host_executable = find_plugin_host_executable(executable_path).value_or("");
  if (auto text = env.get("RUNBACK_PLUGIN_TIMEOUT")) {
    char* end = nullptr;
    const double s = std::strtod(text->c_str(), &end);
    // A number as written, not strtod's wider reading (leading spaces, "inf", hexadecimal).
    const bool plain =
        std::isdigit(static_cast<unsigned char>(text->front())) || text->front() == '.';
    if (plain && end != text->c_str() && *end == '\0' && s >= 0.001 && s <= 86400) {
      options.timeout = std::chrono::milliseconds(static_cast<long long>(s * 1000));
    } else if (options.misconfigured.empty()) {
      options.misconfigured = "RUNBACK_PLUGIN_TIMEOUT: '" + *text +
                              "' is not a number of seconds from 0.001 to 86400 (a plugin's "
                              "time per call), e.g. RUNBACK_PLUGIN_TIMEOUT=30";
    }
  }
  if (auto text = env.get("RUNBACK_PLUGIN_MEMORY_MB")) {
    char* end = nullptr;
    const unsigned long long mb = std::strtoull(text->c_str(), &end, 10);
    if (std::isdigit(static_cast<unsigned char>(text->front())) && *end == '\0' &&
        mb <= kMostPluginMemoryMb) {
      options.memory_mb = mb;
    } else if (options.misconfigured.empty()) {
      options.misconfigured = "RUNBACK_PLUGIN_MEMORY_MB: '" + *text +
                              "' is not a whole number of megabytes from 0 (no limit) to " +
                              std::to_string(kMostPluginMemoryMb) +
                              " (a plugin host's memory), e.g. RUNBACK_PLUGIN_MEMORY_MB=2048";
    }
  }
  return options;
}

PluginHost::PluginHost(const FileSystem& fs, std::vector<PluginDir> dirs,
                       std::optional<IsolationOptions> isolation)
    : fs_(fs), dirs_(std::move(dirs)), isolation_(std::move(isolation)) {}

void PluginHost::load_all() const {
  while (load_next(nullptr)) {
  }
}

bool PluginHost::load_next(const std::string* wanted) const {
  if (!misconfigured().empty()) {
    // Nothing is loaded with limits other than the ones asked for.
    if (next_dir_ < dirs_.size()) failures_.push_back({"", "", misconfigured()});
    next_dir_ = dirs_.size();
    files_.clear();
    next_file_ = 0;
    return false;
  }
  while (next_file_ == files_.size()) {
    if (next_dir_ == dirs_.size()) return false;
    const PluginDir& dir = dirs_[next_dir_++];
    files_.clear();
    next_file_ = 0;
    if (!fs_.is_directory(dir.path)) {
      // Only a directory the user named is worth a word; the defaults often do not exist.
      if (dir.origin == "--plugin-dir" || dir.origin == "RUNBACK_PLUGIN_PATH") {
        failures_.push_back(
            {"", dir.path,
             dir.path + ": the plugin directory (from " + dir.origin + ") does not exist"});
      }
      continue;
    }
    for (const auto& file : fs_.list_directory(dir.path)) {
      if (file.ends_with(".so")) files_.push_back(dir.path + "/" + file);
    }
  }
  if (wanted != nullptr) {
    // The file named after the plugin first: finding `knee` starts no other plugin of its
    // directory (each start is a process).
    const std::string named = dirs_[next_dir_ - 1].path + "/" + *wanted + ".so";
    const auto begin = files_.begin() + std::ptrdiff_t(next_file_);
    if (auto it = std::find(begin, files_.end(), named); it != files_.end()) {
      std::rotate(begin, it, it + 1);
    }
  }
  const std::string& path = files_[next_file_++];
  std::shared_ptr<const Plugin> plugin;
  if (isolation_) {
    // Not even discovery maps a library here: a crash in its static initialisers takes down
    // its own host only.
    auto started = IsolatedPlugin::start(path, *isolation_);
    if (!started) {
      failures_.push_back({started.failure().name, path, started.error()});
      return true;
    }
    const bool first_of_name = std::none_of(plugins_.begin(), plugins_.end(), [&](const auto& p) {
      return p->name() == (*started)->name();
    });
    if (wanted == nullptr || (*started)->name() != *wanted || !first_of_name) (*started)->stop();
    plugin = *started;
  } else {
    auto loaded = LoadedPlugin::load(path);
    if (!loaded) {
      failures_.push_back({loaded.failure().name, path, loaded.error()});
      return true;
    }
    plugin = *loaded;
  }
  auto first = std::find_if(plugins_.begin(), plugins_.end(),
                            [&](const auto& p) { return p->name() == plugin->name(); });
  if (first == plugins_.end()) {
    plugins_.push_back(plugin);
    return true;
  }
  // In one directory, the file named after the plugin is the plugin, whichever was loaded first.
  if (named_after(*plugin) && !named_after(**first) &&
      directory_of((*first)->info().path) == directory_of(path)) {
    failures_.push_back({(*first)->name(), (*first)->info().path,
                         (*first)->label() + ": another plugin named '" + plugin->name() +
                             "' is in the same directory as " + path +
                             ", the file named after it; this one is not used"});
    *first = plugin;
    return true;
  }
  failures_.push_back({plugin->name(), path,
                       plugin->label() + ": another plugin named '" + plugin->name() +
                           "' was found first, at " + (*first)->info().path +
                           "; this one is not used"});
  return true;
}

const std::vector<std::shared_ptr<const Plugin>>& PluginHost::plugins() const {
  load_all();
  return plugins_;
}

const std::vector<PluginFailure>& PluginHost::failures() const {
  load_all();
  return failures_;
}

Result<std::shared_ptr<const Plugin>> PluginHost::find_plugin(const std::string& name) const {
  if (!misconfigured().empty()) return Error{misconfigured(), ErrorKind::bad_input};
  // The first plugin with the name wins, so candidates after it need not be loaded: a plan
  // maps one library, not every one on the search path.
  auto registered = [&]() -> const std::shared_ptr<const Plugin>* {
    for (const auto& plugin : plugins_) {
      if (plugin->name() == name) return &plugin;
    }
    return nullptr;
  };
  if (const auto* plugin = registered()) {
    // Found under another file's name while its directory was part loaded: the file named after
    // it, if that directory has one, is the plugin (load_next).
    const std::size_t dir = next_dir_;
    if (!named_after(**plugin) && directory_of((*plugin)->info().path) == dirs_[dir - 1].path) {
      while (next_dir_ == dir && next_file_ < files_.size() && load_next(nullptr)) {
      }
    }
    return *registered();
  }
  while (load_next(&name)) {
    if (const auto* plugin = registered()) return *plugin;
  }
  for (const auto& failure : failures_) {
    if (failure.name == name) return Error{failure.reason, ErrorKind::plugin};
  }
  std::vector<std::string> names;
  for (const auto& plugin : plugins_) names.push_back(plugin->name());
  std::string looked;
  for (const auto& dir : dirs_) looked += (looked.empty() ? "" : ", ") + dir.path;
  return Error{
      "no plugin named '" + name + "'" + did_you_mean(name, names) + " (looked in " + looked + ")",
      ErrorKind::not_found};
}

Result<std::shared_ptr<const PlanExtension>> PluginHost::find(const std::string& name) const {
  auto plugin = find_plugin(name);
  if (!plugin) return plugin.failure();
  return std::shared_ptr<const PlanExtension>(*plugin);
}

}  // namespace runback
