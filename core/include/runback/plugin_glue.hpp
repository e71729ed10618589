#pragma once
// The glue RUNBACK_DECLARE_PLUGIN expands to: the exported entry point, the ABI handshake and a
// hook table holding only the hooks the plugin's class defines. Part of <runback/plugin.hpp>;
// include that, not this.

#include "runback/plugin.hpp"

namespace runback::sdk {

namespace detail {

template <class F>
int32_t guarded(const rb_sink* sink, F&& body) noexcept {
  try {
    body();
    return RB_OK;
  } catch (const std::exception& e) {
    sink->fail(sink->host, e.what());
  } catch (...) {
    sink->fail(sink->host, "an exception that is not a std::exception");
  }
  return RB_FAILED;
}

// A hook with the right name but the wrong signature would otherwise be silently ignored.
template <class P>
constexpr bool check_hook_signatures() {
  if constexpr (requires { &P::validate; }) {
    static_assert(
        requires(const Params& in, Diagnostics& out) { P::validate(in, out); },
        "validate must be: static void validate(const sdk::Params&, const sdk::Diagnostics&)");
  }
  if constexpr (requires { &P::exercises; }) {
    static_assert(
        requires(const Context& in, Exercises& out) { P::exercises(in, out); },
        "exercises must be: static void exercises(const sdk::Context&, const sdk::Exercises&)");
  }
  if constexpr (requires { &P::session_cues; }) {
    static_assert(
        requires(const Context& in, Cues& out) { P::session_cues(in, out); },
        "session_cues must be: static void session_cues(const sdk::Context&, "
        "const sdk::Cues&)");
  }
  if constexpr (requires { &P::questions; }) {
    static_assert(
        requires(const Context& in, Questions& out) { P::questions(in, out); } ||
            requires(const Params& in, Questions& out) { P::questions(in, out); },
        "questions must be: static void questions(const sdk::Context&, const sdk::Questions&), "
        "or, when they depend on the parameters alone, "
        "static void questions(const sdk::Params&, const sdk::Questions&)");
  }
  if constexpr (requires { &P::verdict; }) {
    static_assert(
        requires(const Context& in, const DayLog& log) {
          { P::verdict(in, log) } -> std::convertible_to<Verdict>;
        },
        "verdict must be: static sdk::Verdict verdict(const sdk::Context&, const sdk::DayLog&)");
  }
  return true;
}

// A member whose name is one slip from a hook's would otherwise compile and never be called.
// Each check names the member it found and the hook it meant.
#define RUNBACK_SDK_NEAR_MISS(wrong, meant)                \
  static_assert(                                           \
      !requires { &P::wrong; }, "runback plugin: '" #wrong \
                                "' is not a hook; did "    \
                                "you mean '" #meant "'? (see <runback/plugin.hpp>)")

template <class P>
constexpr bool check_hook_names() {
  RUNBACK_SDK_NEAR_MISS(validates, validate);
  RUNBACK_SDK_NEAR_MISS(validation, validate);
  RUNBACK_SDK_NEAR_MISS(exercise, exercises);
  RUNBACK_SDK_NEAR_MISS(exercices, exercises);
  RUNBACK_SDK_NEAR_MISS(excercises, exercises);
  RUNBACK_SDK_NEAR_MISS(cue, session_cues);
  RUNBACK_SDK_NEAR_MISS(cues, session_cues);
  RUNBACK_SDK_NEAR_MISS(session_cue, session_cues);
  RUNBACK_SDK_NEAR_MISS(sessioncues, session_cues);
  RUNBACK_SDK_NEAR_MISS(question, questions);
  RUNBACK_SDK_NEAR_MISS(checkpoint_questions, questions);
  RUNBACK_SDK_NEAR_MISS(verdicts, verdict);
  RUNBACK_SDK_NEAR_MISS(checkpoint_verdict, verdict);
  RUNBACK_SDK_NEAR_MISS(parameters, params);
  return true;
}
#undef RUNBACK_SDK_NEAR_MISS

template <class P>
const rb_plugin* describe() noexcept {
  static_assert(check_hook_signatures<P>());
  static_assert(check_hook_names<P>());
  static const rb_plugin plugin = [] {
    rb_plugin p{};
    p.abi_major = RUNBACK_PLUGIN_ABI_MAJOR;
    p.abi_minor = RUNBACK_PLUGIN_ABI_MINOR;
    p.struct_size = sizeof(rb_plugin);
    p.name = P::name;
    p.version = P::version;
    p.description = P::description;
    if constexpr (requires { P::params; }) {
      p.params = std::data(P::params);
      p.param_count = std::size(P::params);
    }
    if constexpr (requires(const Params& in, Diagnostics& out) { P::validate(in, out); }) {
      p.validate = [](const rb_params* params, const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          Diagnostics out(sink);
          P::validate(Params(params), out);
        });
      };
    }
    if constexpr (requires(const Context& in, Exercises& out) { P::exercises(in, out); }) {
      p.exercises = [](const rb_context* context, const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          Exercises out(sink);
          P::exercises(Context(context), out);
        });
      };
    }
    if constexpr (requires(const Context& in, Cues& out) { P::session_cues(in, out); }) {
      p.session_cues = [](const rb_context* context, const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          Cues out(sink);
          P::session_cues(Context(context), out);
        });
      };
    }
    if constexpr (requires(const Context& in, Questions& out) { P::questions(in, out); }) {
      p.questions = [](const rb_context* context, const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          Questions out(sink);
          P::questions(Context(context), out);
        });
      };
    } else if constexpr (requires(const Params& in, Questions& out) { P::questions(in, out); }) {
      p.fixed_questions = [](const rb_params* params, const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          Questions out(sink);
          P::questions(Params(params), out);
        });
      };
    }
    if constexpr (requires(const Context& in, const DayLog& log) { P::verdict(in, log); }) {
      p.verdict = [](const rb_context* context, const rb_day_log* log,
                     const rb_sink* sink) noexcept {
        return guarded(sink, [&] {
          const Verdict v = P::verdict(Context(context), DayLog(log));
          if (v.action == Action::proceed && v.why.empty() && !v.waiting()) return;
          const rb_verdict out{sizeof(rb_verdict),
                               v.waiting() ? int32_t{RB_WAIT} : static_cast<int32_t>(v.action),
                               v.waiting() ? 0 : v.stages,
                               v.waiting() ? 0 : v.rest_days,
                               v.why.c_str(),
                               v.waiting() ? v.waiting_for.c_str() : nullptr};
          sink->verdict(sink->host, &out);
        });
      };
    }
    return p;
  }();
  return &plugin;
}

}  // namespace detail
}  // namespace runback::sdk

// Exports the plugin described by class `Type`. Use it once, at namespace scope, in one file.
#define RUNBACK_DECLARE_PLUGIN(Type)                                             \
  extern "C" RUNBACK_PLUGIN_EXPORT const rb_plugin* runback_plugin_entry(void) { \
    return ::runback::sdk::detail::describe<Type>();                             \
  }
