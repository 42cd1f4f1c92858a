#include "io/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <limits>

#include "domain/text.h"

namespace scorecard {
namespace {

class ConfigReader {
 public:
  ConfigReader(const std::string& file, Council* council, Issues* issues)
      : file_(file), council_(council), issues_(issues) {}

  void Read(const toml::table& root) {
    CheckKeys(root, "", {"organisation", "schemes", "action_ratings", "risk", "reports"});
    ReadOrganisation(root);
    if (auto* schemes = root["schemes"].as_table()) {
      for (auto&& [name, node] : *schemes) ReadScheme(std::string(name.str()), node);
    } else if (root.contains("schemes")) {
      Report(root["schemes"].node(), "schemes", "config.schemes");
    }
    if (auto* ratings = root["action_ratings"].as_table()) ReadActionRatings(*ratings);
    if (auto* risk = root["risk"].as_table()) ReadRiskBands(*risk);
    ReadReports(root);
    CheckDefaultScheme(root);
  }

 private:
  // Records the catalogue's issue `code` at the node's line and the key.
  void Report(const toml::node* node, std::string key, std::string_view code,
              IssueParams params = {}) {
    issues_->push_back(MakeIssue(code, {file_, Line(node), std::move(key)}, std::move(params)));
  }

  void CheckKeys(const toml::table& t, const std::string& where,
                 std::initializer_list<std::string_view> known) {
    for (auto&& [k, v] : t) {
      bool ok = false;
      for (std::string_view name : known) ok = ok || k.str() == name;
      if (!ok) {
        std::string list;
        for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        Report(&v, where.empty() ? std::string(k.str()) : where + "." + std::string(k.str()),
               "config.unknown-key", {{"keys", list}});
      }
    }
  }

  // The key's string; empty, with an issue, when it is not a string, or when it is missing and
  // `missing` names the issue for that (a required key).
  std::string String(const toml::table& t, std::string_view key, const std::string& where,
                     std::string_view missing = {}) {
    const toml::node* n = t.get(key);
    std::string full = where + "." + std::string(key);
    if (!n) {
      if (!missing.empty()) Report(&t, full, missing);
      return "";
    }
    if (auto s = n->value<std::string>()) return *s;
    Report(n, full, "config.not-string");
    return "";
  }

  std::optional<double> Number(const toml::table& t, std::string_view key,
                               const std::string& where) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto d = n->value<double>()) return *d;  // integers convert too
    Report(n, where + "." + std::string(key), "config.not-number");
    return std::nullopt;
  }

  // A band bound or a stable tolerance: a number, or for a relative scheme also a percentage
  // in quotes ("-10%"). A relative one is a fraction of the target, from -1 to 1: -10 would
  // mean -1000% and turn every red amber, so it is refused with the fraction it probably means.
  std::optional<double> Deviation(const toml::table& t, std::string_view key,
                                  const std::string& where, DeviationKind kind) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    std::string full = where + "." + std::string(key);
    std::optional<double> value = n->value<double>();
    if (auto text = n->value<std::string>()) {
      std::string_view v = Trim(*text);
      auto number = v.ends_with('%') ? ParseNumber(v) : std::unexpected(std::string());
      if (!number || kind != DeviationKind::kRelative) {
        issues_->push_back(MakeIssue(
            kind == DeviationKind::kRelative ? "config.bound-text" : "config.bound-absolute",
            {file_, Line(n), full}, {{"text", *text}}));
        return std::nullopt;
      }
      value = *number / 100;
    } else if (!value) {
      Report(n, full, "config.not-number");
      return std::nullopt;
    } else if (kind == DeviationKind::kRelative && std::fabs(*value) > 1) {
      issues_->push_back(MakeIssue("config.bound-fraction", {file_, Line(n), full},
                                   {{"value", FormatNumber(*value)},
                                    {"fraction", FormatNumber(*value / 100)},
                                    {"percent", FormatNumber(*value) + "%"}}));
      return std::nullopt;
    }
    return value;
  }

  static int Line(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.line) : 0;
  }

  void ReadOrganisation(const toml::table& root) {
    auto* org = root["organisation"].as_table();
    if (!org) {
      Report(nullptr, "organisation", "config.no-organisation");
      return;
    }
    CheckKeys(*org, "organisation",
              {"name", "code", "scheme", "action_scheme", "reporting_period", "forecast"});
    Organisation& o = council_->organisation;
    o.name = String(*org, "name", "organisation", "config.no-name");
    o.code = String(*org, "code", "organisation");
    o.scheme = String(*org, "scheme", "organisation", "config.no-scheme");
    String(*org, "action_scheme", "organisation");
    std::string period = String(*org, "reporting_period", "organisation");
    if (!period.empty()) {
      auto p = ParsePeriod(period);
      if (p) {
        o.reporting_period = *p;
      } else {
        Report(org->get("reporting_period"), "organisation.reporting_period", "config.period",
               {{"text", period}});
      }
    }
    ReadDefaultForecast(*org);
    for (char c : o.code) {
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
        Report(org->get("code"), "organisation.code", "config.code");
        break;
      }
    }
  }

  // [organisation] forecast: the default method for the measures it suits.
  void ReadDefaultForecast(const toml::table& org) {
    const toml::node* n = org.get("forecast");
    if (!n) return;
    std::string text = String(org, "forecast", "organisation");
    if (!n->is_string()) return;  // String() has said so
    if (auto method = ParseForecastMethod(text)) {
      council_->organisation.forecast = *method;
    } else {
      issues_->push_back(MakeIssue("config.forecast", {file_, Line(n), "organisation.forecast"},
                                   {{"value", text}}));
    }
  }

  void ReadScheme(const std::string& name, const toml::node& node) {
    std::string where = "schemes." + name;
    auto* t = node.as_table();
    if (!t) {
      Report(&node, where, "config.scheme-not-table");
      return;
    }
    CheckKeys(*t, where, {"label", "deviation", "bands", "dot", "stable_within", "special"});
    StatusScheme s;
    s.name = name;
    s.label = String(*t, "label", where);
    std::string deviation = String(*t, "deviation", where, "config.no-deviation");
    if (deviation == "absolute") {
      s.deviation = DeviationKind::kAbsolute;
    } else if (deviation != "relative" && !deviation.empty()) {
      Report(t->get("deviation"), where + ".deviation", "config.deviation");
    }
    std::string dot = String(*t, "dot", where);
    if (!dot.empty()) {
      if (auto b = ParseDotBasis(dot)) {
        s.dot = *b;
      } else {
        Report(t->get("dot"), where + ".dot", "config.dot");
      }
    }
    s.stable_within = Deviation(*t, "stable_within", where, s.deviation).value_or(0);
    ReadBands(*t, where, s);
    s.special = DefaultSpecialLabels();
    if (auto* special = (*t)["special"].as_table()) ReadSpecial(*special, where + ".special", s);
    if (s.bands.empty()) return;  // already reported
    if (std::optional<Problem> problem = s.Validate()) {
      issues_->push_back(
          MakeIssue(std::move(*problem), {file_, Line(t->get("bands")), where + ".bands"}));
    }
    council_->schemes[name] = std::move(s);
  }

  void ReadBands(const toml::table& t, const std::string& where, StatusScheme& s) {
    auto* bands = t["bands"].as_array();
    if (!bands) {
      Report(&t, where + ".bands", "config.bands");
      return;
    }
    int i = 0;
    for (const toml::node& bn : *bands) {
      std::string bw = fmt::format("{}.bands[{}]", where, ++i);
      auto* b = bn.as_table();
      if (!b) {
        Report(&bn, bw, "config.band");
        continue;
      }
      CheckKeys(*b, bw, {"status", "label", "above", "at_least", "colour", "symbol"});
      Band band;
      band.status.key = String(*b, "status", bw, "config.no-band-status");
      band.status.label = String(*b, "label", bw);
      if (band.status.label.empty()) band.status.label = band.status.key;
      band.status.colour = String(*b, "colour", bw);
      band.status.symbol = String(*b, "symbol", bw);
      auto above = Deviation(*b, "above", bw, s.deviation);
      auto at_least = Deviation(*b, "at_least", bw, s.deviation);
      if (above && at_least) Report(&bn, bw, "config.band-both-bounds");
      // A bound given but refused (already said) still marks the band as bounded.
      if (b->contains("above")) band.bound = BoundKind::kAbove, band.limit = above.value_or(0);
      if (b->contains("at_least")) {
        band.bound = BoundKind::kAtLeast, band.limit = at_least.value_or(0);
      }
      s.bands.push_back(std::move(band));
    }
    if (s.bands.empty()) Report(&t, where + ".bands", "config.no-band");
  }

  void ReadSpecial(const toml::table& t, const std::string& where, StatusScheme& s) {
    std::array<std::string, kSpecialStatusCount> folds;
    for (auto&& [k, v] : t) {
      std::string key(k.str());
      auto special = ParseSpecialKey(key);
      auto* entry = v.as_table();
      if (!special || !entry) {
        Report(&v, where + "." + key, "config.special");
        continue;
      }
      std::string w = where + "." + key;
      CheckKeys(*entry, w, {"label", "symbol", "colour", "as"});
      StatusLabel& l = s.special[static_cast<int>(*special)];
      if (auto label = String(*entry, "label", w); !label.empty()) l.label = label;
      if (auto symbol = String(*entry, "symbol", w); !symbol.empty()) l.symbol = symbol;
      if (auto colour = String(*entry, "colour", w); !colour.empty()) l.colour = colour;
      folds[static_cast<int>(*special)] = String(*entry, "as", w);
    }
    for (int i = 0; i < kSpecialStatusCount; ++i) {
      if (folds[i].empty()) continue;
      auto into = ParseSpecialKey(folds[i]);
      if (!into) {
        Report(&t, where + "." + std::string(SpecialKey(static_cast<SpecialStatus>(i))) + ".as",
               "config.special-as");
        continue;
      }
      s.special[i] = s.special[static_cast<int>(*into)];
    }
  }

  void ReadActionRatings(const toml::table& t) {
    for (auto&& [k, v] : t) {
      std::string key(k.str());
      auto rating = ParseActionRating(key);
      auto* entry = v.as_table();
      if (!rating || !entry || key != ToString(*rating)) {
        Report(&v, "action_ratings." + key, "config.action-rating");
        continue;
      }
      std::string w = "action_ratings." + key;
      CheckKeys(*entry, w, {"label", "symbol", "colour"});
      StatusLabel& l = council_->action_labels[static_cast<int>(*rating)];
      if (auto label = String(*entry, "label", w); !label.empty()) l.label = label;
      l.symbol = String(*entry, "symbol", w);
      l.colour = String(*entry, "colour", w);
    }
  }

  void ReadRiskBands(const toml::table& t) {
    CheckKeys(t, "risk", {"bands"});
    auto* bands = t["bands"].as_array();
    if (!bands) return;
    std::vector<RiskBand> out;
    for (const toml::node& bn : *bands) {
      auto* b = bn.as_table();
      if (!b) {
        Report(&bn, "risk.bands", "config.risk-band");
        continue;
      }
      CheckKeys(*b, "risk.bands", {"band", "label", "at_least"});
      RiskBand rb;
      rb.key = String(*b, "band", "risk.bands", "config.no-risk-band");
      rb.label = String(*b, "label", "risk.bands");
      // Scores are whole numbers. The checks also keep the cast to int defined: inf, nan or 1e300
      // would be undefined behaviour (and toml++'s own value<int> has the same flaw).
      if (auto at_least = Number(*b, "at_least", "risk.bands")) {
        if (*at_least == std::trunc(*at_least) && *at_least >= std::numeric_limits<int>::min() &&
            *at_least <= std::numeric_limits<int>::max()) {
          rb.at_least = static_cast<int>(*at_least);
        } else {
          Report(b->get("at_least"), "risk.bands.at_least", "config.whole-number");
        }
      }
      out.push_back(rb);
    }
    if (!out.empty()) council_->risk_bands = std::move(out);
  }

  // [reports] default: the layout a report takes when none is named, one of the council's.
  void ReadReports(const toml::table& root) {
    const toml::node* node = root.get("reports");
    if (!node) return;
    auto* reports = node->as_table();
    if (!reports) {
      Report(node, "reports", "config.reports");
      return;
    }
    const std::string where = "reports";
    CheckKeys(*reports, where, {"default"});
    const toml::node* named = reports->get("default");
    if (!named) return;
    std::string name = String(*reports, "default", where);
    if (!named->is_string()) return;  // String() has said so
    council_->default_layout = name;
    if (council_->FindLayout(name)) return;
    std::string layouts;
    for (const ReportLayoutText& layout : council_->layouts) {
      layouts += (layouts.empty() ? "" : ", ") + layout.name;
    }
    Report(named, where + ".default", "reports.unknown-default",
           {{"name", name}, {"layouts", layouts.empty() ? "it has none" : layouts}});
  }

  void CheckDefaultScheme(const toml::table& root) {
    const std::string& name = council_->organisation.scheme;
    if (!name.empty() && !council_->FindScheme(name)) {
      Report(root["organisation"]["scheme"].node(), "organisation.scheme", "config.unknown-scheme",
             {{"scheme", name}});
    }
  }

  const std::string& file_;
  Council* council_;
  Issues* issues_;
};

}  // namespace

void ReadConfig(std::string_view text, const std::string& file, Council* council, Issues* issues) {
  // Debian's toml++ is built with exceptions: a parse error arrives as one, caught here.
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    issues->push_back(MakeIssue("config.toml", {file, static_cast<int>(e.source().begin.line), ""},
                                {{"description", std::string(e.description())},
                                 {"column", std::to_string(e.source().begin.column)}}));
    return;
  }
  ConfigReader(file, council, issues).Read(root);
}

}  // namespace scorecard
