#pragma once
// A minimal SVG writer for the report's charts. Debian ships no maintained C++
// library for SVG charts, so the report draws its own from these primitives:
// an element list with escaped text and attributes, written as one <svg>.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cerebro::report {

// Escapes &, <, >, " and ' for use in XML/HTML text and attribute values.
// Control characters other than tab, newline and carriage return, which XML
// 1.0 forbids, are replaced by U+FFFD.
std::string escape_xml(std::string_view text);

// Formats a pixel coordinate with at most two decimals. Throws
// std::logic_error for NaN or infinity, which would make an invisible shape.
std::string px(double value);

using Attributes = std::vector<std::pair<std::string, std::string>>;

// An SVG document under construction. The root carries role="img" and an
// aria-label, and its first children are <title> and <desc>, so screen
// readers announce the chart and its text alternative.
class SvgDocument {
 public:
  SvgDocument(double width_px, double height_px, std::string_view title, std::string_view description);

  // Adds an element; `text` is escaped. An element without text is self-closing.
  void add(std::string_view name, const Attributes& attributes, std::string_view text = {});
  // Opens a container element (such as <g>) closed by the next close().
  void open(std::string_view name, const Attributes& attributes);
  void close();

  double width() const { return width_px_; }
  double height() const { return height_px_; }

  // Returns the complete <svg> element. Requires every open() to be closed.
  std::string finish() const;

 private:
  double width_px_;
  double height_px_;
  std::string title_;
  std::string body_;
  std::vector<std::string> open_elements_;
};

}  // namespace cerebro::report
