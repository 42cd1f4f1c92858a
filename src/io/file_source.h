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
  // The names of everything in the folder: files, and folders followed by "/".
  virtual std::vector<std::string> List() const = 0;
};

class DiskFileSource : public FileSource {
 public:
  explicit DiskFileSource(std::string dir) : dir_(std::move(dir)) {}
  std::optional<std::string> Read(const std::string& name, std::string* error) const override;
  std::string Describe() const override { return dir_; }
  std::vector<std::string> List() const override;

 private:
  std::string dir_;
};

class MemoryFileSource : public FileSource {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> Read(const std::string& name, std::string* error) const override;
  std::string Describe() const override { return "(memory)"; }
  std::vector<std::string> List() const override;
};

}  // namespace scorecard
