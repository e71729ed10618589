#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_escape.hpp"
#include "report/plan_words.hpp"

namespace runback {

LinearScale::LinearScale(double lo, double hi, double start, double end)
    : lo_(lo), hi_(hi), start_(start), end_(end) {}

double LinearScale::operator()(double value) const {
  if (hi_ == lo_) return (start_ + end_) / 2;
  return start_ + (value - lo_) / (hi_ - lo_) * (end_ - start_);
}

DayScale::DayScale(Date from, Date to, const PlotArea& area)
    : from_(from),
      to_(std::max(from, to)),
      left_(area.left),
      slot_(area.width / double((to_ - from_).count() + 1)) {}

double DayScale::operator()(Date day) const {
  return left_ + (double((day - from_).count()) + 0.5) * slot_;
}

std::vector<double> nice_ticks(double lo, double hi, bool whole) {
  if (hi <= lo) hi = lo + 1;
  const double rough = (hi - lo) / 5;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * power;
    if (step >= rough) break;
  }
  if (whole) step = std::max(1.0, std::round(step));
  std::vector<double> ticks;
  for (double value = std::floor(lo / step) * step; ticks.empty() || ticks.back() < hi - 1e-9;
       value += step) {
    ticks.push_back(value);
  }
  return ticks;
}

std::string svg_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string out = buffer;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  if (out == "-0") out = "0";
  return out;
}

namespace {

std::string attribute(std::string_view name, double value) {
  return " " + std::string(name) + "=\"" + svg_number(value) + "\"";
}

std::string class_attribute(std::string_view css_class) {
  return " class=\"" + html_escape(css_class) + "\"";
}

// A shape's element: its title as a child when it has one, so hovering it shows the title.
std::string element(std::string_view open, std::string_view title) {
  if (title.empty()) return std::string(open) + "/>";
  const std::string tag(open.substr(1, open.find(' ') - 1));
  return std::string(open) + "><title>" + html_escape(title) + "</title></" + tag + ">";
}

const char* anchor_name(Anchor anchor) {
  switch (anchor) {
    case Anchor::start:
      return "start";
    case Anchor::middle:
      return "middle";
    case Anchor::end:
      return "end";
  }
  return "start";
}

std::string points_text(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [x, y] : points) {
    if (!out.empty()) out += ' ';
    out += svg_number(x) + "," + svg_number(y);
  }
  return out;
}

}  // namespace

SvgWriter::SvgWriter(double width, double height, std::string_view label) {
  out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + svg_number(width) + " " +
         svg_number(height) + "\" role=\"img\" aria-label=\"" + html_escape(label) + "\"><title>" +
         html_escape(label) + "</title>\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  out_ += "<line" + attribute("x1", x1) + attribute("y1", y1) + attribute("x2", x2) +
          attribute("y2", y2) + class_attribute(css_class) + "/>\n";
}

void SvgWriter::polyline(const std::vector<std::pair<double, double>>& points,
                         std::string_view css_class) {
  if (points.size() < 2) return;
  out_ += "<polyline points=\"" + points_text(points) + "\"" + class_attribute(css_class) + "/>\n";
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class,
                     std::string_view title) {
  out_ += element("<rect" + attribute("x", x) + attribute("y", y) + attribute("width", width) +
                      attribute("height", height) + class_attribute(css_class),
                  title) +
          "\n";
}

void SvgWriter::marker(Marker shape, double x, double y, double size, std::string_view css_class,
                       std::string_view title) {
  const double h = size / 2;
  std::vector<std::pair<double, double>> corners;
  switch (shape) {
    case Marker::circle:
      out_ += element("<circle" + attribute("cx", x) + attribute("cy", y) + attribute("r", h) +
                          class_attribute(css_class),
                      title) +
              "\n";
      return;
    case Marker::square:
      return rect(x - h * 0.9, y - h * 0.9, size * 0.9, size * 0.9, css_class, title);
    case Marker::triangle_up:
      corners = {{x, y - h * 1.15}, {x + h * 1.1, y + h * 0.85}, {x - h * 1.1, y + h * 0.85}};
      break;
    case Marker::triangle_down:
      corners = {{x, y + h * 1.15}, {x + h * 1.1, y - h * 0.85}, {x - h * 1.1, y - h * 0.85}};
      break;
    case Marker::diamond:
      corners = {{x, y - h * 1.2}, {x + h * 1.2, y}, {x, y + h * 1.2}, {x - h * 1.2, y}};
      break;
    case Marker::cross: {
      const double t = h * 0.35;
      corners = {{x - t, y - h}, {x + t, y - h}, {x + t, y - t}, {x + h, y - t},
                 {x + h, y + t}, {x + t, y + t}, {x + t, y + h}, {x - t, y + h},
                 {x - t, y + t}, {x - h, y + t}, {x - h, y - t}, {x - t, y - t}};
      break;
    }
  }
  out_ += element("<polygon points=\"" + points_text(corners) + "\"" + class_attribute(css_class),
                  title) +
          "\n";
}

void SvgWriter::text(double x, double y, std::string_view words, std::string_view css_class,
                     Anchor anchor) {
  out_ += "<text" + attribute("x", x) + attribute("y", y) + " text-anchor=\"" +
          anchor_name(anchor) + "\"" + class_attribute(css_class) + ">" + html_escape(words) +
          "</text>\n";
}

void SvgWriter::vertical_text(double x, double y, std::string_view words,
                              std::string_view css_class) {
  out_ += "<text" + attribute("x", x) + attribute("y", y) + " text-anchor=\"middle\"" +
          " transform=\"rotate(-90 " + svg_number(x) + " " + svg_number(y) + ")\"" +
          class_attribute(css_class) + ">" + html_escape(words) + "</text>\n";
}

std::string SvgWriter::finish() {
  return std::move(out_) + "</svg>";
}

void draw_value_axis(SvgWriter& svg, const PlotArea& area, const LinearScale& y,
                     const std::vector<std::pair<double, std::string>>& ticks,
                     std::string_view label) {
  for (const auto& [value, words] : ticks) {
    svg.line(area.left, y(value), area.right(), y(value), "grid");
    svg.text(area.left - 6, y(value) + 4, words, "tick", Anchor::end);
  }
  svg.line(area.left, area.top, area.left, area.bottom(), "axis");
  svg.vertical_text(14, area.top + area.height / 2, label, "axis-label");
}

void draw_date_axis(SvgWriter& svg, const PlotArea& area, const DayScale& x) {
  svg.line(area.left, area.bottom(), area.right(), area.bottom(), "axis");
  std::vector<Date> mondays;
  for (Date day = monday_of(x.from()); day <= x.to(); day += std::chrono::days{7}) {
    if (day >= x.from()) mondays.push_back(day);
  }
  if (mondays.empty()) mondays.push_back(x.from());
  // About 70 units per label, so the labels never overlap.
  const std::size_t fit = std::max<std::size_t>(1, std::size_t(area.width / 70));
  const std::size_t every = (mondays.size() + fit - 1) / fit;
  for (std::size_t i = 0; i < mondays.size(); i += every) {
    const double at = x(mondays[i]);
    svg.line(at, area.bottom(), at, area.bottom() + 4, "axis");
    // "Mon 2 Nov" less its weekday: the ticks are Mondays (or the first day).
    const std::string day = short_day(mondays[i]);
    svg.text(at, area.bottom() + 16, day.substr(day.find(' ') + 1), "tick", Anchor::middle);
  }
  svg.text(area.left + area.width / 2, area.bottom() + 32, "date", "axis-label", Anchor::middle);
}

double draw_legend(SvgWriter& svg, double x, double y, double max_x,
                   const std::vector<LegendEntry>& entries) {
  double at = x;
  for (const LegendEntry& entry : entries) {
    // About 6.2 units a character at the legend's 11-unit font.
    const double width = 22 + 6.2 * double(entry.words.size()) + 14;
    if (at > x && at + width > max_x) {
      at = x;
      y += 16;
    }
    if (entry.is_line) {
      svg.line(at, y - 4, at + 16, y - 4, entry.css_class);
    } else {
      svg.marker(entry.shape, at + 8, y - 4, 8, entry.css_class);
    }
    svg.text(at + 22, y, entry.words, "legend");
    at += width;
  }
  return y;
}

}  // namespace runback
