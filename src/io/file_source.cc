#include "io/file_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace scorecard {

std::optional<std::string> DiskFileSource::Read(const std::string& name, std::string* error) const {
  std::string path = dir_ + "/" + name;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot be read: ") + std::strerror(errno);
    return std::string();
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> DiskFileSource::List() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    std::string name = entry.path().filename().string();
    out.push_back(entry.is_directory(ec) ? name + "/" : name);
  }
  return out;
}

std::vector<std::string> MemoryFileSource::List() const {
  std::vector<std::string> out;
  for (const auto& [name, text] : files) out.push_back(name);
  return out;
}

std::optional<std::string> MemoryFileSource::Read(const std::string& name, std::string*) const {
  auto it = files.find(name);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

}  // namespace scorecard
