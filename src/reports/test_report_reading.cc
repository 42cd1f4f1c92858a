#include "reports/test_report_reading.h"

#include <algorithm>
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
  // The element each line is in, as a stack of (indent, name).
  std::vector<std::pair<size_t, std::string>> stack;
  std::vector<std::vector<std::string>> lists;  // each L's items, in order
  ReadTable* table = nullptr;
  std::vector<std::string>* row = nullptr;
  std::vector<std::vector<std::vector<bool>>>
      headers;  // for each row of the table, which cells head columns
  bool header_cell = false, cell_has_text = false;
  auto within = [&](std::string_view name) {
    return std::ranges::any_of(stack, [&](const auto& e) { return e.second == name; });
  };
  for (const StructLine& l : lines) {
    while (!stack.empty() && stack.back().first >= l.indent) stack.pop_back();
    if (l.text.front() == '"') {
      // A column's head repeats on every page a table is printed on: its first text is it.
      std::string text = Squeezed(Quoted(l.text));
      if (within("Caption") && table != nullptr) {
        table->caption += text;
      } else if (within("TH") || within("TD")) {
        if (row != nullptr && !(header_cell && cell_has_text)) row->back() += text;
        cell_has_text = true;
      } else if (within("LI") && !within("Lbl") && !lists.empty()) {
        lists.back().back() += text;
      }
      continue;
    }
    if (l.text.front() == '/') {
      if ((l.text == "/Scope /Column" || l.text == "/Scope /ColGroup") && row != nullptr) {
        header_cell = true;
        headers.back().back().back() = true;
      }
      continue;
    }
    std::string name(l.text.substr(0, l.text.find_first_of(" :")));
    stack.emplace_back(l.indent, name);
    if (name == "Table") {
      if (table != nullptr) table->groups.clear();
      r.tables.emplace_back();
      table = &r.tables.back();
      row = nullptr;
      headers.emplace_back();
    } else if (name == "TR" && table != nullptr) {
      table->rows.emplace_back();
      row = &table->rows.back();
      headers.back().emplace_back();
    } else if ((name == "TH" || name == "TD") && row != nullptr) {
      row->emplace_back();
      headers.back().back().push_back(false);
      header_cell = false;
      cell_has_text = false;
    } else if (name == "L") {
      lists.emplace_back();
    } else if (name == "LI" && !lists.empty()) {
      lists.back().emplace_back();
    }
  }
  // Mark each table's header rows (every cell heads a column) so that they are left out below.
  for (size_t t = 0; t < r.tables.size(); ++t) {
    for (size_t i = 0; i < r.tables[t].rows.size(); ++i) {
      const std::vector<bool>& h = headers[t][i];
      if (!h.empty() && std::ranges::all_of(h, [](bool b) { return b; })) {
        r.tables[t].rows[i].insert(r.tables[t].rows[i].begin(), "\x01");  // a header row
      }
    }
  }
  // A table's header rows are those whose cells are all column headers; the rest are its rows.
  // (Done after reading: each row's cells are known then.) Rows of one cell that name a group
  // are the group headings.
  for (size_t t = 0; t < r.tables.size() && t < html.tables.size(); ++t) {
    ReadTable& read = r.tables[t];
    const ReadTable& guide = html.tables[t];
    read.id = guide.id;
    read.section = guide.section;
    std::vector<std::string> columns;
    for (const std::string& c : guide.columns) columns.push_back(Squeezed(c));
    std::vector<std::string> groups;
    for (const std::string& g : guide.groups) groups.push_back(Squeezed(g));
    std::vector<std::vector<std::string>> rows;
    for (auto& cells : read.rows) {
      bool heading = !cells.empty() && cells[0] == "\x01";
      bool group = cells.size() == 1 && std::ranges::find(groups, cells[0]) != groups.end();
      if (group) read.groups.push_back(cells[0]);
      if (!heading && !group) rows.push_back(std::move(cells));
    }
    read.rows = std::move(rows);
    read.columns = columns;  // the same labels, as the PDF's repeated heads all give
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

}  // namespace scorecard
