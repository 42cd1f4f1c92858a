#include "reports/test_report_reading.h"

#include <algorithm>
#include <map>
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
    if (row.find("scope=\"rowgroup\"") != std::string::npos) {  // a group's heading
      t.groups.push_back(Cells(row).front().text);
      continue;
    }
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

std::string ReadReport::Text(std::string_view text) const {
  return squeezed ? Squeezed(text) : std::string(text);
}

std::string Squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  }
  return out;
}

ReadReport ReadHtmlReport(const std::string& html) {
  ReadReport r;
  for (const auto& [open, body] : Elements(html, "section")) {
    std::string id = Attribute(open, "id");
    for (const auto& [table_open, table_body] : Elements(body, "table")) {
      r.tables.push_back(Table(table_open, table_body));
      r.tables.back().section = id;
    }
    std::vector<std::string>& items = r.lists[id];
    auto lists = Elements(body, "ul");
    for (const auto& [tag, li] : Elements(body, "li")) items.push_back(Unescaped(li));
    r.sections.emplace_back(id, static_cast<int>(lists.size()));
  }
  return r;
}

namespace {

// One line of `pdfinfo -struct-text`: its indent, and what it holds.
struct StructLine {
  size_t indent;
  std::string_view text;
};

std::string_view Quoted(std::string_view s) {
  return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : "";
}

}  // namespace

ReadReport ReadPdfStructure(const std::string& struct_text, const ReadReport& html) {
  ReadReport r;
  r.squeezed = true;
  std::vector<StructLine> lines;
  for (size_t at = 0; at < struct_text.size();) {
    size_t end = struct_text.find('\n', at);
    if (end == std::string::npos) end = struct_text.size();
    std::string_view line(struct_text.data() + at, end - at);
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos) lines.push_back({indent, line.substr(indent)});
    at = end + 1;
  }
  // A cell as the structure tree gives it. A cell holding nothing may be left out of the tree,
  // so a data cell is placed by the column heads it names (/Headers), not by its place.
  struct PdfCell {
    std::string text, node;
    std::vector<std::string> headers;
    bool column_head = false, row_head = false;
  };
  using PdfRow = std::vector<PdfCell>;
  struct PdfTable {
    std::string caption;
    std::vector<PdfRow> rows;
  };
  std::vector<PdfTable> tables;
  std::vector<std::vector<std::string>> lists;        // each L's items, in order
  std::vector<std::pair<size_t, std::string>> stack;  // the elements a line is in
  auto within = [&](std::string_view name) {
    return std::ranges::any_of(stack, [&](const auto& e) { return e.second == name; });
  };
  PdfCell* cell = nullptr;
  bool cell_has_text = false;
  for (const StructLine& l : lines) {
    while (!stack.empty() && stack.back().first >= l.indent) stack.pop_back();
    if (l.text.front() == '"') {
      // A column's head repeats on every page a table is printed on: its first text is it.
      std::string text = Squeezed(Quoted(l.text));
      if (within("Caption") && !tables.empty()) {
        tables.back().caption += text;
      } else if ((within("TH") || within("TD")) && cell != nullptr) {
        if (!(cell->column_head && cell_has_text)) cell->text += text;
        cell_has_text = true;
      } else if (within("LI") && !within("Lbl") && !lists.empty()) {
        lists.back().back() += text;
      }
      continue;
    }
    if (l.text.front() == '/') {
      if (cell == nullptr) continue;
      if (l.text == "/Scope /Column" || l.text == "/Scope /ColGroup") cell->column_head = true;
      if (l.text == "/Scope /Row") cell->row_head = true;
      if (l.text.starts_with("/Headers [")) {
        for (size_t at = l.text.find('('); at != std::string_view::npos;
             at = l.text.find('(', at + 1)) {
          cell->headers.emplace_back(l.text.substr(at + 1, l.text.find(')', at) - at - 1));
        }
      }
      continue;
    }
    std::string name(l.text.substr(0, l.text.find_first_of(" :")));
    stack.emplace_back(l.indent, name);
    if (name == "Table") {
      tables.emplace_back();
      cell = nullptr;
    } else if (name == "TR" && !tables.empty()) {
      tables.back().rows.emplace_back();
      cell = nullptr;
    } else if ((name == "TH" || name == "TD") && !tables.empty() && !tables.back().rows.empty()) {
      tables.back().rows.back().emplace_back();
      cell = &tables.back().rows.back().back();
      cell_has_text = false;
      if (size_t open = l.text.find('<'); open != std::string_view::npos) {
        cell->node = std::string(l.text.substr(open + 1, l.text.find('>') - open - 1));
      }
    } else if (name == "L") {
      lists.emplace_back();
    } else if (name == "LI" && !lists.empty()) {
      lists.back().emplace_back();
    }
  }
  // Each table takes the HTML table's id and columns, in order; its cells go to their columns.
  for (size_t t = 0; t < tables.size() && t < html.tables.size(); ++t) {
    const ReadTable& guide = html.tables[t];
    ReadTable read;
    read.id = guide.id;
    read.section = guide.section;
    read.caption = tables[t].caption;
    for (const std::string& c : guide.columns) read.columns.push_back(Squeezed(c));
    std::vector<std::string> groups;
    for (const std::string& g : guide.groups) groups.push_back(Squeezed(g));
    std::map<std::string, int> column_of;  // a column head's node -> its column
    for (const PdfRow& row : tables[t].rows) {
      for (const PdfCell& c : row) {
        if (!c.column_head || c.node.empty()) continue;
        if (int i = read.Column(c.text); i >= 0) column_of[c.node] = i;
      }
    }
    for (const PdfRow& row : tables[t].rows) {
      if (std::ranges::all_of(row, [](const PdfCell& c) { return c.column_head; })) continue;
      if (row.size() == 1 && std::ranges::find(groups, row[0].text) != groups.end()) {
        read.groups.push_back(row[0].text);
        continue;
      }
      std::vector<std::string> cells(read.columns.size());
      for (const PdfCell& c : row) {
        if (c.row_head) {
          cells[0] = c.text;
          continue;
        }
        for (const std::string& h : c.headers) {
          if (auto it = column_of.find(h); it != column_of.end()) {
            cells[static_cast<size_t>(it->second)] = c.text;
            break;
          }
        }
      }
      read.rows.push_back(std::move(cells));
    }
    r.tables.push_back(std::move(read));
  }
  // Lists, in order, to the sections that have them.
  size_t next = 0;
  for (const auto& [id, count] : html.sections) {
    r.sections.emplace_back(id, count);
    for (int i = 0; i < count && next < lists.size(); ++i, ++next) {
      for (std::string& item : lists[next]) r.lists[id].push_back(std::move(item));
    }
  }
  return r;
}

namespace {

// The row's cells without the empty ones at its end.
std::vector<std::string> Trimmed(std::vector<std::string> row) {
  while (!row.empty() && row.back().empty()) row.pop_back();
  return row;
}

}  // namespace

ReadReport ReadXlsxReport(const std::map<std::string, std::vector<std::vector<std::string>>>& text,
                          const std::map<std::string, std::string>& sheets,
                          const ReadReport& html) {
  ReadReport r;
  r.sections = html.sections;
  std::map<std::string, size_t> cursor;  // each sheet's next row to read
  for (const ReadTable& guide : html.tables) {
    auto sheet = sheets.find(guide.section);
    if (sheet == sheets.end() || !text.contains(sheet->second)) continue;
    const auto& rows = text.at(sheet->second);
    size_t& at = cursor[sheet->second];
    ReadTable t;
    t.id = guide.id;
    t.section = guide.section;
    t.caption = guide.caption;
    // Its header row is the HTML table's column labels, with "Highlighted" after them if rows
    // are highlighted; its rows run to the next empty row.
    for (; at < rows.size(); ++at) {
      std::vector<std::string> row = Trimmed(rows[at]);
      if (!row.empty() && row.back() == "Highlighted") row.pop_back();
      if (row == guide.columns) break;
    }
    if (at == rows.size()) {  // not found: as if the table were not printed
      at = 0;
      continue;
    }
    t.columns = guide.columns;
    for (++at; at < rows.size(); ++at) {
      std::vector<std::string> row = Trimmed(rows[at]);
      if (row.empty()) break;
      if (row.size() == 1 && std::ranges::find(guide.groups, row[0]) != guide.groups.end()) {
        t.groups.push_back(row[0]);
        continue;
      }
      row.resize(std::max(row.size(), guide.columns.size()));
      t.rows.push_back(std::move(row));
    }
    r.tables.push_back(std::move(t));
  }
  // A list's items are rows of one cell: every such row of the section's sheet is taken.
  for (const auto& [id, lists] : html.sections) {
    auto sheet = sheets.find(id);
    if (lists == 0 || sheet == sheets.end() || !text.contains(sheet->second)) continue;
    for (const auto& row : text.at(sheet->second)) {
      std::vector<std::string> cells = Trimmed(row);
      if (cells.size() == 1) r.lists[id].push_back(cells[0]);
    }
  }
  return r;
}

}  // namespace scorecard
