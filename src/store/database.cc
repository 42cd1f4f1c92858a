#include "store/database.h"

#include <fmt/format.h>

namespace scorecard {

StoreResult<void> Database::CopyRows(std::string_view table,
                                     const std::vector<std::string_view>& columns, size_t count,
                                     const RowFiller& fill, size_t* failed_row) {
  std::string names, params;
  for (size_t c = 0; c < columns.size(); ++c) {
    names += fmt::format("{}\"{}\"", c ? ", " : "", columns[c]);
    params += fmt::format("{}${}", c ? ", " : "", c + 1);
  }
  auto insert = Prepare(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", table, names, params));
  if (!insert) return std::unexpected(insert.error());
  std::vector<Param> fields(columns.size());
  for (size_t i = 0; i < count; ++i) {
    fill(i, fields);
    if (auto r = (*insert)->Run(fields); !r) {
      if (failed_row) *failed_row = i;
      return r;
    }
  }
  return {};
}

}  // namespace scorecard
