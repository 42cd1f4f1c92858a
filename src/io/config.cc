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
    CheckKeys(root, "", {"organisation", "schemes", "action_ratings", "risk"});
    ReadOrganisation(root);
    if (auto* schemes = root["schemes"].as_table()) {
      for (auto&& [name, node] : *schemes) ReadScheme(std::string(name.str()), node);
    } else if (root.contains("schemes")) {
      Error(root["schemes"].node(), "schemes", "expected a table of schemes ([schemes.NAME])");
    }
    if (auto* ratings = root["action_ratings"].as_table()) ReadActionRatings(*ratings);
    if (auto* risk = root["risk"].as_table()) ReadRiskBands(*risk);
    CheckDefaultScheme(root);
  }

 private:
  void Error(const toml::node* node, std::string key, std::string message) {
    int line = node ? static_cast<int>(node->source().begin.line) : 0;
    issues_->push_back({file_, line, std::move(key), std::move(message)});
  }

  void CheckKeys(const toml::table& t, const std::string& where,
                 std::initializer_list<std::string_view> known) {
    for (auto&& [k, v] : t) {
      bool ok = false;
      for (std::string_view name : known) ok = ok || k.str() == name;
      if (!ok) {
        std::string list;
        for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        Error(&v, where.empty() ? std::string(k.str()) : where + "." + std::string(k.str()),
              fmt::format("unknown key; expected one of {}", list));
      }
    }
  }

  std::string String(const toml::table& t, std::string_view key, const std::string& where,
                     bool required) {
    const toml::node* n = t.get(key);
    std::string full = where + "." + std::string(key);
    if (!n) {
      if (required) Error(&t, full, "expected this required key");
      return "";
    }
    if (auto s = n->value<std::string>()) return *s;
    Error(n, full, "expected a string in quotes");
    return "";
  }

  std::optional<double> Number(const toml::table& t, std::string_view key,
                               const std::string& where) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto d = n->value<double>()) return *d;  // integers convert too
    Error(n, where + "." + std::string(key), "expected a number");
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
      Error(n, full, "expected a number");
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
      issues_->push_back({file_, 0, "organisation", "expected an [organisation] table"});
      return;
    }
    CheckKeys(*org, "organisation",
              {"name", "code", "scheme", "action_scheme", "reporting_period", "forecast"});
    Organisation& o = council_->organisation;
    o.name = String(*org, "name", "organisation", true);
    o.code = String(*org, "code", "organisation", false);
    o.scheme = String(*org, "scheme", "organisation", true);
    String(*org, "action_scheme", "organisation", false);
    std::string period = String(*org, "reporting_period", "organisation", false);
    if (!period.empty()) {
      auto p = ParsePeriod(period);
      if (p) {
        o.reporting_period = *p;
      } else {
        Error(org->get("reporting_period"), "organisation.reporting_period",
              "expected " + p.error());
      }
    }
    ReadDefaultForecast(*org);
    for (char c : o.code) {
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
        Error(org->get("code"), "organisation.code",
              "expected lower-case letters, digits and hyphens only");
        break;
      }
    }
  }

  // [organisation] forecast: the default method for the measures it suits.
  void ReadDefaultForecast(const toml::table& org) {
    const toml::node* n = org.get("forecast");
    if (!n) return;
    std::string text = String(org, "forecast", "organisation", false);
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
      Error(&node, where, "expected a table");
      return;
    }
    CheckKeys(*t, where, {"label", "deviation", "bands", "dot", "stable_within", "special"});
    StatusScheme s;
    s.name = name;
    s.label = String(*t, "label", where, false);
    std::string deviation = String(*t, "deviation", where, true);
    if (deviation == "absolute") {
      s.deviation = DeviationKind::kAbsolute;
    } else if (deviation != "relative" && !deviation.empty()) {
      Error(t->get("deviation"), where + ".deviation", "expected \"relative\" or \"absolute\"");
    }
    std::string dot = String(*t, "dot", where, false);
    if (!dot.empty()) {
      if (auto b = ParseDotBasis(dot)) {
        s.dot = *b;
      } else {
        Error(t->get("dot"), where + ".dot", "expected " + b.error());
      }
    }
    s.stable_within = Deviation(*t, "stable_within", where, s.deviation).value_or(0);
    ReadBands(*t, where, s);
    s.special = DefaultSpecialLabels();
    if (auto* special = (*t)["special"].as_table()) ReadSpecial(*special, where + ".special", s);
    if (s.bands.empty()) return;  // already reported
    if (std::string problem = s.Validate(); !problem.empty()) {
      Error(t->get("bands"), where + ".bands", problem);
    }
    council_->schemes[name] = std::move(s);
  }

  void ReadBands(const toml::table& t, const std::string& where, StatusScheme& s) {
    auto* bands = t["bands"].as_array();
    if (!bands) {
      Error(&t, where + ".bands", "expected an array of bands, best first");
      return;
    }
    int i = 0;
    for (const toml::node& bn : *bands) {
      std::string bw = fmt::format("{}.bands[{}]", where, ++i);
      auto* b = bn.as_table();
      if (!b) {
        Error(&bn, bw,
              "expected a band such as { status = \"green\", label = \"On target\", "
              "at_least = 0.0 }");
        continue;
      }
      CheckKeys(*b, bw, {"status", "label", "above", "at_least", "colour", "symbol"});
      Band band;
      band.status.key = String(*b, "status", bw, true);
      band.status.label = String(*b, "label", bw, false);
      if (band.status.label.empty()) band.status.label = band.status.key;
      band.status.colour = String(*b, "colour", bw, false);
      band.status.symbol = String(*b, "symbol", bw, false);
      auto above = Deviation(*b, "above", bw, s.deviation);
      auto at_least = Deviation(*b, "at_least", bw, s.deviation);
      if (above && at_least) Error(&bn, bw, "expected either above or at_least, not both");
      // A bound given but refused (already said) still marks the band as bounded.
      if (b->contains("above")) band.bound = BoundKind::kAbove, band.limit = above.value_or(0);
      if (b->contains("at_least")) {
        band.bound = BoundKind::kAtLeast, band.limit = at_least.value_or(0);
      }
      s.bands.push_back(std::move(band));
    }
    if (s.bands.empty()) Error(&t, where + ".bands", "expected at least one band");
  }

  void ReadSpecial(const toml::table& t, const std::string& where, StatusScheme& s) {
    std::array<std::string, kSpecialStatusCount> folds;
    for (auto&& [k, v] : t) {
      std::string key(k.str());
      auto special = ParseSpecialKey(key);
      auto* entry = v.as_table();
      if (!special || !entry) {
        Error(
            &v, where + "." + key,
            "expected a special status (no-target, baseline, tbc, under-development, "
            "not-available, not-due) = { label = \"...\", symbol = \"...\" } or { as = \"...\" }");
        continue;
      }
      std::string w = where + "." + key;
      CheckKeys(*entry, w, {"label", "symbol", "colour", "as"});
      StatusLabel& l = s.special[static_cast<int>(*special)];
      if (auto label = String(*entry, "label", w, false); !label.empty()) l.label = label;
      if (auto symbol = String(*entry, "symbol", w, false); !symbol.empty()) l.symbol = symbol;
      if (auto colour = String(*entry, "colour", w, false); !colour.empty()) l.colour = colour;
      folds[static_cast<int>(*special)] = String(*entry, "as", w, false);
    }
    for (int i = 0; i < kSpecialStatusCount; ++i) {
      if (folds[i].empty()) continue;
      auto into = ParseSpecialKey(folds[i]);
      if (!into) {
        Error(&t, where + "." + std::string(SpecialKey(static_cast<SpecialStatus>(i))) + ".as",
              "expected another special status to fold into");
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
        Error(&v, "action_ratings." + key,
              "expected a rating key (completed, on-track, some-slippage, needs-attention, "
              "major-slippage, aborted, not-rated, not-due) = { label = \"...\" }");
        continue;
      }
      std::string w = "action_ratings." + key;
      CheckKeys(*entry, w, {"label", "symbol", "colour"});
      StatusLabel& l = council_->action_labels[static_cast<int>(*rating)];
      if (auto label = String(*entry, "label", w, false); !label.empty()) l.label = label;
      l.symbol = String(*entry, "symbol", w, false);
      l.colour = String(*entry, "colour", w, false);
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
        Error(&bn, "risk.bands", "expected { band = \"high\", label = \"High\", at_least = 12 }");
        continue;
      }
      CheckKeys(*b, "risk.bands", {"band", "label", "at_least"});
      RiskBand rb;
      rb.key = String(*b, "band", "risk.bands", true);
      rb.label = String(*b, "label", "risk.bands", false);
      // Scores are whole numbers. The checks also keep the cast to int defined: inf, nan or 1e300
      // would be undefined behaviour (and toml++'s own value<int> has the same flaw).
      if (auto at_least = Number(*b, "at_least", "risk.bands")) {
        if (*at_least == std::trunc(*at_least) && *at_least >= std::numeric_limits<int>::min() &&
            *at_least <= std::numeric_limits<int>::max()) {
          rb.at_least = static_cast<int>(*at_least);
        } else {
          Error(b->get("at_least"), "risk.bands.at_least", "expected a whole number");
        }
      }
      out.push_back(rb);
    }
    if (!out.empty()) council_->risk_bands = std::move(out);
  }

  void CheckDefaultScheme(const toml::table& root) {
    const std::string& name = council_->organisation.scheme;
    if (!name.empty() && !council_->FindScheme(name)) {
      Error(root["organisation"]["scheme"].node(), "organisation.scheme",
            fmt::format("expected a scheme defined under [schemes.{}] or a built-in one "
                        "(derby-2012, derby-2021, rotherham-2017), not \"{}\"",
                        name, name));
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
    issues->push_back({file, static_cast<int>(e.source().begin.line), "",
                       fmt::format("expected valid TOML: {} (column {})", e.description(),
                                   e.source().begin.column)});
    return;
  }
  ConfigReader(file, council, issues).Read(root);
}

}  // namespace scorecard
