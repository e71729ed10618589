#include "ical/libical_api.hpp"

#include <dlfcn.h>

#include <string>

namespace runback {
namespace {

Result<LibIcal> load() {
  // The library's soname: libical 3 is what the header was written for.
  constexpr const char* kLibrary = "libical.so.3";
  // Never closed: the process keeps it, as it would a linked library.
  void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Error{std::string("writing a calendar needs libical 3 (the Debian package libical3), "
                             "which cannot be loaded: ") +
                     (why ? why : kLibrary),
                 ErrorKind::io};
  }
  LibIcal api;
  std::string missing;
#define RUNBACK_LIBICAL_RESOLVE(name)                                    \
  api.name = reinterpret_cast<decltype(api.name)>(dlsym(handle, #name)); \
  if (api.name == nullptr) missing += std::string(missing.empty() ? "" : ", ") + #name;
  RUNBACK_LIBICAL_FUNCTIONS(RUNBACK_LIBICAL_RESOLVE)
#undef RUNBACK_LIBICAL_RESOLVE
  if (!missing.empty()) {
    return Error{std::string("writing a calendar needs libical 3, but the ") + kLibrary +
                     " found lacks " + missing,
                 ErrorKind::io};
  }
  return api;
}

}  // namespace

Result<const LibIcal*> libical() {
  static const Result<LibIcal> loaded = load();
  if (!loaded) return loaded.failure();
  return &loaded.value();
}

}  // namespace runback
