// runback-plugin-host: runs one plugin library for runback, which starts it with a channel on
// fd 3 (host_messages.hpp). Kept small so it starts fast; everything is in host_server.cpp.
//
// usage: runback-plugin-host [--memory-mb N] /absolute/path/plugin.so

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "plugin/host_server.hpp"

namespace {

// Never outlive runback, whatever the plugin does (a hook that never returns, signals ignored).
// Not PR_SET_PDEATHSIG: that fires when the *thread* that started the host ends, and `week --all`
// starts hosts from worker threads that may end before the command does. A runback that ends
// normally stops its hosts itself; this is for one that is killed.
void end_with_runback() {
  const pid_t runback = ::getppid();
  std::thread([runback] {
    while (::getppid() == runback) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::_Exit(1);
  }).detach();
}

}  // namespace

int main(int argc, char** argv) {
  end_with_runback();
  // A host lives for one command, converting history after history: glibc's returning freed
  // memory to the system after each, and faulting it in again for the next, was half of the
  // host's time in a caseload. The memory limit below still bounds what it can take.
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);
  std::string path;
  unsigned long long memory_mb = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--memory-mb" && i + 1 < argc) {
      memory_mb = std::strtoull(argv[++i], nullptr, 10);
    } else {
      path = arg;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: runback-plugin-host [--memory-mb N] PLUGIN.so (runback starts this)\n";
    return 2;
  }
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  // Under ASan the address space is mostly shadow: runback sets ASan's RSS limit instead.
  if (memory_mb > 0 && !runback::sanitized_build()) {
    const rlim_t bytes = static_cast<rlim_t>(memory_mb) << 20;
    const rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  // Unbuffered, so what a hook prints is caught with the call that printed it (stdout_capture.hpp).
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  return runback::serve_plugin(path, 3);
}
