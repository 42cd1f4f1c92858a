#include "reports/test_xlsx.h"

#include <zip.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <stdexcept>

#include "domain/period.h"

namespace scorecard {
namespace {

class Zip {
 public:
  explicit Zip(const std::string& path) : path_(path) {
    int error = 0;
    archive_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (archive_ == nullptr) throw std::runtime_error(path + ": not a zip archive");
  }
  ~Zip() { zip_discard(archive_); }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  // The part's bytes, nullopt if there is no such part.
  std::optional<std::string> Read(const std::string& name) {
    zip_stat_t stat;
    if (zip_stat(archive_, name.c_str(), 0, &stat) != 0) return std::nullopt;
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (file == nullptr) throw std::runtime_error(path_ + ": cannot open " + name);
    std::string bytes(stat.size, '\0');
    zip_int64_t n = zip_fread(file, bytes.data(), stat.size);
    zip_fclose(file);
    if (n != static_cast<zip_int64_t>(stat.size)) {
      throw std::runtime_error(path_ + ": cannot read " + name);
    }
    return bytes;
  }

  pugi::xml_document Xml(const std::string& name) {
    pugi::xml_document doc;
    std::optional<std::string> bytes = Read(name);
    if (!bytes) return doc;
    if (!doc.load_buffer(bytes->data(), bytes->size())) {
      throw std::runtime_error(path_ + ": " + name + " is not XML");
    }
    return doc;
  }

 private:
  std::string path_;
  zip_t* archive_;
};

// The element's text, with that of every <t> within it (a rich string's runs), but not the
// phonetic hints (<rPh>).
std::string TextOf(pugi::xml_node node) {
  if (std::string_view(node.name()) == "t") return node.text().get();
  if (std::string_view(node.name()) == "rPh") return "";
  std::string out;
  for (pugi::xml_node child : node.children()) out += TextOf(child);
  return out;
}

// The built-in number formats (ECMA-376 part 1, 18.8.30) a workbook may name by number alone.
std::string BuiltInFormat(int id) {
  static const std::map<int, std::string> kFormats = {{0, "General"},
                                                      {1, "0"},
                                                      {2, "0.00"},
                                                      {3, "#,##0"},
                                                      {4, "#,##0.00"},
                                                      {9, "0%"},
                                                      {10, "0.00%"},
                                                      {11, "0.00E+00"},
                                                      {12, "# ?/?"},
                                                      {13, "# ?\?/??"},
                                                      {14, "mm-dd-yy"},
                                                      {15, "d-mmm-yy"},
                                                      {16, "d-mmm"},
                                                      {17, "mmm-yy"},
                                                      {18, "h:mm AM/PM"},
                                                      {19, "h:mm:ss AM/PM"},
                                                      {20, "h:mm"},
                                                      {21, "h:mm:ss"},
                                                      {22, "m/d/yy h:mm"},
                                                      {37, "#,##0 ;(#,##0)"},
                                                      {38, "#,##0 ;[Red](#,##0)"},
                                                      {39, "#,##0.00;(#,##0.00)"},
                                                      {40, "#,##0.00;[Red](#,##0.00)"},
                                                      {45, "mm:ss"},
                                                      {46, "[h]:mm:ss"},
                                                      {47, "mmss.0"},
                                                      {48, "##0.0E+0"},
                                                      {49, "@"}};
  auto it = kFormats.find(id);
  return it == kFormats.end() ? "General" : it->second;
}

// "FF00703C" as "#00703c"; empty if the colour is not given as ARGB.
std::string Hex(pugi::xml_node color) {
  std::string argb = color.attribute("rgb").value();
  if (argb.size() != 8) return "";
  std::string out = "#";
  for (char c : argb.substr(2))
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// How each cell style (an <xf> of <cellXfs>) looks, as XlsxCell says it.
std::vector<XlsxCell> CellStyles(const pugi::xml_document& styles) {
  pugi::xml_node sheet = styles.child("styleSheet");
  std::map<int, std::string> formats;
  for (pugi::xml_node f : sheet.child("numFmts").children("numFmt")) {
    formats[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  }
  std::vector<pugi::xml_node> fonts, fills, borders;
  for (pugi::xml_node f : sheet.child("fonts").children("font")) fonts.push_back(f);
  for (pugi::xml_node f : sheet.child("fills").children("fill")) fills.push_back(f);
  for (pugi::xml_node b : sheet.child("borders").children("border")) borders.push_back(b);
  std::vector<XlsxCell> out;
  for (pugi::xml_node xf : sheet.child("cellXfs").children("xf")) {
    XlsxCell style;
    int format = xf.attribute("numFmtId").as_int();
    style.format = formats.contains(format) ? formats[format] : BuiltInFormat(format);
    size_t font = xf.attribute("fontId").as_uint(), fill = xf.attribute("fillId").as_uint();
    size_t border = xf.attribute("borderId").as_uint();
    if (font < fonts.size()) {
      pugi::xml_node b = fonts[font].child("b");
      style.bold = b && b.attribute("val").as_bool(true);
      style.colour = Hex(fonts[font].child("color"));
    }
    if (fill < fills.size()) {
      pugi::xml_node pattern = fills[fill].child("patternFill");
      if (std::string_view(pattern.attribute("patternType").value()) == "solid") {
        style.fill = Hex(pattern.child("fgColor"));
      }
    }
    if (border < borders.size()) {
      style.border = true;
      for (const char* side : {"left", "right", "top", "bottom"}) {
        if (!*borders[border].child(side).attribute("style").value()) style.border = false;
      }
    }
    out.push_back(style);
  }
  return out;
}

std::string ShortestDecimal(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

// "AB12" as (row 11, column 27).
std::pair<size_t, size_t> ParseRef(std::string_view ref) {
  size_t column = 0, i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 +
             static_cast<size_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
  }
  size_t row = 0;
  std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (column == 0 || row == 0)
    throw std::runtime_error("not a cell reference: " + std::string(ref));
  return {row - 1, column - 1};
}

XlsxSheet ReadSheet(const pugi::xml_document& xml, const std::vector<std::string>& strings,
                    const std::vector<XlsxCell>& styles) {
  XlsxSheet sheet;
  pugi::xml_node ws = xml.child("worksheet");
  for (pugi::xml_node pane : ws.child("sheetViews").child("sheetView").children("pane")) {
    if (std::string_view(pane.attribute("state").value()) == "frozen") {
      sheet.frozen = pane.attribute("topLeftCell").value();
    }
  }
  for (pugi::xml_node col : ws.child("cols").children("col")) {
    for (int c = col.attribute("min").as_int(); c <= col.attribute("max").as_int(); ++c) {
      sheet.widths[c - 1] = col.attribute("width").as_double();
    }
  }
  sheet.autofilter = ws.child("autoFilter").attribute("ref").value();
  for (pugi::xml_node m : ws.child("mergeCells").children("mergeCell")) {
    sheet.merges.emplace_back(m.attribute("ref").value());
  }
  for (const pugi::xpath_node& found : ws.child("sheetData").select_nodes("row/c")) {
    pugi::xml_node c = found.node();
    auto [row, column] = ParseRef(c.attribute("r").value());
    size_t style = c.attribute("s").as_uint();
    XlsxCell cell = style < styles.size() ? styles[style] : XlsxCell{};
    std::string_view type = c.attribute("t").value();
    std::string value = c.child("v").text().get();
    if (type == "s") {
      cell.text = strings.at(std::stoul(value));
    } else if (type == "inlineStr") {
      cell.text = TextOf(c.child("is"));
    } else if (type == "str" || type == "e" || type == "b") {
      cell.text = value;
    } else if (!value.empty()) {
      cell.number = true;
      cell.text = ShortestDecimal(std::stod(value));
    }
    if (sheet.rows.size() <= row) sheet.rows.resize(row + 1);
    if (sheet.rows[row].size() <= column) sheet.rows[row].resize(column + 1);
    sheet.rows[row][column] = std::move(cell);
  }
  return sheet;
}

// A date's serial number as yyyy-mm-dd, in Excel's 1900 system (which holds 29 February 1900).
std::string SerialDate(double serial) {
  auto days = static_cast<int32_t>(std::floor(serial));
  if (days < 60) ++days;  // before Excel's 29 February 1900 (serial 60), which never was
  return Date{Date::FromCivil(1899, 12, 30).days + days}.ToString();
}

}  // namespace

bool XlsxCell::date() const {
  if (!number) return false;
  bool quoted = false;
  int bracket = 0;
  for (char c : format) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    bracket += c == '[' ? 1 : c == ']' ? -1 : 0;
    if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

const XlsxCell& XlsxSheet::At(std::string_view ref) const {
  static const XlsxCell kEmpty;
  auto [row, column] = ParseRef(ref);
  if (row >= rows.size() || column >= rows[row].size()) return kEmpty;
  return rows[row][column];
}

const XlsxSheet& XlsxWorkbook::Sheet(std::string_view name) const {
  for (const XlsxSheet& s : sheets) {
    if (s.name == name) return s;
  }
  throw std::out_of_range("no sheet " + std::string(name));
}

XlsxWorkbook ReadXlsx(const std::string& path) {
  Zip zip(path);
  std::vector<std::string> strings;
  pugi::xml_document shared = zip.Xml("xl/sharedStrings.xml");
  for (pugi::xml_node si : shared.child("sst").children("si")) strings.push_back(TextOf(si));
  std::vector<XlsxCell> styles = CellStyles(zip.Xml("xl/styles.xml"));

  std::map<std::string, std::string> targets;  // relationship id to part
  pugi::xml_document rels = zip.Xml("xl/_rels/workbook.xml.rels");
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    std::string target = r.attribute("Target").value();
    targets[r.attribute("Id").value()] =
        target.starts_with('/') ? target.substr(1) : "xl/" + target;
  }
  XlsxWorkbook book;
  pugi::xml_document workbook = zip.Xml("xl/workbook.xml");
  for (pugi::xml_node s : workbook.child("workbook").child("sheets").children("sheet")) {
    std::string id;
    for (pugi::xml_attribute a : s.attributes()) {
      if (std::string_view(a.name()).ends_with(":id")) id = a.value();
    }
    if (!targets.contains(id)) throw std::runtime_error(path + ": no part for sheet " + id);
    XlsxSheet sheet = ReadSheet(zip.Xml(targets[id]), strings, styles);
    sheet.name = s.attribute("name").value();
    book.sheets.push_back(std::move(sheet));
  }
  pugi::xml_document core = zip.Xml("docProps/core.xml");
  pugi::xml_node properties = core.first_child();
  book.title = properties.child("dc:title").text().get();
  book.created = properties.child("dcterms:created").text().get();
  pugi::xml_document app = zip.Xml("docProps/app.xml");
  book.company = app.child("Properties").child("Company").text().get();
  return book;
}

XlsxText ReadXlsxText(const std::string& path) {
  XlsxText out;
  for (const XlsxSheet& sheet : ReadXlsx(path).sheets) {
    std::vector<std::vector<std::string>>& rows = out[sheet.name];
    for (const std::vector<XlsxCell>& cells : sheet.rows) {
      std::vector<std::string> row;
      for (const XlsxCell& c : cells)
        row.push_back(c.date() ? SerialDate(std::stod(c.text)) : c.text);
      while (!row.empty() && row.back().empty()) row.pop_back();
      rows.push_back(std::move(row));
    }
    while (!rows.empty() && rows.back().empty()) rows.pop_back();
  }
  return out;
}

std::string CellRef(size_t row, size_t column) {
  std::string letters;
  for (size_t c = column + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

}  // namespace scorecard
