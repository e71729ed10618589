#include "plugin/host_outbox.hpp"

#include <signal.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>

#include "plugin/wire_format.hpp"

namespace runback {

namespace {

// What the handlers send: the replies held, published after each is complete (never while the
// held string changes: hooks run between changes, and a hook is what crashes).
std::atomic<const char*> g_held{nullptr};
std::atomic<std::size_t> g_held_size{0};
std::atomic<int> g_channel{-1};
std::atomic<HostOutbox*> g_outbox{nullptr};

void send_raw(const char* data, std::size_t size) {
  const int channel = g_channel.load();
  while (size > 0 && channel >= 0) {
    const ssize_t n = ::write(channel, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Async-signal-safe: a write, then the signal again with its default action, so the host still
// ends as it would have (runback reports the signal).
extern "C" void send_held_and_die(int signal_number) {
  const char* held = g_held.exchange(nullptr);
  if (held != nullptr) send_raw(held, g_held_size.load());
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// Not in a signal: it may wait for a flush the watch has begun, so each reply goes once, whole.
extern "C" void send_held_at_exit() {
  if (HostOutbox* outbox = g_outbox.load()) outbox->flush();
}

void install_handlers() {
  // Its own stack, so a hook that overflows its stack still has its earlier replies sent.
  static char alternate_stack[1 << 16];
  stack_t stack{};
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  ::sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_handler = &send_held_and_die;
  action.sa_flags = SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS}) {
    ::sigaction(signal_number, &action, nullptr);
  }
  std::atexit(&send_held_at_exit);
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

HostOutbox::HostOutbox(int channel) : channel_(channel) {
  g_channel = channel;
  g_outbox = this;
  install_handlers();
  watcher_ = std::thread([this] { watch(); });
}

HostOutbox::~HostOutbox() {
  stopping_ = true;
  watcher_.join();
  flush();
  g_outbox = nullptr;
  g_channel = -1;
}

void HostOutbox::add(std::string_view payload) {
  const std::lock_guard lock(mutex_);
  g_held = nullptr;  // held_ may move
  wire::append_frame(held_, payload);
  g_held_size = held_.size();
  g_held = held_.data();
}

bool HostOutbox::flush() {
  const std::lock_guard lock(mutex_);
  return flush_locked();
}

bool HostOutbox::flush_locked() {
  // Taken from the signal handlers first: what is being written must not be written twice. When
  // a handler took it already, the host is ending with those replies sent.
  if (g_held.exchange(nullptr) == nullptr) {
    held_.clear();
    return true;
  }
  std::size_t done = 0;
  bool sent = true;
  while (done < held_.size()) {
    const ssize_t n = ::write(channel_, held_.data() + done, held_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      sent = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  held_.clear();
  return sent;
}

void HostOutbox::hook_started() {
  hook_since_ = now_ns();
}

void HostOutbox::hook_ended() {
  hook_since_ = 0;
}

void HostOutbox::watch() {
  const auto patience = std::chrono::duration_cast<std::chrono::nanoseconds>(kPatience).count();
  while (!stopping_) {
    std::this_thread::sleep_for(kPatience / 2);
    const std::int64_t since = hook_since_;
    if (since != 0 && now_ns() - since > patience) {
      const std::lock_guard lock(mutex_);
      if (!held_.empty()) flush_locked();
    }
  }
}

}  // namespace runback
