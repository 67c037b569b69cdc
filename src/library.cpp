#include "orscalc/library.hpp"

#include "recipe_parser.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>

namespace orscalc {
namespace fs = std::filesystem;

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

template <class T> const T* find_by_id(const std::vector<T>& sorted, std::string_view id) {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                               [](const T& x, std::string_view key) { return x.id < key; });
    return it != sorted.end() && it->id == id ? &*it : nullptr;
}

template <class T> std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const auto& x : items)
        ids.push_back(x.id);
    return ids;
}

std::string hint(std::string_view name, const std::vector<std::string>& ids) {
    auto m = did_you_mean(name, ids);
    return m.empty() ? "" : fmt::format(" (did you mean '{}'?)", m);
}

std::vector<RecipeText> read_toml_files(const fs::path& folder, bool targets) {
    std::vector<RecipeText> texts;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return texts;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".toml") paths.push_back(entry.path());
    if (ec) throw InputError(fmt::format("{}: {}", folder.string(), ec.message()));
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths)
        texts.push_back({p.string(), read_text_file(p.string()), targets});
    return texts;
}

} // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = 3;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(name, c);
        if (name.size() >= 3 && c.starts_with(name)) d = std::min<std::size_t>(d, 1);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw InputError(fmt::format("{}: no such file", path));
    if (fs::is_directory(status))
        throw InputError(fmt::format("{}: is a directory, not a file", path));
    auto too_large = [&] {
        return InputError(
            fmt::format("{}: larger than {} MiB: not a recipe file", path, max_bytes >> 20));
    };
    // A regular file's size is known without reading it; devices and pipes are read up to the cap.
    if (fs::is_regular_file(status) && fs::file_size(path, ec) > max_bytes && !ec)
        throw too_large();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot be read", path));
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) throw too_large();
    }
    if (in.bad()) throw InputError(fmt::format("{}: read error", path));
    return text;
}

std::vector<RecipeText> read_recipe_dir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(fmt::format("{}: recipe directory not found", dir));
    auto texts = read_toml_files(fs::path(dir) / "ingredients", false);
    auto targets = read_toml_files(fs::path(dir) / "targets", true);
    if (!fs::is_directory(fs::path(dir) / "ingredients", ec) &&
        !fs::is_directory(fs::path(dir) / "targets", ec))
        throw InputError(fmt::format("{}: a recipe directory holds ingredients/ or targets/", dir));
    texts.insert(texts.end(), targets.begin(), targets.end());
    return texts;
}

std::vector<std::string> split_search_path(std::string_view value) {
    std::vector<std::string> dirs;
    while (!value.empty()) {
        auto colon = value.find(':');
        std::string_view part = value.substr(0, colon);
        if (!part.empty()) dirs.emplace_back(part);
        if (colon == std::string_view::npos) break;
        value.remove_prefix(colon + 1);
    }
    return dirs;
}

Library Library::from_layers(const std::vector<std::vector<RecipeText>>& layers) {
    // Merge by id: later layers replace earlier ones; one layer may not repeat an id.
    std::map<std::string, detail::RawEntry> ingredient_entries, target_entries;
    for (const auto& layer : layers) {
        std::map<std::string, std::string> seen; // id -> file, within this layer
        for (const auto& text : layer) {
            for (auto& entry : detail::parse_entries(text)) {
                auto [it, fresh] = seen.emplace(entry.id, entry.file);
                if (!fresh)
                    detail::fail_at(
                        entry.file, entry.table(),
                        fmt::format("duplicate id '{}' (also in {})", entry.id, it->second));
                auto& into = entry.is_target ? target_entries : ingredient_entries;
                into.insert_or_assign(entry.id, std::move(entry));
            }
        }
    }
    Library lib;
    // Water and compounds first: products are made of them.
    auto kind_of = [](const detail::RawEntry& e) {
        const toml::node* k = e.table().get("kind");
        return k && k->is_string() ? *k->value<std::string>() : std::string();
    };
    std::map<std::string, Ingredient> built;
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& [id, entry] : ingredient_entries) {
            bool basic = kind_of(entry) == "compound" || kind_of(entry) == "water";
            if ((pass == 0) != basic) continue;
            built.emplace(
                id, detail::build_ingredient(entry, [&](std::string_view ref) -> const Ingredient* {
                    auto it = built.find(std::string(ref));
                    return it == built.end() ? nullptr : &it->second;
                }));
        }
    }
    for (auto& [id, ing] : built)
        lib.ingredients_.push_back(std::move(ing));
    for (const auto& [id, entry] : target_entries)
        lib.targets_.push_back(detail::build_target(entry));
    if (!lib.find_ingredient("water"))
        throw InputError("the recipe library has no 'water' ingredient");
    if (lib.targets_.empty()) throw InputError("the recipe library has no targets");
    // The last default in id order wins only if unique; several defaults are an error.
    std::vector<std::size_t> defaults;
    for (std::size_t i = 0; i < lib.targets_.size(); ++i)
        if (lib.targets_[i].is_default) defaults.push_back(i);
    if (defaults.size() != 1)
        throw InputError(fmt::format("the recipe library must mark exactly one target default = "
                                     "true (found {})",
                                     defaults.size()));
    lib.default_target_ = defaults.front();
    return lib;
}

Library Library::load(const std::vector<std::string>& extra_dirs) {
    std::vector<std::vector<RecipeText>> layers;
    auto embedded = embedded_recipes();
    layers.emplace_back(embedded.begin(), embedded.end());
    for (const auto& dir : extra_dirs)
        layers.push_back(read_recipe_dir(dir));
    return from_layers(layers);
}

const Ingredient* Library::find_ingredient(std::string_view id) const {
    return find_by_id(ingredients_, id);
}

const Target* Library::find_target(std::string_view id) const {
    return find_by_id(targets_, id);
}

const Ingredient& Library::ingredient(std::string_view id) const {
    if (const Ingredient* i = find_ingredient(id)) return *i;
    throw InputError(
        fmt::format("unknown ingredient '{}'{}; 'orscalc list ingredients' shows them all", id,
                    hint(id, ids_of(ingredients_))));
}

const Target& Library::target(std::string_view id) const {
    if (const Target* t = find_target(id)) return *t;
    throw InputError(fmt::format("unknown target '{}'{}; 'orscalc list targets' shows them all", id,
                                 hint(id, ids_of(targets_))));
}

const Target& Library::default_target() const {
    return targets_[default_target_];
}

Library::MixtureFile Library::parse_mixture(std::string_view text, const std::string& file) const {
    RecipeText doc{file, std::string(text), false};
    toml::table root;
    detail::reject_toml_parser_traps(file, doc.text);
    try {
        root = toml::parse(std::string_view(doc.text), std::string_view(file));
    } catch (const toml::parse_error& err) {
        const auto& src = err.source();
        throw InputError(SourcePosition{file, static_cast<int>(src.begin.line),
                                        static_cast<int>(src.begin.column)},
                         std::string(err.description()));
    }
    detail::reject_unknown_keys(file, root,
                                {"name", "volume", "target", "source", "note", "ingredients"});
    MixtureFile result;
    if (const toml::node* n = root.get("name"); n && n->is_string())
        result.mixture.name = *n->value<std::string>();
    if (const toml::node* v = root.get("volume")) {
        Quantity q = detail::quantity_at(file, *v);
        auto ml = to_ml(q);
        if (!ml || *ml <= 0) detail::fail_at(file, *v, "volume: expected a volume such as \"1 L\"");
        result.mixture.make_up_to_ml = *ml;
    }
    if (const toml::node* t = root.get("target")) {
        if (!t->is_string()) detail::fail_at(file, *t, "target: expected a target id");
        result.target_id = *t->value<std::string>();
        if (!find_target(result.target_id))
            detail::fail_at(file, *t,
                            fmt::format("unknown target '{}'{}", result.target_id,
                                        hint(result.target_id, ids_of(targets_))));
    }
    const toml::node* ings = root.get("ingredients");
    if (!ings || !ings->is_table())
        detail::fail_at(file, ings ? *ings : static_cast<const toml::node&>(root),
                        "expected an [ingredients] table: id = \"amount\"");
    for (auto&& [key, node] : *ings->as_table()) {
        const Ingredient* ing = find_ingredient(key.str());
        if (!ing)
            detail::fail_at(file, node,
                            fmt::format("unknown ingredient '{}'{}", key.str(),
                                        hint(key.str(), ids_of(ingredients_))));
        Quantity q = detail::quantity_at(file, node);
        try {
            amount_in_base_unit(*ing, q); // a unit that does not apply is reported here
        } catch (const InputError& err) {
            detail::fail_at(file, node, err.what());
        }
        result.mixture.lines.push_back({ing, q});
    }
    if (result.mixture.lines.empty()) detail::fail_at(file, *ings, "[ingredients] is empty");
    return result;
}

} // namespace orscalc
