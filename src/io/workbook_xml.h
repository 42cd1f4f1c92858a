#pragma once
// Helpers over pugixml for the XML parts of a workbook. Elements and attributes are matched by
// local name, so a part that prefixes the namespace (<x:row>) reads like one that does not.
// Internal to the workbook reader: include it from .cc files only, keeping pugixml out of the
// headers others include.

#include <fmt/format.h>

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "domain/issue.h"

namespace scorecard::xlsx {

inline std::string_view LocalName(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline bool Is(const pugi::xml_node& node, std::string_view local) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local;
}

// The first child element with this local name, or a null node.
inline pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, local)) return child;
  }
  return {};
}

// The attribute with this local name: "id" finds r:id. Empty text if there is none.
inline std::string_view Attribute(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (LocalName(a.name()) == local) return a.value();
  }
  return {};
}

// The character data directly inside an element.
inline std::string Text(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  }
  return out;
}

// Parses `xml` in place: REQUIRES `xml` outlives `doc`. Whitespace-only text is kept, since a
// cell may hold just a space. Nothing on success, else what went wrong (the part not yet named).
inline std::optional<Problem> Load(std::string& xml, pugi::xml_document* doc) {
  pugi::xml_parse_result result =
      doc->load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (result) return std::nullopt;
  return Problem{"workbook.part-not-xml",
                 {{"why", result.description()}, {"byte", std::to_string(result.offset)}}};
}

// A string item (<si>) or inline string (<is>): its text, or its runs' text joined. Phonetic
// guides are left out.
std::string RichText(const pugi::xml_node& node);

}  // namespace scorecard::xlsx
