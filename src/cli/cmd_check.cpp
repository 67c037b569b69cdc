#include "commands.hpp"
#include "composition_report.hpp"

#include <fmt/format.h>
#include <iostream>

namespace orscalc::cli {

MixtureLine parse_add_flag(const Library& library, const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw InputError(
            fmt::format("--add '{}': expected INGREDIENT=AMOUNT, e.g. salt=0.5tsp", text));
    const Ingredient& ing = library.ingredient(text.substr(0, eq));
    Quantity q;
    try {
        q = parse_quantity(text.substr(eq + 1));
        amount_in_base_unit(ing, q); // reject a unit that does not apply before computing
    } catch (const InputError& err) {
        throw InputError(fmt::format("--add {}: {}", text, err.what()));
    }
    return {&ing, q};
}

std::string read_mixture_text(const std::string& path) {
    if (path != "-") return read_text_file(path);
    // Stop at the cap rather than after reading all of an endless or huge input into memory.
    constexpr std::size_t max_bytes = 16u << 20;
    std::string text;
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (text.size() > max_bytes) throw InputError("standard input: larger than 16 MiB");
    }
    return text;
}

namespace {

struct CheckOptions {
    std::string mixture_file;
    std::vector<std::string> adds;
    std::string volume;
    std::string target;
};

Answer run_check(Context& context, const CheckOptions& opt) {
    const Library& library = context.library();
    Mixture mixture;
    std::string target_id = opt.target;
    if (!opt.mixture_file.empty()) {
        std::string name = opt.mixture_file == "-" ? "<stdin>" : opt.mixture_file;
        auto file = library.parse_mixture(read_mixture_text(opt.mixture_file), name);
        mixture = std::move(file.mixture);
        if (target_id.empty()) target_id = file.target_id;
    }
    for (const auto& add : opt.adds)
        mixture.lines.push_back(parse_add_flag(library, add));
    if (mixture.lines.empty())
        throw InputError("check: nothing to check: give a mixture file or --add INGREDIENT=AMOUNT");
    if (!opt.volume.empty()) {
        Quantity q;
        try {
            q = parse_quantity(opt.volume);
        } catch (const InputError& err) {
            throw InputError(fmt::format("--volume: {}", err.what()));
        }
        auto ml = to_ml(q);
        if (!ml || *ml <= 0)
            throw InputError(
                fmt::format("--volume '{}': expected a volume such as 1L", opt.volume));
        mixture.make_up_to_ml = *ml;
    }
    const Target& target = target_id.empty() ? library.default_target() : library.target(target_id);
    Composition composition = compose(mixture);
    Evaluation evaluation = evaluate(target, composition);
    Answer answer{"check", check_report(mixture.name, target, composition, evaluation),
                  evaluation.verdict == Verdict::fails ? ExitCode::answered_no : ExitCode::ok};
    return answer;
}

} // namespace

void register_check(CLI::App& app, Context& context, std::vector<Command>& commands) {
    auto opt = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand("check", "Measure a mixture against an ORS target");
    sub->add_option("mixture", opt->mixture_file, "Mixture file (TOML; - for standard input)");
    sub->add_option("--add,-a", opt->adds, "Add INGREDIENT=AMOUNT (repeatable), e.g. salt=0.5tsp");
    sub->add_option("--volume,-V", opt->volume, "Make up to this volume with water, e.g. 1L");
    sub->add_option("--target,-t", opt->target, "Target id (default: the library's default)");
    commands.push_back({sub, [&context, opt] { return run_check(context, *opt); }});
}

} // namespace orscalc::cli
