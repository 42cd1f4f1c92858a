#include "reports/test_report_reading.h"

#include <utility>

namespace scorecard {
namespace {

// The elements named `name` in `html`, in order, each as its opening tag and its content (no
// nesting of the same element is expected: the report's tables, rows and cells do not nest).
std::vector<std::pair<std::string, std::string>> Elements(std::string_view html,
                                                          std::string_view name) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string open = "<" + std::string(name);
  std::string close = "</" + std::string(name) + ">";
  size_t at = 0;
  while ((at = html.find(open, at)) != std::string_view::npos) {
    char after = at + open.size() < html.size() ? html[at + open.size()] : '>';
    if (after != '>' && after != ' ') {  // <thead> when looking for <th>
      at += open.size();
      continue;
    }
    size_t tag_end = html.find('>', at);
    size_t end = html.find(close, tag_end);
    if (tag_end == std::string_view::npos || end == std::string_view::npos) break;
    out.emplace_back(std::string(html.substr(at, tag_end + 1 - at)),
                     std::string(html.substr(tag_end + 1, end - tag_end - 1)));
    at = end + close.size();
  }
  return out;
}

std::string Unescaped(std::string_view html) {
  std::string s;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) s += c;
    if (c == '>') in_tag = false;
  }
  const std::pair<std::string_view, std::string_view> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (auto [from, to] : entities) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  at += key.size();
  return std::string(tag.substr(at, tag.find('"', at) - at));
}

struct Cell {
  std::string tag, text;
};

// A row's cells, header and data, in order.
std::vector<Cell> Cells(std::string_view row) {
  std::vector<Cell> out;
  size_t at = 0;
  while (true) {
    size_t th = row.find("<th", at), td = row.find("<td", at);
    size_t start = std::min(th, td);
    if (start == std::string_view::npos) break;
    std::string_view close = start == th ? "</th>" : "</td>";
    size_t tag_end = row.find('>', start);
    size_t end = row.find(close, tag_end);
    out.push_back({std::string(row.substr(start, tag_end + 1 - start)),
                   Unescaped(row.substr(tag_end + 1, end - tag_end - 1))});
    at = end + close.size();
  }
  return out;
}

ReadTable Table(const std::string& open, const std::string& body) {
  ReadTable t;
  t.id = Attribute(open, "id");
  auto captions = Elements(body, "caption");
  if (!captions.empty()) t.caption = Unescaped(captions.front().second);
  size_t head_end = body.find("</thead>");
  if (head_end == std::string::npos) head_end = 0;
  auto head = Elements(std::string_view(body).substr(0, head_end), "tr");
  // The leaf labels: a top cell spanning two rows is one; a group takes its labels from below.
  std::vector<Cell> top = head.empty() ? std::vector<Cell>{} : Cells(head[0].second);
  std::vector<Cell> below = head.size() > 1 ? Cells(head[1].second) : std::vector<Cell>{};
  size_t next = 0;
  for (const Cell& c : top) {
    std::string span = Attribute(c.tag, "colspan");
    if (span.empty()) {
      t.columns.push_back(c.text);
    } else {
      for (int i = 0; i < std::stoi(span) && next < below.size(); ++i) {
        t.columns.push_back(below[next++].text);
      }
    }
  }
  for (const auto& [tag, row] : Elements(std::string_view(body).substr(head_end), "tr")) {
    if (row.find("scope=\"rowgroup\"") != std::string::npos) continue;  // a group's heading
    std::vector<std::string> texts;
    for (const Cell& c : Cells(row)) texts.push_back(c.text);
    t.rows.push_back(std::move(texts));
  }
  return t;
}

}  // namespace

int ReadTable::Column(std::string_view label) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == label) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<std::string>* ReadTable::Row(std::string_view key) const {
  for (const auto& r : rows) {
    for (const std::string& c : r) {
      if (c == key) return &r;
    }
  }
  return nullptr;
}

std::vector<const ReadTable*> ReadReport::TablesStartingWith(std::string_view prefix) const {
  std::vector<const ReadTable*> out;
  for (const ReadTable& t : tables) {
    if (t.id.starts_with(prefix)) out.push_back(&t);
  }
  return out;
}

ReadReport ReadHtmlReport(const std::string& html) {
  ReadReport r;
  for (const auto& [open, body] : Elements(html, "table")) r.tables.push_back(Table(open, body));
  for (const auto& [open, body] : Elements(html, "section")) {
    std::vector<std::string>& items = r.lists[Attribute(open, "id")];
    for (const auto& [tag, li] : Elements(body, "li")) items.push_back(Unescaped(li));
  }
  return r;
}

}  // namespace scorecard
