#pragma once
// The one list of fields per model struct that the protocol archive writes and reads, in order
// (protocol/protocol_archive.cpp walks these lists for both directions, so the writer and the
// reader cannot disagree). A static_assert below checks each list against the number of members
// the struct has, so a member added to the model without being added here stops the build.
//
// Changing any list (or an enum below) changes the archive's layout: bump
// kProtocolArchiveVersion (protocol/protocol_archive.hpp) and append a golden row in
// tests/protocol/protocol_archive_test.cpp.

#include <cstddef>
#include <tuple>
#include <utility>

#include "diagnostic/diagnostic.hpp"
#include "protocol/protocol.hpp"

namespace runback::archive {

template <class T>
struct Fields;  // Fields<T>::list: a tuple of pointers to T's members, in archive order

template <>
struct Fields<SourceLocation> {
  static constexpr auto list =
      std::tuple{&SourceLocation::file, &SourceLocation::line, &SourceLocation::column};
};
template <>
struct Fields<Amount> {
  static constexpr auto list = std::tuple{&Amount::kind, &Amount::value};
};
template <>
struct Fields<IntervalBlock> {
  static constexpr auto list =
      std::tuple{&IntervalBlock::run,        &IntervalBlock::walk,    &IntervalBlock::repeat,
                 &IntervalBlock::walk_first, &IntervalBlock::until,   &IntervalBlock::effort,
                 &IntervalBlock::rpe_min,    &IntervalBlock::rpe_max, &IntervalBlock::speed,
                 &IntervalBlock::walk_speed};
};
template <>
struct Fields<Speed> {
  static constexpr auto list = std::tuple{&Speed::unit, &Speed::value};
};
template <>
struct Fields<Session> {
  static constexpr auto list =
      std::tuple{&Session::warmup_walk, &Session::blocks, &Session::cooldown_walk};
};
template <>
struct Fields<Intensity> {
  static constexpr auto list = std::tuple{&Intensity::rpe_min, &Intensity::rpe_max,
                                          &Intensity::talk_test, &Intensity::cue, &Intensity::ref};
};
template <>
struct Fields<WeekFrequency> {
  static constexpr auto list = std::tuple{
      &WeekFrequency::from_week,    &WeekFrequency::to_week,       &WeekFrequency::sessions_min,
      &WeekFrequency::sessions_max, &WeekFrequency::min_rest_days, &WeekFrequency::ref};
};
template <>
struct Fields<Frequency> {
  static constexpr auto list =
      std::tuple{&Frequency::sessions_min, &Frequency::sessions_max, &Frequency::min_rest_days,
                 &Frequency::ref,          &Frequency::by_week,      &Frequency::sessions_up_to,
                 &Frequency::sessions_ref, &Frequency::rest_ref};
};
template <>
struct Fields<Exercise> {
  static constexpr auto list =
      std::tuple{&Exercise::name,        &Exercise::sets, &Exercise::reps,  &Exercise::hold_s,
                 &Exercise::times,       &Exercise::per,  &Exercise::tempo, &Exercise::load,
                 &Exercise::progression, &Exercise::ref,  &Exercise::where};
};
template <>
struct Fields<RecoveryItem> {
  static constexpr auto list =
      std::tuple{&RecoveryItem::name,           &RecoveryItem::when,    &RecoveryItem::duration,
                 &RecoveryItem::times_per_week, &RecoveryItem::details, &RecoveryItem::ref};
};
template <>
struct Fields<Stage> {
  static constexpr auto list = std::tuple{&Stage::id,
                                          &Stage::name,
                                          &Stage::session,
                                          &Stage::intensity,
                                          &Stage::surface,
                                          &Stage::notes,
                                          &Stage::frequency,
                                          &Stage::sessions_to_advance,
                                          &Stage::exercises,
                                          &Stage::where,
                                          &Stage::ref,
                                          &Stage::ladder,
                                          &Stage::alternatives,
                                          &Stage::generated_step,
                                          &Stage::later_sessions,
                                          &Stage::after_goal_week};
};
template <>
struct Fields<StageAlternative> {
  static constexpr auto list = std::tuple{&StageAlternative::id,      &StageAlternative::name,
                                          &StageAlternative::session, &StageAlternative::intensity,
                                          &StageAlternative::surface, &StageAlternative::where};
};
template <>
struct Fields<Ladder> {
  static constexpr auto list = std::tuple{&Ladder::add, &Ladder::where};
};
template <>
struct Fields<Goal> {
  static constexpr auto list =
      std::tuple{&Goal::unit, &Goal::default_goal, &Goal::min, &Goal::max, &Goal::ref};
};
template <>
struct Fields<AfterGoalSpeed> {
  static constexpr auto list =
      std::tuple{&AfterGoalSpeed::add, &AfterGoalSpeed::until, &AfterGoalSpeed::every_weeks};
};
template <>
struct Fields<PatternWeek> {
  static constexpr auto list = std::tuple{&PatternWeek::kind, &PatternWeek::percent};
};
template <>
struct Fields<LighterWeek> {
  static constexpr auto list = std::tuple{&LighterWeek::every, &LighterWeek::percent};
};
template <>
struct Fields<AfterGoal> {
  static constexpr auto list =
      std::tuple{&AfterGoal::weeks,        &AfterGoal::speed, &AfterGoal::week_pattern,
                 &AfterGoal::lighter_week, &AfterGoal::ref,   &AfterGoal::where};
};
template <>
struct Fields<StageOption> {
  static constexpr auto list = std::tuple{&StageOption::id, &StageOption::name};
};
template <>
struct Fields<PainLimit> {
  static constexpr auto list = std::tuple{&PainLimit::max, &PainLimit::max_rise, &PainLimit::ref};
};
template <>
struct Fields<PainLimits> {
  static constexpr auto list =
      std::tuple{&PainLimits::warmup, &PainLimits::during, &PainLimits::after,
                 &PainLimits::after_minutes, &PainLimits::next_morning};
};
template <>
struct Fields<Action> {
  static constexpr auto list = std::tuple{&Action::kind, &Action::stages, &Action::rest_days};
};
template <>
struct Fields<NumberTest> {
  static constexpr auto list = std::tuple{&NumberTest::op, &NumberTest::value};
};
template <>
struct Fields<InLast> {
  static constexpr auto list = std::tuple{&InLast::sessions, &InLast::at_least};
};
template <>
struct Fields<Rising> {
  static constexpr auto list = std::tuple{&Rising::value, &Rising::days};
};
template <>
struct Fields<Condition> {
  static constexpr auto list = std::tuple{
      &Condition::pain_during,       &Condition::pain_after,    &Condition::pain_next_morning,
      &Condition::stiffness_minutes, &Condition::swelling,      &Condition::limp,
      &Condition::session,           &Condition::exceeds,       &Condition::pain_warmup,
      &Condition::in_last,           &Condition::after_setback, &Condition::rising};
};
template <>
struct Fields<Response> {
  static constexpr auto list = std::tuple{&Response::name, &Response::when, &Response::then,
                                          &Response::why,  &Response::ref,  &Response::where};
};
template <>
struct Fields<BreakRule> {
  static constexpr auto list =
      std::tuple{&BreakRule::days, &BreakRule::step_back, &BreakRule::restart, &BreakRule::ref};
};
template <>
struct Fields<Progression> {
  static constexpr auto list = std::tuple{&Progression::sessions_to_advance,
                                          &Progression::max_stages_per_7_days,
                                          &Progression::partial_session,
                                          &Progression::breaks,
                                          &Progression::ref,
                                          &Progression::decide};
};
template <>
struct Fields<RedFlag> {
  static constexpr auto list =
      std::tuple{&RedFlag::id, &RedFlag::text, &RedFlag::built_in, &RedFlag::ref};
};
template <>
struct Fields<EntryCriterion> {
  static constexpr auto list =
      std::tuple{&EntryCriterion::id, &EntryCriterion::text, &EntryCriterion::ref};
};
template <>
struct Fields<StartBand> {
  static constexpr auto list =
      std::tuple{&StartBand::at_least, &StartBand::stage, &StartBand::exclusive};
};
template <>
struct Fields<EntryTest> {
  static constexpr auto list =
      std::tuple{&EntryTest::question, &EntryTest::unit, &EntryTest::bands, &EntryTest::ref};
};
template <>
struct Fields<StartRule> {
  static constexpr auto list = std::tuple{&StartRule::default_stage, &StartRule::entry_test};
};
template <>
struct Fields<Reference> {
  static constexpr auto list =
      std::tuple{&Reference::id, &Reference::citation, &Reference::url, &Reference::note};
};
template <>
struct Fields<PluginParam> {
  static constexpr auto list = std::tuple{&PluginParam::text, &PluginParam::where};
};
template <>
struct Fields<PluginRef> {
  static constexpr auto list =
      std::tuple{&PluginRef::name, &PluginRef::params, &PluginRef::where, &PluginRef::ref};
};
template <>
struct Fields<CalendarDay> {
  static constexpr auto list =
      std::tuple{&CalendarDay::day, &CalendarDay::stage, &CalendarDay::recovery,
                 &CalendarDay::activity, &CalendarDay::where};
};
template <>
struct Fields<BadDay> {
  static constexpr auto list = std::tuple{&BadDay::rest_days, &BadDay::then, &BadDay::ref};
};
template <>
struct Fields<Calendar> {
  static constexpr auto list = std::tuple{&Calendar::days, &Calendar::bad_day, &Calendar::ref};
};
template <>
struct Fields<Protocol> {
  static constexpr auto list =
      std::tuple{&Protocol::format,        &Protocol::id,         &Protocol::title,
                 &Protocol::version,       &Protocol::condition,  &Protocol::summary,
                 &Protocol::authors,       &Protocol::references, &Protocol::entry_criteria,
                 &Protocol::start,         &Protocol::frequency,  &Protocol::progression,
                 &Protocol::pain,          &Protocol::responses,  &Protocol::red_flags,
                 &Protocol::stages,        &Protocol::exercises,  &Protocol::recovery,
                 &Protocol::plugin,        &Protocol::calendar,   &Protocol::source_path,
                 &Protocol::source_text,   &Protocol::step_word,  &Protocol::goal,
                 &Protocol::weekly_cap,    &Protocol::options,    &Protocol::runner_goal,
                 &Protocol::runner_option, &Protocol::after_goal};
};

template <class T>
concept Archived = requires {
  Fields<T>::list;
};

// The last value of each enum the archive holds: a stored value past it is refused. An enum
// without an entry here does not compile into the archive.
template <class E>
struct LastValue;
#define RUNBACK_ARCHIVE_LAST_VALUE(E, LAST) \
  template <>                               \
  struct LastValue<E> {                     \
    static constexpr E value = LAST;        \
  }
RUNBACK_ARCHIVE_LAST_VALUE(Amount::Kind, Amount::Kind::distance);
RUNBACK_ARCHIVE_LAST_VALUE(Speed::Unit, Speed::Unit::mph);
RUNBACK_ARCHIVE_LAST_VALUE(Period, Period::week);
RUNBACK_ARCHIVE_LAST_VALUE(RecoveryWhen, RecoveryWhen::weekly);
RUNBACK_ARCHIVE_LAST_VALUE(ActionKind, ActionKind::stop);
RUNBACK_ARCHIVE_LAST_VALUE(NumberTest::Op, NumberTest::Op::at_most);
RUNBACK_ARCHIVE_LAST_VALUE(SessionOutcome, SessionOutcome::skipped);
RUNBACK_ARCHIVE_LAST_VALUE(TimePoint, TimePoint::warmup);
RUNBACK_ARCHIVE_LAST_VALUE(Rising::Value, Rising::Value::stiffness_minutes);
RUNBACK_ARCHIVE_LAST_VALUE(PartialSession, PartialSession::counts);
RUNBACK_ARCHIVE_LAST_VALUE(BadDayThen, BadDayThen::same_session);
RUNBACK_ARCHIVE_LAST_VALUE(DecideWhen, DecideWhen::after_session);
#undef RUNBACK_ARCHIVE_LAST_VALUE

// --- The check that every member is listed ---------------------------------------------------

namespace detail {

// Converts to any member type, so `T{AnyMember<0>{}, ..., AnyMember<N-1>{}}` compiles exactly
// when T is an aggregate with at least N members. Never defined: only used unevaluated.
template <std::size_t>
struct AnyMember {
  template <class M>
  operator M&() const&&;  // NOLINT: implicit by design
};

template <class T, std::size_t... I>
constexpr bool brace_initialisable(std::index_sequence<I...>) {
  return requires {
    T{AnyMember<I>{}...};
  };
}

template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
  if constexpr (N > 64 || !brace_initialisable<T>(std::make_index_sequence<N + 1>{})) {
    return N;
  } else {
    return member_count<T, N + 1>();
  }
}

template <class T>
constexpr bool lists_every_member() {
  return std::tuple_size_v<decltype(Fields<T>::list)> == member_count<T>();
}

}  // namespace detail

#define RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(T)                  \
  static_assert(detail::lists_every_member<T>(),               \
                #T " has a member that Fields<" #T             \
                   "> does not list (or lists one it lacks): " \
                   "update the list, bump kProtocolArchiveVersion and the golden test")
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(SourceLocation);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Amount);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Speed);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(IntervalBlock);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Session);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Intensity);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(WeekFrequency);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Frequency);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Exercise);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(RecoveryItem);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Stage);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(StageAlternative);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Ladder);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Goal);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(StageOption);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(PainLimit);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(PainLimits);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Action);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(NumberTest);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(InLast);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Rising);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Condition);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Response);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(BreakRule);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Progression);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(RedFlag);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(EntryCriterion);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(StartBand);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(EntryTest);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(StartRule);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Reference);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(PluginParam);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(PluginRef);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(CalendarDay);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(BadDay);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Calendar);
RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER(Protocol);
#undef RUNBACK_ARCHIVE_LISTS_EVERY_MEMBER

}  // namespace runback::archive
