#include "report/svg_document.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace cerebro::report {
namespace {

void append_attributes(std::string& out, const Attributes& attributes) {
  for (const auto& [key, value] : attributes) {
    out += ' ';
    out += key;
    out += "=\"";
    out += escape_xml(value);
    out += '"';
  }
}

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
      }
    }
  }
  return out;
}

std::string px(double value) {
  if (!std::isfinite(value)) throw std::logic_error("a chart coordinate is NaN or infinite");
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

SvgDocument::SvgDocument(double width_px, double height_px, std::string_view title,
                         std::string_view description)
    : width_px_(width_px), height_px_(height_px) {
  add("title", {}, title);
  add("desc", {}, description);
  title_ = std::string(title);
}

void SvgDocument::add(std::string_view name, const Attributes& attributes, std::string_view text) {
  body_ += '<';
  body_ += name;
  append_attributes(body_, attributes);
  if (text.empty()) {
    body_ += "/>";
    return;
  }
  body_ += '>';
  body_ += escape_xml(text);
  body_ += "</";
  body_ += name;
  body_ += '>';
}

void SvgDocument::open(std::string_view name, const Attributes& attributes) {
  body_ += '<';
  body_ += name;
  append_attributes(body_, attributes);
  body_ += '>';
  open_elements_.emplace_back(name);
}

void SvgDocument::close() {
  if (open_elements_.empty()) throw std::logic_error("SvgDocument::close without a matching open");
  body_ += "</" + open_elements_.back() + ">";
  open_elements_.pop_back();
}

std::string SvgDocument::finish() const {
  if (!open_elements_.empty()) {
    throw std::logic_error("SvgDocument::finish with <" + open_elements_.back() + "> still open");
  }
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  append_attributes(out, {{"viewBox", "0 0 " + px(width_px_) + " " + px(height_px_)},
                          {"width", px(width_px_)},
                          {"height", px(height_px_)},
                          {"role", "img"},
                          {"aria-label", title_}});
  out += '>';
  out += body_;
  out += "</svg>";
  return out;
}

}  // namespace cerebro::report
