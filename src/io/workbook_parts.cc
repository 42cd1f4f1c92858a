#include "io/workbook_parts.h"

#include <cctype>
#include <charconv>
#include <map>
#include <optional>

#include "domain/text.h"
#include "io/workbook_xml.h"

namespace scorecard {
namespace {

using xlsx::Attribute;
using xlsx::Child;
using xlsx::Is;

std::optional<int> Int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The UTF-16 unit of an escape "_xHHHH_" at text[i], if there is one.
std::optional<uint32_t> EscapeAt(std::string_view text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') {
    return std::nullopt;
  }
  uint32_t unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    if (!std::isxdigit(static_cast<unsigned char>(text[k]))) return std::nullopt;
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
    unit = unit * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return unit;
}

void AppendUtf8(uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

bool IsHighSurrogate(uint32_t unit) { return unit >= 0xD800 && unit < 0xDC00; }
bool IsLowSurrogate(uint32_t unit) { return unit >= 0xDC00 && unit < 0xE000; }

// "[h]", "[mm]", "[ss]": elapsed time, not a date.
bool IsElapsedTime(std::string_view bracketed) {
  if (bracketed.empty()) return false;
  for (char c : bracketed) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l != 'h' && l != 'm' && l != 's') return false;
  }
  return true;
}

}  // namespace

std::string DecodeEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    std::optional<uint32_t> unit = EscapeAt(text, i);
    if (!unit) {
      out.push_back(text[i++]);
      continue;
    }
    i += 7;
    uint32_t code = *unit;
    if (IsHighSurrogate(code)) {
      std::optional<uint32_t> low = EscapeAt(text, i);
      if (low && IsLowSurrogate(*low)) {
        code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
        i += 7;
      } else {
        code = 0xFFFD;
      }
    } else if (IsLowSurrogate(code)) {
      code = 0xFFFD;
    }
    AppendUtf8(code, &out);
  }
  return out;
}

std::string xlsx::RichText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (Is(child, "t")) out += DecodeEscapes(Text(child));
    if (Is(child, "r")) out += DecodeEscapes(Text(Child(child, "t")));
  }
  return out;
}

std::string RelationshipsPart(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", dir, file);
}

std::string ResolveTarget(std::string_view source, std::string_view target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    size_t slash = source.rfind('/');
    path = std::string(slash == std::string_view::npos ? "" : source.substr(0, slash + 1));
    path += target;
  }
  std::vector<std::string_view> segments;
  for (std::string_view segment : Split(path, '/')) {
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
  }
  std::string out;
  for (std::string_view segment : segments) {
    out += (out.empty() ? "" : "/") + std::string(segment);
  }
  return out;
}

NumberShape ShapeOfFormat(std::string_view code) {
  bool date = false, month_or_minute = false, time = false, percent = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    size_t end = std::string_view::npos;
    if (c == '"') {
      end = code.find('"', i + 1);  // literal text
    } else if (c == '[') {
      end = code.find(']', i + 1);  // colour, locale or elapsed time
      if (end != std::string_view::npos) time |= IsElapsedTime(code.substr(i + 1, end - i - 1));
    } else if (c == '\\' || c == '_' || c == '*') {
      end = i + 1;  // an escaped, spacing or fill character
    } else {
      date |= c == 'd' || c == 'y';
      month_or_minute |= c == 'm';
      time |= c == 'h' || c == 's';
      percent |= c == '%';
      continue;
    }
    if (end == std::string_view::npos) break;
    i = end;
  }
  if (date || (month_or_minute && !time)) return NumberShape::kDate;
  return percent ? NumberShape::kPercent : NumberShape::kPlain;
}

NumberShape ShapeOfBuiltInFormat(int id) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return NumberShape::kDate;
  if (id == 9 || id == 10) return NumberShape::kPercent;
  return NumberShape::kPlain;
}

std::expected<std::vector<Relationship>, Problem> ParseRelationships(std::string xml) {
  pugi::xml_document doc;
  if (auto problem = xlsx::Load(xml, &doc)) return std::unexpected(std::move(*problem));
  std::vector<Relationship> out;
  for (pugi::xml_node r : Child(doc, "Relationships").children()) {
    if (!Is(r, "Relationship") || Attribute(r, "TargetMode") == "External") continue;
    out.push_back({std::string(Attribute(r, "Id")), std::string(Attribute(r, "Type")),
                   std::string(Attribute(r, "Target"))});
  }
  return out;
}

std::expected<WorkbookPart, Problem> ParseWorkbookPart(std::string xml) {
  pugi::xml_document doc;
  if (auto problem = xlsx::Load(xml, &doc)) return std::unexpected(std::move(*problem));
  pugi::xml_node workbook = Child(doc, "workbook");
  if (!workbook) return std::unexpected(Problem{"workbook.no-workbook-element", {}});
  WorkbookPart out;
  std::string_view date1904 = Attribute(Child(workbook, "workbookPr"), "date1904");
  out.date1904 = date1904 == "1" || date1904 == "true";
  for (pugi::xml_node sheet : Child(workbook, "sheets").children()) {
    if (!Is(sheet, "sheet")) continue;
    out.sheets.push_back(
        {std::string(Attribute(sheet, "name")), std::string(Attribute(sheet, "id"))});
  }
  return out;
}

std::expected<std::vector<std::string>, Problem> ParseSharedStrings(std::string xml) {
  pugi::xml_document doc;
  if (auto problem = xlsx::Load(xml, &doc)) return std::unexpected(std::move(*problem));
  std::vector<std::string> out;
  for (pugi::xml_node si : Child(doc, "sst").children()) {
    if (Is(si, "si")) out.push_back(xlsx::RichText(si));
  }
  return out;
}

std::expected<std::vector<NumberShape>, Problem> ParseStyles(std::string xml) {
  pugi::xml_document doc;
  if (auto problem = xlsx::Load(xml, &doc)) return std::unexpected(std::move(*problem));
  pugi::xml_node styles = Child(doc, "styleSheet");
  std::map<int, NumberShape> custom;
  for (pugi::xml_node format : Child(styles, "numFmts").children()) {
    std::optional<int> id = Int(Attribute(format, "numFmtId"));
    if (Is(format, "numFmt") && id) custom[*id] = ShapeOfFormat(Attribute(format, "formatCode"));
  }
  std::vector<NumberShape> out;
  for (pugi::xml_node xf : Child(styles, "cellXfs").children()) {
    if (!Is(xf, "xf")) continue;
    int id = Int(Attribute(xf, "numFmtId")).value_or(0);
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? it->second : ShapeOfBuiltInFormat(id));
  }
  return out;
}

}  // namespace scorecard
