#pragma once
// libical, loaded when a calendar is first written rather than linked: linked, it would bring
// ICU and the shared C++ runtime into every runback process, and double the start-up time of
// commands that never write a calendar (docs/performance.md). The functions keep the types
// libical's own header gives them, so each call is checked as if linked.

#include <libical/ical.h>

#include "util/result.hpp"

namespace runback {

// The libical functions runback calls, as X(name).
#define RUNBACK_LIBICAL_FUNCTIONS(X) \
  X(icalcomponent_new)               \
  X(icalcomponent_free)              \
  X(icalcomponent_add_component)     \
  X(icalcomponent_add_property)      \
  X(icalcomponent_as_ical_string_r)  \
  X(icalmemory_free_buffer)          \
  X(icalproperty_new_version)        \
  X(icalproperty_new_prodid)         \
  X(icalproperty_new_calscale)       \
  X(icalproperty_new_method)         \
  X(icalproperty_new_x)              \
  X(icalproperty_set_x_name)         \
  X(icalproperty_new_uid)            \
  X(icalproperty_new_dtstamp)        \
  X(icalproperty_new_dtstart)        \
  X(icalproperty_new_dtend)          \
  X(icalproperty_new_summary)        \
  X(icalproperty_new_description)    \
  X(icalproperty_new_categories)     \
  X(icalproperty_new_sequence)       \
  X(icalproperty_new_transp)         \
  X(icalproperty_new_action)         \
  X(icalproperty_new_trigger)        \
  X(icaltimezone_get_utc_timezone)

struct LibIcal {
#define RUNBACK_LIBICAL_POINTER(name) decltype(&::name) name = nullptr;
  RUNBACK_LIBICAL_FUNCTIONS(RUNBACK_LIBICAL_POINTER)
#undef RUNBACK_LIBICAL_POINTER
};

// libical's functions, loaded once for the process, or why they cannot be (not installed, or
// too old to have one of them): an error of kind io.
Result<const LibIcal*> libical();

}  // namespace runback
