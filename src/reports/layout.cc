#include "reports/layout.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

#include "reports/section_types.h"

namespace scorecard {
namespace {

int Line(const toml::node* node) { return node ? static_cast<int>(node->source().begin.line) : 0; }

std::string Joined(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// Reads one layout file, collecting every issue.
class LayoutReader {
 public:
  LayoutReader(std::string file, Issues* issues) : file_(std::move(file)), issues_(issues) {}

  void Add(std::string_view code, int line, std::string key, IssueParams params = {}) {
    issues_->push_back(MakeIssue(code, {file_, line, std::move(key)}, std::move(params)));
  }

  // A string at `key` of `table`, or empty (with an issue if it is there but not a string).
  std::string String(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return "";
    if (auto s = node->value<std::string>()) return *s;
    Add("layout.option-kind", Line(node), std::string(where), {{"kind", "words in quotes"}});
    return "";
  }

  std::vector<std::string> Strings(const toml::node* node, std::string_view where) {
    std::vector<std::string> out;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      Add("layout.option-kind", Line(node), std::string(where),
          {{"kind", "a list of words in quotes, [\"a\", \"b\"]"}});
      return out;
    }
    for (const toml::node& item : *array) {
      if (auto s = item.value<std::string>()) {
        out.push_back(*s);
      } else {
        Add("layout.option-kind", Line(&item), std::string(where),
            {{"kind", "a list of words in quotes, [\"a\", \"b\"]"}});
      }
    }
    return out;
  }

  void Top(const toml::table& root, ReportLayout* layout) {
    for (auto&& [k, node] : root) {
      std::string_view key = k.str();
      if (key == "title" || key == "subtitle") {
        (key == "title" ? layout->title : layout->subtitle) = String(root, key, key);
      } else if (key == "contact") {
        layout->contact = Strings(&node, "contact");
      } else if (key == "scope") {
        Scope(node, &layout->scope);
      } else if (key == "section") {
        Sections(node, layout);
      } else {
        Add("layout.unknown-key", Line(&node), std::string(key),
            {{"key", std::string(key)},
             {"keys", "title, subtitle, contact, [scope], [[section]]"}});
      }
    }
    if (layout->title.empty() && !root.contains("title")) {
      Add("layout.no-title", 1, "title");
    }
    if (layout->sections.empty() && !root.contains("section")) {
      Add("layout.no-sections", 1, "section");
    }
  }

  void Scope(const toml::node& node, LayoutScope* scope) {
    const toml::table* table = node.as_table();
    scope->line = Line(&node);
    if (table == nullptr) {
      Add("layout.option-kind", Line(&node), "scope", {{"kind", "a table, [scope]"}});
      return;
    }
    int named = 0;
    for (auto&& [k, value] : *table) {
      std::string_view key = k.str();
      std::string where = fmt::format("scope.{}", key);
      if (key == "priority") {
        if (auto b = value.value<bool>()) {
          scope->priority_only = *b;
        } else {
          Add("layout.option-kind", Line(&value), where, {{"kind", "true or false"}});
        }
        continue;
      }
      LayoutScope::Kind kind;
      if (key == "theme") {
        kind = LayoutScope::Kind::kTheme;
      } else if (key == "portfolio") {
        kind = LayoutScope::Kind::kPortfolio;
      } else if (key == "directorate") {
        kind = LayoutScope::Kind::kDirectorate;
      } else {
        Add("layout.unknown-key", Line(&value), where,
            {{"key", std::string(key)}, {"keys", "theme, portfolio, directorate, priority"}});
        continue;
      }
      if (++named > 1) {
        Add("layout.scope-twice", Line(&value), where);
        continue;
      }
      scope->kind = kind;
      scope->value = String(*table, key, where);
      scope->line = Line(&value);
    }
  }

  void Sections(const toml::node& node, ReportLayout* layout) {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Add("layout.option-kind", Line(&node), "section",
          {{"kind", "sections, each starting [[section]]"}});
      return;
    }
    for (const toml::node& item : *array) Section(*item.as_table(), layout);
  }

  void Section(const toml::table& table, ReportLayout* layout) {
    LayoutSection section;
    section.line = Line(&table);
    const toml::node* type = table.get("type");
    if (type == nullptr) {
      Add("layout.section-type", section.line, "type", {{"types", Joined(SectionTypes())}});
      return;
    }
    section.type = String(table, "type", "type");
    const SectionType* spec = FindSectionType(section.type);
    if (spec == nullptr) {
      if (!section.type.empty()) {
        Add("layout.unknown-section", Line(type), "type",
            {{"type", section.type}, {"types", Joined(SectionTypes())}});
      }
      return;
    }
    for (auto&& [k, node] : table) {
      std::string_view key = k.str();
      if (key == "type") continue;
      const SectionOption* option = spec->Find(key);
      std::string where = fmt::format("section.{}", key);
      if (option == nullptr) {
        Add("layout.unknown-option", Line(&node), where,
            {{"option", std::string(key)},
             {"type", section.type},
             {"options", Joined(spec->OptionNames())}});
        continue;
      }
      if (auto value = Value(node, *option, where)) {
        section.options.emplace(std::string(key), std::move(*value));
      }
    }
    for (const SectionOption& o : spec->options) {
      if (o.required && !section.options.contains(o.name)) {
        Add("layout.missing-option", section.line, fmt::format("section.{}", o.name),
            {{"option", std::string(o.name)}, {"type", section.type}});
      }
    }
    layout->sections.push_back(std::move(section));
  }

  // The option's value if it is of the option's kind and one of its words.
  std::optional<LayoutValue> Value(const toml::node& node, const SectionOption& option,
                                   const std::string& where) {
    LayoutValue v;
    v.line = Line(&node);
    auto wrong = [&] {
      Add("layout.option-kind", v.line, where, {{"kind", std::string(KindWords(option.kind))}});
      return std::nullopt;
    };
    switch (option.kind) {
      case OptionKind::kText: {
        auto s = node.value<std::string>();
        if (!s) return wrong();
        v.value = *s;
        if (!CheckWord(*s, option, v.line, where)) return std::nullopt;
        break;
      }
      case OptionKind::kFlag: {
        auto b = node.value<bool>();
        if (!b) return wrong();
        v.value = *b;
        break;
      }
      case OptionKind::kInteger: {
        auto i = node.value<int64_t>();
        if (!i || *i < 0) return wrong();
        v.value = *i;
        break;
      }
      case OptionKind::kList: {
        const toml::array* array = node.as_array();
        if (array == nullptr) return wrong();
        std::vector<std::string> words;
        bool ok = true;
        for (const toml::node& item : *array) {
          auto s = item.value<std::string>();
          if (!s) return wrong();
          ok = CheckWord(*s, option, Line(&item), where) && ok;
          words.push_back(*s);
        }
        if (!ok) return std::nullopt;
        v.value = std::move(words);
        break;
      }
      case OptionKind::kPairs: {
        const toml::array* array = node.as_array();
        if (array == nullptr) return wrong();
        LayoutValue::Pairs pairs;
        for (const toml::node& item : *array) {
          const toml::array* pair = item.as_array();
          if (pair == nullptr || pair->size() != 2 || !pair->get(0)->is_string() ||
              !pair->get(1)->is_string()) {
            return wrong();
          }
          pairs.emplace_back(*pair->get(0)->value<std::string>(),
                             *pair->get(1)->value<std::string>());
        }
        v.value = std::move(pairs);
        break;
      }
    }
    return v;
  }

  // Whether the word is one the option allows; if not, says which it allows.
  bool CheckWord(const std::string& word, const SectionOption& option, int line,
                 const std::string& where) {
    if (option.check) {
      if (auto why = option.check(word)) {
        Add("layout.option-value", line, where, {{"text", word}, {"expected", *why}});
        return false;
      }
      return true;
    }
    if (option.words.empty()) return true;
    if (std::ranges::find(option.words, word) != option.words.end()) return true;
    Add("layout.option-value", line, where,
        {{"text", word}, {"expected", "one of " + Joined(option.words)}});
    return false;
  }

 private:
  std::string file_;
  Issues* issues_;
};

template <typename T>
const T* Get(const LayoutSection& s, std::string_view name) {
  auto it = s.options.find(name);
  return it == s.options.end() ? nullptr : std::get_if<T>(&it->second.value);
}

}  // namespace

std::string LayoutSection::Text(std::string_view name, std::string_view otherwise) const {
  const auto* v = Get<std::string>(*this, name);
  return v ? *v : std::string(otherwise);
}

bool LayoutSection::Flag(std::string_view name, bool otherwise) const {
  const auto* v = Get<bool>(*this, name);
  return v ? *v : otherwise;
}

int64_t LayoutSection::Integer(std::string_view name, int64_t otherwise) const {
  const auto* v = Get<int64_t>(*this, name);
  return v ? *v : otherwise;
}

std::vector<std::string> LayoutSection::List(std::string_view name,
                                             const std::vector<std::string>& otherwise) const {
  const auto* v = Get<std::vector<std::string>>(*this, name);
  return v ? *v : otherwise;
}

LayoutValue::Pairs LayoutSection::PairList(std::string_view name) const {
  const auto* v = Get<LayoutValue::Pairs>(*this, name);
  return v ? *v : LayoutValue::Pairs{};
}

int LayoutSection::LineOf(std::string_view name) const {
  auto it = options.find(name);
  return it == options.end() ? line : it->second.line;
}

std::expected<ReportLayout, Issues> ParseLayout(std::string_view text, std::string name,
                                                std::string file) {
  Issues issues;
  ReportLayout layout;
  layout.name = std::move(name);
  layout.file = file;
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    issues.push_back(MakeIssue("layout.toml", {file, static_cast<int>(e.source().begin.line), ""},
                               {{"description", std::string(e.description())},
                                {"column", std::to_string(e.source().begin.column)}}));
    return std::unexpected(std::move(issues));
  }
  LayoutReader reader(file, &issues);
  reader.Top(root, &layout);
  if (!issues.empty()) return std::unexpected(std::move(issues));
  return layout;
}

std::vector<std::string_view> SectionTypes() {
  std::vector<std::string_view> names;
  for (const SectionType& t : AllSectionTypes()) names.push_back(t.type);
  return names;
}

}  // namespace scorecard
