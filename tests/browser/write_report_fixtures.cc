// Writes report fixtures (src/reports/testdata), each with the report stylesheet inlined, into a
// folder for the accessibility scan:
//
//   write_report_fixtures FOLDER NAME...
//
// Creates FOLDER if need be; exits 1, saying why, if a fixture cannot be read or written.

#include <exception>
#include <filesystem>
#include <iostream>

#include "reports/test_fixtures.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: write_report_fixtures FOLDER NAME...\n";
    return 2;
  }
  try {
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    for (int i = 2; i < argc; ++i) {
      scorecard::WriteTextFile(folder / argv[i], scorecard::ReportFixture(argv[i]));
      std::cout << (folder / argv[i]).string() << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "write_report_fixtures: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
