#include "commands.hpp"
#include "mix_report.hpp"

#include "orscalc/mix.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

struct MixOptions {
    std::vector<std::string> have;
    std::string volume = "1L";
    std::string target;
    bool exact = false;
    std::string tolerance;
};

double parse_volume_ml(const std::string& text) {
    Quantity q;
    try {
        q = parse_quantity(text);
    } catch (const InputError& err) {
        throw InputError(fmt::format("--volume: {}", err.what()));
    }
    auto ml = to_ml(q);
    if (!ml || *ml <= 0)
        throw InputError(fmt::format("--volume '{}': expected a volume such as 1L", text));
    return *ml;
}

double parse_tolerance(const std::string& text) {
    if (text.find('%') == std::string::npos)
        throw InputError(fmt::format("--tolerance '{}': expected a percentage, e.g. 15%", text));
    Quantity q;
    try {
        q = parse_quantity(text);
    } catch (const InputError& err) {
        throw InputError(fmt::format("--tolerance: {}", err.what()));
    }
    if (q.unit != Unit::percent || q.value >= 100)
        throw InputError(
            fmt::format("--tolerance '{}': expected a percentage below 100%, e.g. 15%", text));
    return q.value / 100;
}

Answer run_mix(Context& context, const MixOptions& opt) {
    const Library& library = context.library();
    MixRequest request;
    request.available = parse_have(library, opt.have);
    if (request.available.empty())
        throw InputError("mix: say what you have, e.g. --have salt,sugar,water");
    request.volume_ml = parse_volume_ml(opt.volume);
    request.target = opt.target.empty() ? &library.default_target() : &library.target(opt.target);
    request.mode = opt.exact ? MixMode::exact : MixMode::household;
    if (!opt.tolerance.empty()) request.tolerance = parse_tolerance(opt.tolerance);
    request.catalogue = &library.ingredients();
    MixResult result = solve_mix(request);
    return {"mix", mix_report(result), result.feasible ? ExitCode::ok : ExitCode::answered_no};
}

} // namespace

std::vector<AvailableIngredient> parse_have(const Library& library,
                                            const std::vector<std::string>& flags) {
    std::vector<AvailableIngredient> available;
    for (const auto& flag : flags) {
        auto items = parse_available_list(library, flag);
        available.insert(available.end(), items.begin(), items.end());
    }
    return available;
}

void register_mix(CLI::App& app, Context& context, std::vector<Command>& commands) {
    auto opt = std::make_shared<MixOptions>();
    CLI::App* sub =
        app.add_subcommand("mix", "Compute a safe recipe from the ingredients you have");
    sub->add_option("--have,-H", opt->have,
                    "Ingredients you have, comma-separated (repeatable); cap one with "
                    "ID<=AMOUNT, e.g. apple-juice<=250mL")
        ->required();
    sub->add_option("--volume,-V", opt->volume, "Volume to make (default 1L; water fills up)");
    sub->add_option("--target,-t", opt->target, "Target id (default: the library's default)");
    sub->add_flag("--exact", opt->exact,
                  "Continuous optimum in grams and mL instead of household measures");
    sub->add_option("--tolerance", opt->tolerance,
                    "Hold every hard limit even if each measure is off by this much, e.g. 15%");
    commands.push_back({sub, [&context, opt] { return run_mix(context, *opt); }});
}

} // namespace orscalc::cli
