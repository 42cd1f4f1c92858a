#include "reports/document.h"

#include <utility>

namespace scorecard {

ReportCell ReportCell::Text(std::string text) {
  ReportCell c;
  c.text = std::move(text);
  return c;
}

ReportCell ReportCell::Number(std::optional<double> number, std::string shown, std::string format) {
  ReportCell c;
  c.kind = Kind::kNumber;
  c.number = number;
  c.text = std::move(shown);
  c.format = std::move(format);
  return c;
}

ReportCell ReportCell::Status(std::string key, std::string symbol, std::string label,
                              Colour colour) {
  ReportCell c;
  c.kind = Kind::kStatus;
  c.key = std::move(key);
  if (!symbol.empty() && !label.empty()) {
    c.text = symbol + " " + label;
  } else {
    c.text = symbol.empty() ? std::move(label) : std::move(symbol);
  }
  c.colour = std::move(colour);
  return c;
}

ReportCell ReportCell::DateCell(std::optional<Date> date, std::string shown) {
  ReportCell c;
  c.kind = Kind::kDate;
  c.date = date;
  c.text = std::move(shown);
  return c;
}

std::vector<const ReportTable*> ReportDocument::Tables() const {
  std::vector<const ReportTable*> tables;
  for (const ReportSection& s : sections) {
    for (const ReportBlock& b : s.blocks) {
      if (const auto* t = std::get_if<ReportTable>(&b)) tables.push_back(t);
      if (const auto* c = std::get_if<ReportChart>(&b)) tables.push_back(&c->data);
    }
  }
  return tables;
}

}  // namespace scorecard
