#pragma once
// The pieces the visit report's charts are drawn with: scales from values to coordinates and an
// SVG writer that escapes every text it is given. Inline SVG and no script: a point's details
// are its <title>, which browsers show on hover and screen readers read.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/date.hpp"

namespace runback {

// Where the data is drawn inside a chart, in SVG user units (y grows downwards).
struct PlotArea {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

// Maps [lo, hi] onto [start, end] linearly (end < start for a y axis drawn upwards).
class LinearScale {
 public:
  LinearScale(double lo, double hi, double start, double end);
  double operator()(double value) const;

 private:
  double lo_, hi_, start_, end_;
};

// Each day from `from` to `to` gets an equal slot across the area's width; a day's x is the
// middle of its slot.
class DayScale {
 public:
  DayScale(Date from, Date to, const PlotArea& area);
  double operator()(Date day) const;
  double slot() const { return slot_; }
  Date from() const { return from_; }
  Date to() const { return to_; }

 private:
  Date from_, to_;
  double left_, slot_;
};

enum class Marker { circle, square, triangle_up, triangle_down, diamond, cross };
enum class Anchor { start, middle, end };

// Round values from lo to at least hi for an axis's ticks, about five of them (steps of 1, 2 or 5
// times a power of ten; whole numbers when `whole`).
std::vector<double> nice_ticks(double lo, double hi, bool whole);

// "12", "12.5": coordinates and values with at most one decimal.
std::string svg_number(double value);

class SvgWriter {
 public:
  // An <svg> of this size (its viewBox; the page scales it to its width), role="img", with
  // `label` as its accessible name and its first <title>.
  SvgWriter(double width, double height, std::string_view label);

  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view css_class);
  void rect(double x, double y, double width, double height, std::string_view css_class,
            std::string_view title = {});
  // A marker of about `size` across, centred on (x, y); `title` shows on hover.
  void marker(Marker shape, double x, double y, double size, std::string_view css_class,
              std::string_view title = {});
  void text(double x, double y, std::string_view words, std::string_view css_class,
            Anchor anchor = Anchor::start);
  // Text turned a quarter anticlockwise about (x, y), for a y axis's label.
  void vertical_text(double x, double y, std::string_view words, std::string_view css_class);
  // The <svg> element, closed.
  std::string finish();

 private:
  std::string out_;
};

// A chart's frame: the y axis with its ticks (value, label) and its label, and the x axis with
// the dates of some Mondays (as many as fit) and "date" under them.
void draw_value_axis(SvgWriter& svg, const PlotArea& area, const LinearScale& y,
                     const std::vector<std::pair<double, std::string>>& ticks,
                     std::string_view label);
void draw_date_axis(SvgWriter& svg, const PlotArea& area, const DayScale& x);

// A legend in rows from (x, y), wrapped before `max_x`: each entry a marker or a line sample and
// its words. Returns the y of its last row.
struct LegendEntry {
  std::string css_class;
  std::string words;
  bool is_line = false;  // a line sample (a limit) instead of a marker
  Marker shape = Marker::circle;
};
double draw_legend(SvgWriter& svg, double x, double y, double max_x,
                   const std::vector<LegendEntry>& entries);

}  // namespace runback
