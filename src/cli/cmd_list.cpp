#include "commands.hpp"
#include "composition_report.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

std::string_view kind_name(IngredientKind k) {
    switch (k) {
    case IngredientKind::water:
        return "water";
    case IngredientKind::compound:
        return "compound";
    case IngredientKind::product:
        return "product";
    case IngredientKind::composite:
        return "composite";
    }
    return "?";
}

std::string_view form_name(IngredientForm f) {
    switch (f) {
    case IngredientForm::solid:
        return "solid";
    case IngredientForm::liquid:
        return "liquid";
    case IngredientForm::food:
        return "food";
    }
    return "?";
}

std::string_view basis_name(OsmoleBasis b) {
    switch (b) {
    case OsmoleBasis::particles:
        return "particles";
    case OsmoleBasis::measured:
        return "measured";
    case OsmoleBasis::unknown:
        return "unknown";
    }
    return "unknown";
}

Report measures_report(const Ingredient& ing) {
    Report list = Report::array();
    for (const auto& m : ing.measures) {
        Report r;
        r["measure"] = m.name;
        r["grams"] = number_or_null(m.grams > 0 ? std::optional(m.grams) : std::nullopt, 3);
        r["makes_ml"] = number_or_null(m.makes_ml, 1);
        r["source"] = m.source;
        list.push_back(std::move(r));
    }
    return list;
}

// {value, min, max} of an amount per base unit, scaled to the report's basis; null where
// unbounded or without a nominal.
Report range_report(const ContentRange& r, double scale, int decimals) {
    auto scaled = [&](std::optional<double> v) {
        return number_or_null(v ? std::optional(*v * scale) : std::nullopt, decimals);
    };
    Report x;
    x["value"] = scaled(r.nominal);
    x["min"] = scaled(r.lo);
    x["max"] = scaled(r.hi);
    return x;
}

// Every species' tight range (its own data and the totals it is part of).
Report content_ranges_report(const Ingredient& ing, double scale) {
    Report ranges;
    for (const auto& s : all_species())
        ranges[std::string(s.name)] = range_report(species_content(ing, s.species), scale, 4);
    return ranges;
}

Report totals_report(const Ingredient& ing, double scale) {
    Report list = Report::array();
    for (const auto& fact : ing.facts) {
        Report x;
        x["name"] = fact.name;
        Report of = Report::array();
        for (const auto& s : all_species())
            if (fact.weight[static_cast<std::size_t>(s.species)] > 0)
                of.push_back(std::string(s.name));
        x["of"] = of;
        x["unit"] = fact.unit;
        x["range"] = range_report({fact.nominal, fact.lo, fact.hi}, scale, 4);
        x["from_charge_balance"] = fact.from_balance;
        x["source"] = fact.source;
        list.push_back(std::move(x));
    }
    return list;
}

Report ingredient_summary(const Ingredient& ing) {
    Report r;
    r["id"] = ing.id;
    r["name"] = ing.name;
    r["kind"] = std::string(kind_name(ing.kind));
    r["form"] = std::string(form_name(ing.form));
    r["variety"] = ing.variety;
    r["tags"] = ing.tags;
    return r;
}

Report ingredient_detail(const Ingredient& ing) {
    Report r = ingredient_summary(ing);
    r["formula"] = ing.formula ? Report(*ing.formula) : Report(nullptr);
    r["molar_mass_g_per_mol"] = number_or_null(ing.molar_mass_g_per_mol, 3);
    // Per gram for solids and foods; per litre for liquids (easier to read than per mL).
    const bool liquid = ing.is_liquid();
    const double scale = liquid ? 1000 : (ing.form == IngredientForm::food ? 100 : 1);
    r["content_basis"] =
        liquid ? "per L" : (ing.form == IngredientForm::food ? "per 100 g" : "per g");
    Report content;
    for (const auto& s : all_species()) {
        auto v = nominal_mmol(ing, s.species);
        content[std::string(s.name)] =
            number_or_null(v ? std::optional(*v * scale) : std::nullopt, 4);
    }
    r["content_mmol"] = content;
    r["content_ranges"] = content_ranges_report(ing, scale);
    r["totals"] = totals_report(ing, scale);
    r["osmoles_basis"] =
        ing.measured_osmoles ? std::string("measured") : std::string(basis_name(ing.osmole_basis));
    auto mosm = nominal_mosm(ing);
    r["osmoles_mosm"] = ing.osmole_basis == OsmoleBasis::unknown || !mosm
                            ? Report(nullptr)
                            : Report(rounded(*mosm * scale, 3));
    ContentForm osmoles;
    osmoles.osmoles = 1;
    ContentBounds ob = content_bounds(ing, osmoles);
    r["osmoles_range"] = range_report({mosm, ob.lo.value_or(0), ob.hi}, scale, 3);
    r["density_g_per_ml"] = number_or_null(ing.density_g_per_ml, 4);
    r["density_range"] =
        ing.density_range ? range_report(*ing.density_range, 1, 4) : Report(nullptr);
    r["undiluted_warning"] = ing.undiluted_warning;
    r["measures"] = measures_report(ing);
    r["source"] = ing.source;
    r["defined_in"] = fmt::format("{}:{}", ing.origin.file, ing.origin.line);
    return r;
}

Report target_detail(const Target& t) {
    Report r = target_report(t);
    r["default"] = t.is_default;
    r["purpose"] = t.purpose;
    r["note"] = t.note;
    Report ranges = Report::array();
    for (const auto& range : t.ranges) {
        Report x;
        x["name"] = range.quantity;
        x["min"] = number_or_null(range.min, 3);
        x["ideal"] = number_or_null(range.ideal, 3);
        x["max"] = number_or_null(range.max, 3);
        x["weight"] = range.weight;
        x["hard"] = range.hard;
        x["why"] = range.why;
        ranges.push_back(std::move(x));
    }
    r["ranges"] = ranges;
    r["defined_in"] = fmt::format("{}:{}", t.origin.file, t.origin.line);
    return r;
}

Report envelope_report() {
    Report list = Report::array();
    for (const auto& limit : safety_envelope()) {
        Report x;
        x["name"] = std::string(limit.quantity);
        x["max"] = limit.max;
        x["why"] = std::string(limit.why);
        list.push_back(std::move(x));
    }
    return list;
}

Answer run_list(Context& context, const std::string& what) {
    const Library& library = context.library();
    Report r;
    if (what == "ingredients") {
        Report list = Report::array();
        for (const auto& ing : library.ingredients())
            list.push_back(ingredient_summary(ing));
        r["ingredients"] = list;
        return {"list-ingredients", r, ExitCode::ok};
    }
    Report list = Report::array();
    for (const auto& t : library.targets()) {
        Report x = target_report(t);
        x["default"] = t.is_default;
        x["purpose"] = t.purpose; // what the solution is for: rehydration, maintenance, home, SAM
        list.push_back(std::move(x));
    }
    r["targets"] = list;
    r["safety_envelope"] = envelope_report();
    return {"list-targets", r, ExitCode::ok};
}

Answer run_show(Context& context, const std::string& id) {
    const Library& library = context.library();
    if (const Ingredient* ing = library.find_ingredient(id))
        return {"show-ingredient", ingredient_detail(*ing), ExitCode::ok};
    if (const Target* t = library.find_target(id))
        return {"show-target", target_detail(*t), ExitCode::ok};
    library.ingredient(id); // throws: unknown, with a did-you-mean
    return {};
}

} // namespace

void register_list(CLI::App& app, Context& context, std::vector<Command>& commands) {
    auto what = std::make_shared<std::string>();
    CLI::App* list = app.add_subcommand("list", "List the library's ingredients or targets");
    list->add_option("what", *what, "ingredients or targets")
        ->required()
        ->check(CLI::IsMember({"ingredients", "targets"}));
    commands.push_back({list, [&context, what] { return run_list(context, *what); }});

    auto id = std::make_shared<std::string>();
    CLI::App* show = app.add_subcommand("show", "Show one ingredient or target with its sources");
    show->add_option("id", *id, "Ingredient or target id")->required();
    commands.push_back({show, [&context, id] { return run_show(context, *id); }});
}

} // namespace orscalc::cli
