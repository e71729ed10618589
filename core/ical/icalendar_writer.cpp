#include "ical/icalendar_writer.hpp"

#include <chrono>
#include <memory>

#include "ical/libical_api.hpp"

namespace runback {
namespace {

icaltimetype ical_date(Date date) {
  const std::chrono::year_month_day ymd{date};
  icaltimetype out{};
  out.year = int(ymd.year());
  out.month = int(unsigned(ymd.month()));
  out.day = int(unsigned(ymd.day()));
  out.is_date = 1;
  return out;
}

// Midnight UTC of `date`.
icaltimetype ical_stamp(const LibIcal& ical, Date date) {
  icaltimetype out = ical_date(date);
  out.is_date = 0;
  out.zone = ical.icaltimezone_get_utc_timezone();
  return out;
}

// A property libical has no constructor for: "X-WR-CALNAME:Sam's plan".
icalproperty* x_property(const LibIcal& ical, const char* name, const std::string& value) {
  icalproperty* property = ical.icalproperty_new_x(value.c_str());
  ical.icalproperty_set_x_name(property, name);
  return property;
}

icalcomponent* alarm_component(const LibIcal& ical, const CalendarAlarm& alarm) {
  icalcomponent* component = ical.icalcomponent_new(ICAL_VALARM_COMPONENT);
  ical.icalcomponent_add_property(component, ical.icalproperty_new_action(ICAL_ACTION_DISPLAY));
  // Relative to the start of the day, so it rings at that hour wherever the runner is.
  icaltriggertype trigger{};
  trigger.duration.hours = unsigned(alarm.hour);
  ical.icalcomponent_add_property(component, ical.icalproperty_new_trigger(trigger));
  ical.icalcomponent_add_property(component, ical.icalproperty_new_description(alarm.text.c_str()));
  return component;
}

icalcomponent* event_component(const LibIcal& ical, const CalendarDocument& document,
                               const CalendarEvent& event) {
  icalcomponent* component = ical.icalcomponent_new(ICAL_VEVENT_COMPONENT);
  auto add = [&](icalproperty* property) { ical.icalcomponent_add_property(component, property); };
  add(ical.icalproperty_new_uid(event.uid.c_str()));
  add(ical.icalproperty_new_dtstamp(ical_stamp(ical, document.stamp)));
  add(ical.icalproperty_new_dtstart(ical_date(event.date)));
  add(ical.icalproperty_new_dtend(ical_date(event.date + std::chrono::days{1})));
  add(ical.icalproperty_new_sequence(document.sequence));
  add(ical.icalproperty_new_summary(event.summary.c_str()));
  add(ical.icalproperty_new_description(event.description.c_str()));
  if (!event.category.empty()) add(ical.icalproperty_new_categories(event.category.c_str()));
  add(ical.icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  if (event.alarm) {
    ical.icalcomponent_add_component(component, alarm_component(ical, *event.alarm));
  }
  return component;
}

}  // namespace

Result<std::string> icalendar_text(const CalendarDocument& document) {
  auto loaded = libical();
  if (!loaded) return loaded.failure();
  const LibIcal& ical = **loaded;

  const std::unique_ptr<icalcomponent, decltype(ical.icalcomponent_free)> calendar(
      ical.icalcomponent_new(ICAL_VCALENDAR_COMPONENT), ical.icalcomponent_free);
  auto add = [&](icalproperty* property) {
    ical.icalcomponent_add_property(calendar.get(), property);
  };
  add(ical.icalproperty_new_version("2.0"));
  add(ical.icalproperty_new_prodid(document.product.c_str()));
  add(ical.icalproperty_new_calscale("GREGORIAN"));
  add(ical.icalproperty_new_method(ICAL_METHOD_PUBLISH));
  // Widely read names for a calendar's title and zone (Apple, Google, Thunderbird); whole-day
  // entries need no VTIMEZONE, and the zone tells an application where the alarms' hours are.
  if (!document.name.empty()) add(x_property(ical, "X-WR-CALNAME", document.name));
  if (!document.time_zone.empty()) add(x_property(ical, "X-WR-TIMEZONE", document.time_zone));
  for (const CalendarEvent& event : document.events) {
    ical.icalcomponent_add_component(calendar.get(), event_component(ical, document, event));
  }

  char* text = ical.icalcomponent_as_ical_string_r(calendar.get());
  if (text == nullptr) return Error{"libical could not write the calendar", ErrorKind::io};
  std::string out(text);
  ical.icalmemory_free_buffer(text);
  return out;
}

}  // namespace runback
