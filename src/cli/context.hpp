#pragma once
// What every command shares: the global options and the library, loaded once on first use
// (a command that needs no library, such as --version, never parses it).
#include "report.hpp"

#include "orscalc/library.hpp"

#include <memory>
#include <string>
#include <vector>

namespace orscalc::cli {

struct GlobalOptions {
    std::vector<std::string> recipe_dirs; // --recipes, after ORSCALC_PATH
    std::string format = "table";
    std::string output; // --output FILE; empty: stdout
};

class Context {
  public:
    GlobalOptions options;
    const Library& library();
    Format format() const;

  private:
    std::unique_ptr<Library> library_;
};

} // namespace orscalc::cli
