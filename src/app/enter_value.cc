#include "app/enter_value.h"

#include <fmt/format.h>

namespace scorecard {

Result<Saved> EnterValue(Store& store, const ValueEntry& e) {
  RecordEdit edit(store, SpecOf("values"), e.basis,
                  {{"ref", e.ref},
                   {"period", e.period},
                   {"value", e.value},
                   {"numerator", e.numerator},
                   {"denominator", e.denominator},
                   {"flags", e.flags},
                   {"forecast", e.forecast},
                   {"status", e.status},
                   {"status_reason", e.status_reason},
                   {"forecast_status", e.forecast_status},
                   {"context", e.context},
                   {"actions", e.actions},
                   {"intervention", e.intervention},
                   {"note", e.note}});
  if (auto found = edit.FindOrganisation(); !found) return std::unexpected(found.error());
  auto measure = edit.ReadItem(SpecOf("measures"), "a measure");
  if (!measure) return std::unexpected(measure.error());
  if (auto parts = edit.ReadParts(&*measure); !parts) return std::unexpected(parts.error());
  auto config = edit.ReadConfig();
  if (!config) return std::unexpected(config.error());
  auto targets = edit.ReadRows(SpecOf("targets"), {std::string(edit.Field("ref"))});
  if (!targets) return std::unexpected(targets.error());
  if (auto read = edit.ReadCurrent(); !read) return std::unexpected(read.error());
  EditSource source(std::move(*config),
                    {std::move(*measure), std::move(*targets), edit.FormTable()});
  if (auto checked = edit.Check(source); !checked) return std::unexpected(checked.error());
  return edit.Save(fmt::format("the value of {} for {}", edit.Field("ref"), edit.Field("period")));
}

}  // namespace scorecard
