#include "io/file_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
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

std::optional<std::string> MemoryFileSource::Read(const std::string& name, std::string*) const {
  auto it = files.find(name);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

}  // namespace scorecard
