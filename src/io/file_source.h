#pragma once
// Where an interchange folder's files come from: a directory on disk, or memory (tests, fuzzing).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scorecard {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The file's bytes, or nullopt if it does not exist. Sets *error if it exists but cannot be read.
  virtual std::optional<std::string> Read(const std::string& name, std::string* error) const = 0;
  // How to name the source in messages ("data/seeds/derby-2012-q2").
  virtual std::string Describe() const = 0;
  // The names of everything in `folder` ("" for the source's own, "reports" for a folder in it):
  // files, and folders followed by "/"; none if there is no such folder.
  virtual std::vector<std::string> List(const std::string& folder) const = 0;
};

class DiskFileSource : public FileSource {
 public:
  explicit DiskFileSource(std::string dir) : dir_(std::move(dir)) {}
  std::optional<std::string> Read(const std::string& name, std::string* error) const override;
  std::string Describe() const override { return dir_; }
  std::vector<std::string> List(const std::string& folder) const override;

 private:
  std::string dir_;
};

// Files by path ("scorecard.toml", "reports/quarterly.toml"); a path ending "/" is a folder, so
// that an empty one can be given ("reports/").
class MemoryFileSource : public FileSource {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> Read(const std::string& name, std::string* error) const override;
  std::string Describe() const override { return "(memory)"; }
  std::vector<std::string> List(const std::string& folder) const override;
};

}  // namespace scorecard
