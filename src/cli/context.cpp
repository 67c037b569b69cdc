#include "context.hpp"

#include <cstdlib>

namespace orscalc::cli {

const Library& Context::library() {
    if (!library_) {
        // Precedence: embedded < ORSCALC_PATH (in order) < --recipes (in order).
        std::vector<std::string> dirs;
        if (const char* env = std::getenv("ORSCALC_PATH")) dirs = split_search_path(env);
        dirs.insert(dirs.end(), options.recipe_dirs.begin(), options.recipe_dirs.end());
        library_ = std::make_unique<Library>(Library::load(dirs));
    }
    return *library_;
}

Format Context::format() const {
    if (options.format == "json") return Format::json;
    if (options.format == "csv") return Format::csv;
    if (options.format == "jsonl") return Format::jsonl;
    return Format::table;
}

} // namespace orscalc::cli
