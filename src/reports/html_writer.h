#pragma once
// Writes a report as one self-contained HTML document: semantic tables with captions and header
// cells, GOV.UK Frontend's classes, the stylesheet inlined. Mustache templates (logic-less,
// escaping by default), compiled once when the writer is made. A writer is not shared between
// threads: give each thread its own.

#include <memory>
#include <string>
#include <string_view>

#include "reports/document.h"

namespace scorecard {

class HtmlWriter {
 public:
  HtmlWriter();
  ~HtmlWriter();
  HtmlWriter(const HtmlWriter&) = delete;
  HtmlWriter& operator=(const HtmlWriter&) = delete;

  // The document as HTML, with `stylesheet` (CSS) inlined in its head.
  std::string Write(const ReportDocument& document, std::string_view stylesheet);

 private:
  struct Templates;
  std::unique_ptr<Templates> templates_;
};

}  // namespace scorecard
