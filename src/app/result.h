#pragma once
// What a use case returns: its result, or a failure that keeps its kind up to the caller (the
// CLI's exit code, later the web's 400, 404, 409 or 503) with the issues that say what is wrong.

#include <expected>
#include <string>
#include <utility>

#include "domain/issue.h"
#include "store/database.h"

namespace scorecard {

struct Failure {
  enum class Kind {
    kInvalid,      // the input is wrong: the issues say where and what
    kNotFound,     // no such organisation, record, change or file
    kConflict,     // changed by someone else since it was read, or already done
    kUnavailable,  // the database or a file cannot be reached now
    kInternal,     // something unexpected
  };
  Kind kind = Kind::kInvalid;
  Issues issues;
};

template <typename T>
using Result = std::expected<T, Failure>;

inline std::unexpected<Failure> Fails(Failure::Kind kind, Issues issues) {
  return std::unexpected(Failure{kind, std::move(issues)});
}
inline std::unexpected<Failure> Invalid(Issues issues) {
  return Fails(Failure::Kind::kInvalid, std::move(issues));
}
// A store error as an issue located at "database" (store.not-found, store.conflict, ...).
Issue StoreIssue(const StoreError& error);
// A store error as a failure of the same kind, with its issue.
std::unexpected<Failure> FromStore(const StoreError& error);

}  // namespace scorecard
