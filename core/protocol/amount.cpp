#include "protocol/amount.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "util/suggest.hpp"

namespace runback {
namespace {

struct Unit {
  std::string_view name;
  Amount::Kind kind;
  double factor;  // to seconds or metres
};

constexpr std::array<Unit, 21> kUnits = {{
    {"s", Amount::Kind::time, 1},
    {"sec", Amount::Kind::time, 1},
    {"secs", Amount::Kind::time, 1},
    {"second", Amount::Kind::time, 1},
    {"seconds", Amount::Kind::time, 1},
    {"min", Amount::Kind::time, 60},
    {"mins", Amount::Kind::time, 60},
    {"minute", Amount::Kind::time, 60},
    {"minutes", Amount::Kind::time, 60},
    {"h", Amount::Kind::time, 3600},
    {"hr", Amount::Kind::time, 3600},
    {"hrs", Amount::Kind::time, 3600},
    {"hour", Amount::Kind::time, 3600},
    {"hours", Amount::Kind::time, 3600},
    {"m", Amount::Kind::distance, 1},
    {"metre", Amount::Kind::distance, 1},
    {"metres", Amount::Kind::distance, 1},
    {"meter", Amount::Kind::distance, 1},
    {"meters", Amount::Kind::distance, 1},
    {"km", Amount::Kind::distance, 1000},
    {"mi", Amount::Kind::distance, kMetresPerMile},
}};

const Unit* find_unit(std::string_view name) {
  std::string lower;
  for (char c : name) lower += char(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& unit : kUnits) {
    if (unit.name == lower) return &unit;
  }
  // Longer spellings that would not fit the table's neat pairs.
  static constexpr std::array<Unit, 10> kMore = {{
      {"kilometre", Amount::Kind::distance, 1000},
      {"kilometres", Amount::Kind::distance, 1000},
      {"kilometer", Amount::Kind::distance, 1000},
      {"kilometers", Amount::Kind::distance, 1000},
      {"mile", Amount::Kind::distance, kMetresPerMile},
      {"miles", Amount::Kind::distance, kMetresPerMile},
      {"yd", Amount::Kind::distance, kMetresPerYard},
      {"yard", Amount::Kind::distance, kMetresPerYard},
      {"yds", Amount::Kind::distance, kMetresPerYard},
      {"yards", Amount::Kind::distance, kMetresPerYard},
  }};
  for (const auto& unit : kMore) {
    if (unit.name == lower) return &unit;
  }
  return nullptr;
}

std::string examples(std::optional<Amount::Kind> expected) {
  if (expected == Amount::Kind::time) return "a time such as '90 s', '2 min' or '1 h 15 min'";
  if (expected == Amount::Kind::distance)
    return "a distance such as '400 m', '1.2 km' or '0.25 mi'";
  return "a time such as '90 s' or '2 min', or a distance such as '400 m' or '1.2 km'";
}

std::string kind_name(Amount::Kind kind) {
  return kind == Amount::Kind::time ? "a time" : "a distance";
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

Result<Amount> parse_amount(std::string_view text, std::optional<Amount::Kind> expected) {
  const std::string quoted = "'" + std::string(text) + "'";
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  skip_spaces();
  if (i == text.size()) return Error{"is empty; expected " + examples(expected)};

  std::optional<Amount::Kind> kind;
  double total = 0;
  int parts = 0;
  while (true) {
    skip_spaces();
    if (i == text.size()) break;
    // The number: digits, optionally a '.' and more digits.
    double value = 0;
    int digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      ++i;
      ++digits;
    }
    if (i < text.size() && text[i] == '.') {
      ++i;
      double scale = 0.1;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        value += (text[i] - '0') * scale;
        scale /= 10;
        ++i;
        ++digits;
      }
    }
    if (digits == 0) {
      if (parts == 0 && i < text.size() && text[i] == '-') {
        return Error{quoted + " is negative; expected " + examples(expected)};
      }
      return Error{quoted + " is not " + (expected ? kind_name(*expected) : "a time or distance") +
                   "; expected " + examples(expected)};
    }
    if (digits > 12) return Error{quoted + " is far too large; expected " + examples(expected)};
    skip_spaces();
    const std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const std::string_view unit_text = text.substr(unit_start, i - unit_start);
    if (unit_text.empty()) {
      if (i == text.size()) {
        return Error{quoted + " has no unit; expected " + examples(expected)};
      }
      return Error{quoted + " has '" + std::string(1, text[i]) + "' where a unit was expected; " +
                   "expected " + examples(expected)};
    }
    const Unit* unit = find_unit(unit_text);
    if (unit == nullptr) {
      std::vector<std::string> names;
      for (const auto& u : kUnits) names.emplace_back(u.name);
      for (const char* more : {"mile", "miles", "kilometres", "kilometers", "yd", "yards"})
        names.emplace_back(more);
      return Error{quoted + " has an unknown unit '" + std::string(unit_text) + "'" +
                   did_you_mean(unit_text, names) + "; expected " + examples(expected)};
    }
    if (kind && *kind != unit->kind) {
      return Error{quoted + " mixes a time and a distance; expected " + examples(expected)};
    }
    kind = unit->kind;
    total += value * unit->factor;
    ++parts;
  }
  if (expected && *kind != *expected) {
    return Error{quoted + " is " + kind_name(*kind) + "; expected " + examples(expected)};
  }
  return Amount{*kind, total};
}

Result<Speed> parse_speed(std::string_view text) {
  const std::string quoted = "'" + std::string(text) + "'";
  const std::string example = "expected a speed such as '6 mph' or '9.5 km/h'";
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  double value = 0;
  int digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    value = value * 10 + (text[i++] - '0');
    ++digits;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    double scale = 0.1;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value += (text[i++] - '0') * scale;
      scale /= 10;
      ++digits;
    }
  }
  if (digits == 0 || digits > 12) return Error{quoted + " is not a speed; " + example};
  while (i < text.size() && is_space(text[i])) ++i;
  std::string unit;
  for (; i < text.size(); ++i) {
    if (!is_space(text[i])) unit += char(std::tolower(static_cast<unsigned char>(text[i])));
  }
  if (unit.empty()) return Error{quoted + " has no unit; " + example};
  if (unit == "mph") return Speed{Speed::Unit::mph, value};
  if (unit == "km/h" || unit == "kmh" || unit == "kph") return Speed{Speed::Unit::kmh, value};
  return Error{quoted + " has an unknown unit '" + unit + "'" +
               did_you_mean(unit, {"mph", "km/h"}) + "; " + example};
}

std::string format_speed(const Speed& speed) {
  return format_number(speed.value) + (speed.unit == Speed::Unit::mph ? " mph" : " km/h");
}

double speed_kmh(const Speed& speed) {
  return speed.unit == Speed::Unit::mph ? speed.value * kMetresPerMile / 1000 : speed.value;
}

std::string format_number(double value) {
  const double rounded = std::round(value * 100) / 100;
  if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(rounded)));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string format_seconds(double seconds) {
  const long long s = std::llround(seconds);
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) {
    const long long minutes = s / 60, rest = s % 60;
    if (rest == 0) return std::to_string(minutes) + " min";
    // "90 s" reads more easily than "1 min 30 s"; from two minutes on, minutes and seconds.
    if (s < 120) return std::to_string(s) + " s";
    return std::to_string(minutes) + " min " + std::to_string(rest) + " s";
  }
  // An hour or more: to the minute.
  const long long total_minutes = (s + 30) / 60;
  const long long hours = total_minutes / 60, minutes = total_minutes % 60;
  if (minutes == 0) return std::to_string(hours) + " h";
  return std::to_string(hours) + " h " + std::to_string(minutes) + " min";
}

std::string format_metres(double metres) {
  const double miles = metres / kMetresPerMile;
  const double hundredths = miles * 100;
  const bool whole_metres = std::fabs(metres - std::round(metres)) < 1e-6;
  if (!whole_metres && std::fabs(hundredths - std::round(hundredths)) < 1e-6) {
    return format_number(miles) + " mi";
  }
  // Written in yards (a whole number of yards, not of metres): yards up to a mile ("50 yd",
  // "660 yd"), miles beyond ("1.99 mi"), as a runner who reads yards would say it.
  const double yards = metres / kMetresPerYard;
  if (!whole_metres && std::fabs(yards - std::round(yards)) < 1e-6) {
    if (yards < 1760 - 0.5) return std::to_string(std::llround(yards)) + " yd";
    return format_number(miles) + " mi";
  }
  if (metres < 1000 - 0.5) return std::to_string(std::llround(metres)) + " m";
  return format_number(metres / 1000) + " km";
}

std::string format_amount(const Amount& amount) {
  return amount.kind == Amount::Kind::time ? format_seconds(amount.value)
                                           : format_metres(amount.value);
}

}  // namespace runback
