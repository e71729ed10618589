#pragma once
// The plugin host's replies to one request, written to runback's channel in one go when the
// request is done: a write a reply (and runback waking for each) was most of what a batch of
// calls cost. Replies still say which call went wrong, as when each went out alone: whatever
// ends the host in a hook first sends the replies before it (a crash or an abort through a
// signal handler, `exit` through atexit), and a hook that runs longer than a moment has them sent
// while it runs, so that runback, waiting for its reply, can time out on the right call.
//
// One per host process (the signal handlers and the exit hook need it to be found).

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace runback {

class HostOutbox {
 public:
  // Sends on `channel`; installs the handlers and starts the watch on the hooks.
  explicit HostOutbox(int channel);
  ~HostOutbox();
  HostOutbox(const HostOutbox&) = delete;
  HostOutbox& operator=(const HostOutbox&) = delete;

  // A reply's payload, framed and sent with the others at the next flush.
  void add(std::string_view payload);
  // Sends what is held; false when the channel is gone.
  bool flush();
  // Around each hook call: a call running longer than kPatience has the replies before it sent.
  void hook_started();
  void hook_ended();

  static constexpr std::chrono::milliseconds kPatience{20};

 private:
  bool flush_locked();
  void watch();

  const int channel_;
  std::mutex mutex_;
  std::string held_;
  std::atomic<std::int64_t> hook_since_{0};  // steady-clock ns; 0: no hook running
  std::atomic<bool> stopping_{false};
  std::thread watcher_;
};

}  // namespace runback
