// `orscalc plan`: flags -> PlanRequest (through the library's one field parser) -> make_plan
// -> Report. The rules live in the library (include/orscalc/plan.hpp).
#include "commands.hpp"
#include "plan_batch.hpp"
#include "plan_report.hpp"

#include <fmt/format.h>
#include <utility>

namespace orscalc::cli {
namespace {

struct PlanOptions {
    // field name (as set_plan_field knows it) -> text given on the command line
    std::vector<std::pair<std::string, std::string>> fields;
    bool sam = false;
    bool weight_confirmed = false;
    std::vector<std::string> have;
    bool exact = false; // with --have: grams and mL, not household measures
    BatchOptions batch;
};

// The field's errors name the flag: "--weight '-3kg': ...".
void set_flag(PlanRequest& request, const std::string& field, const std::string& text) {
    try {
        set_plan_field(request, field, text);
    } catch (const InputError& err) {
        throw InputError(fmt::format("--{}", err.what()));
    }
}

Answer run_plan(Context& context, const PlanOptions& opt) {
    PlanRequest request;
    for (const auto& [field, text] : opt.fields)
        if (!text.empty()) set_flag(request, field, text);
    if (opt.sam) request.sam = true;
    if (opt.weight_confirmed) request.weight_confirmed = true;
    if (opt.exact && opt.have.empty()) throw InputError("plan --exact: needs --have");
    if (!opt.batch.input.empty()) {
        if (!opt.have.empty()) throw InputError("plan --have: not with --input");
        // The flags given beside --input apply to every row that does not say otherwise.
        return run_plan_batch(context, opt.batch, request);
    }
    if (opt.batch.summary || opt.batch.strict || !opt.batch.input_format.empty())
        throw InputError(fmt::format("plan {}: needs --input FILE", opt.batch.summary ? "--summary"
                                                                    : opt.batch.strict
                                                                        ? "--strict"
                                                                        : "--input-format"));
    const Library& library = context.library();
    std::vector<AvailableIngredient> have;
    try {
        have = parse_have(library, opt.have);
    } catch (const InputError& err) {
        throw InputError(fmt::format("plan --have: {}", err.what()));
    }
    if (!opt.have.empty() && have.empty())
        throw InputError("plan --have: say what you have, e.g. --have salt,sugar,water");
    const PlanData data = plan_data(library);
    Plan plan;
    try {
        plan = make_plan(request, data);
    } catch (const InputError& err) {
        throw InputError(fmt::format("plan: {}", err.what()));
    }
    Report report = plan_report(plan);
    if (!have.empty()) {
        // Mixed against the fluid the plan gives: ReSoMal for severe malnutrition (WHO 1999),
        // else the library's default ORS target. The plan's exit status stands either way: a
        // plan without a recipe is still a plan (the warning says to use sachets).
        if (request.sam && data.sam_target_id.empty())
            throw InputError("plan --have --sam: the recipe library has no ReSoMal target");
        const Target& target =
            plan.resomal ? library.target(data.sam_target_id) : library.default_target();
        add_plan_mix(report, plan,
                     mix_for(library, have, mix_batch_ml(plan), target,
                             opt.exact ? MixMode::exact : MixMode::household));
    }
    Answer answer{"plan", std::move(report), plan.seek_care ? ExitCode::seek_care : ExitCode::ok};
    std::string csv(plan_csv_header());
    append_plan_csv_row(csv, plan, "1");
    answer.csv = std::move(csv);
    return answer;
}

} // namespace

void register_plan(CLI::App& app, Context& context, std::vector<Command>& commands) {
    auto opt = std::make_shared<PlanOptions>();
    CLI::App* sub = app.add_subcommand(
        "plan", "Fluid and electrolyte plan from weight, dehydration and losses, with red flags");
    struct Flag {
        const char* field;
        const char* help;
    };
    static constexpr Flag flags[] = {
        {"weight", "Body weight, e.g. 12kg or 26lb"},
        {"age", "Age, e.g. 18mo or 3y (estimates the weight when --weight is not given)"},
        {"dehydration", "none, some, severe, or a percentage of body weight, e.g. 5%"},
        {"signs", "WHO assessment signs, e.g. restless,sunken-eyes,drinks-eagerly"},
        {"stools", "Watery stools in the last 24 hours"},
        {"vomits", "Vomits in the last 24 hours"},
        {"stool-volume", "Measured volume of one stool, e.g. 150mL (replaces 10 mL/kg)"},
        {"vomit-volume", "Measured volume of one vomit, e.g. 50mL (replaces 2 mL/kg)"},
        {"symptoms", "Red-flag symptoms, e.g. blood-in-stool,persistent-vomiting"},
        {"duration", "How long the diarrhoea has lasted, e.g. 36h or 3d"},
        {"cause", "cholera or non-cholera (stool electrolyte losses)"},
        {"sex", "female or male: the growth reference for the weight check (else both)"},
    };
    opt->fields.reserve(std::size(flags));
    for (const auto& f : flags) {
        opt->fields.emplace_back(f.field, "");
        sub->add_option(fmt::format("--{}", f.field), opt->fields.back().second, f.help);
    }
    sub->add_flag("--sam", opt->sam, "Severe acute malnutrition: ReSoMal and slower rates");
    sub->add_flag("--weight-confirmed", opt->weight_confirmed,
                  "Plan a weight that is implausible for the age (checked, it is right)");
    sub->add_option("--have", opt->have,
                    "Ingredients at hand, comma-separated (repeatable; caps as in mix, e.g. "
                    "apple-juice<=250mL): a recipe for one batch of the plan's fluid");
    sub->add_flag("--exact", opt->exact,
                  "With --have: exact amounts in g and mL instead of household measures");
    sub->add_option("--input", opt->batch.input,
                    "Plan every patient row of a CSV or JSON Lines file ('-': standard input)");
    sub->add_option("--input-format", opt->batch.input_format,
                    "csv or jsonl (default: from the file name; .jsonl and .ndjson are JSON Lines)")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    sub->add_flag(
        "--summary", opt->batch.summary,
        "With --input: the totals (rows, litres, sachets, seek care) instead of the rows");
    sub->add_flag("--strict", opt->batch.strict, "With --input: stop at the first bad row");
    commands.push_back({sub, [&context, opt] { return run_plan(context, *opt); }});
}

} // namespace orscalc::cli
