#include "app/publication_changes.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>

namespace scorecard {
namespace {

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// A measure as the report shows it: its figure and its status.
struct MeasureState {
  std::string value;  // the plain number, or the words of a text measure
  std::string shown;  // "81.5%"; "no figure" when none
  std::string status_key, status;

  explicit MeasureState(const MeasureRow& m)
      : value(m.value.plain + '\x1F' + m.value_text),
        shown(!m.value.empty()        ? m.value.shown
              : !m.value_text.empty() ? m.value_text
                                      : "no figure"),
        status_key(m.status.key),
        status(m.status.label.empty() ? "no status" : m.status.label) {}
  std::string Label() const { return fmt::format("{} ({})", shown, status); }
};

std::string RatingLabel(const RatingView& r) { return r.key.empty() ? "not rated" : r.label; }

std::string ScoreLabel(const RiskRow& r) {
  if (r.score == 0) return "not scored";
  return r.band.label.empty() ? std::to_string(r.score)
                              : fmt::format("{} ({})", r.score, r.band.label);
}

// How one kind of item is compared: what identifies it, its status's key, how it is shown, and
// what changed between two of its rows (nothing: empty).
template <typename Row>
struct Comparison {
  std::string_view kind;
  std::string (*id)(const Row&);
  std::string (*key)(const Row&);
  std::string (*label)(const Row&);
  std::string (*words)(const Row& before, const Row& after);
};

// The rows of one kind of item, in `after`'s order; then those of `before` missing from `after`.
template <typename Row>
void Compare(const Comparison<Row>& c, const std::vector<Row>& before,
             const std::vector<Row>& after, std::vector<ChangeRow>* out) {
  std::map<std::string, const Row*> published;
  for (const Row& r : before) published.emplace(c.id(r), &r);
  std::set<std::string> seen;
  for (const Row& now : after) {
    seen.insert(c.id(now));
    auto it = published.find(c.id(now));
    ChangeRow row{std::string(c.kind), now.ref,      now.title, "", "",
                  c.key(now),          c.label(now), false,     ""};
    if (it == published.end()) {
      row.before_label = "not in the published report";
      row.words = "added since publication";
    } else {
      row.words = c.words(*it->second, now);
      if (row.words.empty()) continue;
      row.before_key = c.key(*it->second);
      row.before_label = c.label(*it->second);
    }
    out->push_back(std::move(row));
  }
  for (const Row& gone : before) {
    if (seen.contains(c.id(gone))) continue;
    out->push_back({std::string(c.kind), gone.ref, gone.title, c.key(gone), c.label(gone), "",
                    "not in the report now", false, "removed since publication"});
  }
}

}  // namespace

std::vector<ChangeRow> ChangesSincePublication(const Position& published, const Position& now) {
  static const Comparison<MeasureRow> kMeasures{
      "measure", [](const MeasureRow& m) { return m.ref; },
      [](const MeasureRow& m) { return m.status.key; },
      [](const MeasureRow& m) { return MeasureState(m).Label(); },
      [](const MeasureRow& a, const MeasureRow& b) {
        MeasureState then(a), now(b);
        std::vector<std::string> words;
        if (then.value != now.value) {
          words.push_back(fmt::format("value {} to {}", then.shown, now.shown));
        }
        if (then.status_key != now.status_key) {
          words.push_back(fmt::format("status {} to {}", Quoted(then.status), Quoted(now.status)));
        }
        return Joined(words);
      }};
  static const Comparison<ActionRow> kActions{
      "action", [](const ActionRow& a) { return a.ref; },
      [](const ActionRow& a) { return a.rating.key; },
      [](const ActionRow& a) { return RatingLabel(a.rating); },
      [](const ActionRow& a, const ActionRow& b) {
        if (a.rating.key == b.rating.key) return std::string();
        return fmt::format("rating {} to {}", Quoted(RatingLabel(a.rating)),
                           Quoted(RatingLabel(b.rating)));
      }};
  static const Comparison<ProjectRow> kProjects{
      "project", [](const ProjectRow& p) { return p.ref; },
      [](const ProjectRow& p) { return p.rag.key; },
      [](const ProjectRow& p) {
        return fmt::format("RAG {}, DCA {}", RatingLabel(p.rag), RatingLabel(p.dca));
      },
      [](const ProjectRow& a, const ProjectRow& b) {
        std::vector<std::string> words;
        if (a.rag.key != b.rag.key) {
          words.push_back(
              fmt::format("RAG {} to {}", Quoted(RatingLabel(a.rag)), Quoted(RatingLabel(b.rag))));
        }
        if (a.dca.key != b.dca.key) {
          words.push_back(
              fmt::format("DCA {} to {}", Quoted(RatingLabel(a.dca)), Quoted(RatingLabel(b.dca))));
        }
        return Joined(words);
      }};
  static const Comparison<RiskRow> kRisks{
      "risk", [](const RiskRow& r) { return r.ref + '\x1F' + r.kind; },
      [](const RiskRow& r) { return r.band.key; }, ScoreLabel,
      [](const RiskRow& a, const RiskRow& b) {
        if (a.score == b.score) return std::string();
        return fmt::format("{} score {} to {}", b.kind, ScoreLabel(a), ScoreLabel(b));
      }};
  std::vector<ChangeRow> out;
  Compare(kMeasures, published.measures, now.measures, &out);
  Compare(kActions, published.actions, now.actions, &out);
  Compare(kProjects, published.projects, now.projects, &out);
  Compare(kRisks, published.risks, now.risks, &out);
  return out;
}

}  // namespace scorecard
