#pragma once
// Environment variables and the clock, behind interfaces so tests can fix them.

#include <map>
#include <optional>
#include <string>

#include "util/date.hpp"

namespace runback {

class Environment {
 public:
  virtual ~Environment() = default;
  // Unset and empty variables both read as nothing, as the XDG specification asks.
  virtual std::optional<std::string> get(const std::string& name) const = 0;
};

class RealEnvironment final : public Environment {
 public:
  std::optional<std::string> get(const std::string& name) const override;
};

class MapEnvironment final : public Environment {
 public:
  explicit MapEnvironment(std::map<std::string, std::string> vars) : vars_(std::move(vars)) {}
  std::optional<std::string> get(const std::string& name) const override {
    auto it = vars_.find(name);
    if (it == vars_.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string> vars_;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;  // the local calendar date
  // This moment in UTC to the second, "2026-11-21T07:40:00Z", as the records stamp a change.
  // The system's time unless a clock fixes it: one that fixes only the day stamps real times.
  virtual std::string utc_timestamp() const;
};

class SystemClock final : public Clock {
 public:
  Date today() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date date) : date_(date) {}
  Date today() const override { return date_; }

 private:
  Date date_;
};

// XDG base directories, falling back to $HOME/.config and $HOME/.local/share.
std::optional<std::string> xdg_config_home(const Environment& env);
std::optional<std::string> xdg_data_home(const Environment& env);

}  // namespace runback
