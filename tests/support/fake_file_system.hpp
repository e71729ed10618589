#pragma once
// An in-memory FileSystem for tests, as ninja's VirtualFileSystem.

#include <map>
#include <set>
#include <string>

#include "io/file_system.hpp"

namespace runback::testing {

class FakeFileSystem final : public FileSystem {
 public:
  void add_file(const std::string& path, std::string content) {
    files_[path] = std::move(content);
    for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0;
         slash = path.rfind('/', slash - 1)) {
      directories_.insert(path.substr(0, slash));
    }
  }
  Result<std::string> read_file(const std::string& path, std::size_t max_bytes) const override {
    auto it = files_.find(path);
    if (it == files_.end()) return Error{path + ": no such file", ErrorKind::not_found};
    if (it->second.size() > max_bytes) return Error{path + ": the file is too large"};
    return it->second;
  }
  bool is_file(const std::string& path) const override { return files_.count(path) > 0; }
  bool is_directory(const std::string& path) const override { return directories_.count(path) > 0; }
  std::vector<std::string> list_directory(const std::string& path) const override {
    std::set<std::string> names;
    const std::string prefix = path + "/";
    for (const auto& [file, content] : files_) {
      if (file.rfind(prefix, 0) != 0) continue;
      const std::string rest = file.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    }
    return {names.begin(), names.end()};
  }

 private:
  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
};

}  // namespace runback::testing
