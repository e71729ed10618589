#pragma once
// A digest of a plugin library's bytes, recorded with a programme so that a different library
// under the same plugin name is noticed (extension/programme_plugin.hpp).
//
// An identity check, not a security one: it tells a rebuilt or replaced library from the one a
// programme started with, as a version number cannot (a copy may claim any version). It does
// not resist someone crafting a library to match a digest; a clinic that needs that controls
// who may write to its plugin directories.

#include <cstddef>
#include <string>
#include <string_view>

#include "io/file_system.hpp"
#include "util/result.hpp"

namespace runback {

// Libraries larger than this are refused rather than read whole (a plugin is a few MB).
inline constexpr std::size_t kMaxLibraryBytes = std::size_t{512} << 20;

// 16 lower-case hex digits of a fast 64-bit hash of `bytes`.
std::string digest_of_bytes(std::string_view bytes);

// The digest of the file at `path`, read through `fs`; errors name the file (ErrorKind::plugin).
Result<std::string> library_digest(const FileSystem& fs, const std::string& path);

}  // namespace runback
