#pragma once
// Errors are returned, not thrown through layers: a function that can fail for reasons the user
// should hear about returns Result<T>, whose error is a plain sentence meant for them and a kind
// that callers act on (the command line chooses its exit status from it), so that no caller has
// to read the sentence to decide what to do.

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace runback {

enum class ErrorKind {
  bad_input,  // what the user gave is wrong: a flag, a file's content
  not_found,  // what the user named does not exist: a protocol id, a file, a plugin
  conflict,   // it clashes with what is recorded: a runner who already follows a programme
  io,         // the machine failed: a file or database that cannot be read or written
  plugin,     // a plugin cannot be loaded, or failed in a hook
};

struct Error {
  std::string message;
  ErrorKind kind = ErrorKind::bad_input;
};

// `E` is Error, or an error that carries more (it derives from Error, e.g. PluginLoadError).
template <class T, class E = Error>
class [[nodiscard]] Result {
  static_assert(std::is_base_of_v<Error, E>);

 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const std::string& error() const { return failure().message; }
  ErrorKind error_kind() const { return failure().kind; }
  // The whole error, to pass on with its kind: `return result.failure();`.
  const E& failure() const { return std::get<E>(state_); }

 private:
  std::variant<T, E> state_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() {
  return Done{};
}

}  // namespace runback
