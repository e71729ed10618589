// Every hook throws; the SDK's C++ layer catches at the boundary and reports the message.
#include <runback/plugin.hpp>
#include <stdexcept>

namespace sdk = runback::sdk;

struct Throwing {
  static constexpr const char* name = "throwing";
  static constexpr const char* version = "0.0.1";
  static constexpr const char* description = "Every hook throws";
  static void validate(const sdk::Params&, const sdk::Diagnostics&) {
    throw std::runtime_error("validate is made of glass");
  }
  static void exercises(const sdk::Context&, const sdk::Exercises&) {
    throw std::runtime_error("exercises are made of glass");
  }
  static void session_cues(const sdk::Context&, const sdk::Cues&) { throw 42; }
  static void questions(const sdk::Context&, const sdk::Questions&) {
    throw std::out_of_range("questions are made of glass");
  }
  static sdk::Verdict verdict(const sdk::Context&, const sdk::DayLog&) {
    throw std::runtime_error("verdict is made of glass");
  }
};
RUNBACK_DECLARE_PLUGIN(Throwing)
