#include "time_zone.hpp"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace runback::cli {
namespace {

// "Europe/London" from "/usr/share/zoneinfo/Europe/London", ":Europe/London" or
// "posix/Europe/London"; the text itself when it is already a name.
std::string zone_name(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (!text.empty() && text.front() == ':') text.erase(0, 1);
  if (const auto at = text.rfind("zoneinfo/"); at != std::string::npos) text.erase(0, at + 9);
  for (const char* prefix : {"posix/", "right/"}) {
    if (text.rfind(prefix, 0) == 0) text.erase(0, std::string(prefix).size());
  }
  return text;
}

// Letters, digits and "/_+-", starting with a letter, and no "..": the shape of an IANA name,
// which a POSIX rule ("GMT0BST,M3.5.0/1") or a path ("/etc/my-zone") does not have.
bool name_shaped(const std::string& name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) return false;
  if (name.find("..") != std::string::npos) return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '+' &&
        c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string time_zone_from(const std::optional<std::string>& tz,
                           const std::optional<std::string>& localtime_target,
                           const std::optional<std::string>& etc_timezone,
                           const std::function<bool(const std::string&)>& known) {
  auto usable = [&](const std::optional<std::string>& text) -> std::optional<std::string> {
    if (!text) return std::nullopt;
    std::string name = zone_name(*text);
    if (!name_shaped(name) || !known(name)) return std::nullopt;
    return name;
  };
  // $TZ, when set, is the zone whatever the machine says; one that names no zone leaves the
  // calendar without one rather than with the machine's, which is not the runner's.
  if (tz) return usable(tz).value_or("");
  if (auto name = usable(localtime_target)) return *name;
  return usable(etc_timezone).value_or("");
}

std::string runner_time_zone(const Context& context) {
  const std::string database = context.env.get("TZDIR").value_or("/usr/share/zoneinfo");
  const bool has_database = context.fs.is_directory(database);
  auto known = [&](const std::string& name) {
    return !has_database || context.fs.is_file(database + "/" + name);
  };
  std::optional<std::string> target;
  std::error_code error;
  const auto link = std::filesystem::read_symlink("/etc/localtime", error);
  if (!error) target = link.string();
  std::optional<std::string> etc_timezone;
  if (auto text = context.fs.read_file("/etc/timezone", 256)) etc_timezone = *text;
  return time_zone_from(context.env.get("TZ"), target, etc_timezone, known);
}

}  // namespace runback::cli
