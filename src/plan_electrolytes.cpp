// What the plan's fluid delivers (from the library's ORS by the composition engine, or the
// ReSoMal target) and what the stools are estimated to lose, by cause.
#include "orscalc/composition.hpp"
#include "orscalc/plan.hpp"
#include "plan_internal.hpp"

#include <fmt/format.h>

namespace orscalc {
namespace {

Electrolytes from_composition(const Composition& c) {
    auto v = [&](Species s) { return c.species(s).value_or(0); };
    Electrolytes e;
    e.sodium = v(Species::sodium);
    e.potassium = v(Species::potassium);
    e.chloride = v(Species::chloride);
    e.glucose = c.glucose_equivalent().value_or(0);
    e.magnesium = v(Species::magnesium);
    e.citrate = v(Species::citrate);
    e.bicarbonate = v(Species::bicarbonate);
    return e;
}

Electrolytes from_target(const Target& t) {
    auto v = [&](std::string_view q) {
        const TargetRange* r = t.range(q);
        return r && r->ideal ? *r->ideal : 0.0;
    };
    Electrolytes e;
    e.sodium = v("sodium");
    e.potassium = v("potassium");
    e.chloride = v("chloride");
    e.glucose = v("glucose_equivalent");
    e.magnesium = v("magnesium");
    e.citrate = v("citrate");
    e.bicarbonate = v("bicarbonate");
    return e;
}

std::vector<FoodServing> food_servings(const Library& library);

} // namespace

PlanData plan_data(const Library& library) {
    PlanData data;
    // The WHO/UNICEF reduced-osmolarity ORS (WHO/FCH/CAH/06.1): one sachet makes 1 L. Its
    // mmol/L come from its grams through the composition engine, never typed in.
    const Ingredient* ors = library.find_ingredient("who-ors-sachet");
    const Measure* sachet = ors ? ors->measure(Unit::sachet) : nullptr;
    if (!ors || !sachet || !sachet->makes_ml)
        throw InputError("plan: the recipe library has no 'who-ors-sachet' with a sachet measure");
    data.ors_id = ors->id;
    data.ors_name = ors->name;
    data.ors_sachet_ml = *sachet->makes_ml;
    Mixture one{"", {{ors, Quantity{1, Unit::sachet}}}, *sachet->makes_ml};
    data.ors_mmol_per_l = from_composition(compose(one));
    // ReSoMal (WHO 1999, "Management of severe malnutrition", table 4) for --sam.
    if (const Target* resomal = library.find_target("resomal")) {
        data.sam_target_id = resomal->id;
        data.resomal_mmol_per_l = from_target(*resomal);
    }
    data.foods = food_servings(library);
    return data;
}

namespace plan_detail {

// WHO 2005 manual, annex (composition of stools in acute diarrhoea), mmol/L: cholera in adults
// Na 130, K 20, Cl 100, HCO3 44; cholera in children 101, 27, 92, 32; non-cholera diarrhoea in
// children 56, 25, 55, 14. No adult non-cholera column is given: the children's is used.
Electrolytes stool_mmol_per_l(StoolCause cause, bool adult) {
    Electrolytes e;
    if (cause == StoolCause::cholera && adult) {
        e.sodium = 130, e.potassium = 20, e.chloride = 100, e.bicarbonate = 44;
    } else if (cause == StoolCause::cholera) {
        e.sodium = 101, e.potassium = 27, e.chloride = 92, e.bicarbonate = 32;
    } else {
        e.sodium = 56, e.potassium = 25, e.chloride = 55, e.bicarbonate = 14;
    }
    return e;
}

Electrolytes scaled(const Electrolytes& per_l, double ml) {
    double f = ml / 1000;
    return {per_l.sodium * f,    per_l.potassium * f, per_l.chloride * f,   per_l.glucose * f,
            per_l.magnesium * f, per_l.citrate * f,   per_l.bicarbonate * f};
}

} // namespace plan_detail

namespace {

// Foods from the library (USDA FoodData Central per 100 g, servings from its portions): the
// potassium and magnesium sources, and pretzels or broth for sodium.
std::vector<FoodServing> food_servings(const Library& library) {
    constexpr std::string_view ids[] = {"banana",  "avocado",  "spinach",      "pumpkin-seeds",
                                        "almonds", "pretzels", "chicken-broth"};
    std::vector<FoodServing> foods;
    for (std::string_view id : ids) {
        const Ingredient* ing = library.find_ingredient(id);
        if (!ing) continue;
        double amount = 0; // g for a food, mL for a broth
        std::string serving;
        if (ing->is_liquid()) {
            amount = ml_per_cup;
            serving = fmt::format("1 cup ({:.0f} mL)", amount);
        } else if (!ing->measures.empty()) {
            const Measure& m = ing->measures.front();
            amount = m.grams;
            serving = fmt::format("1 {} ({:.0f} g)", m.name, m.grams);
        } else {
            continue;
        }
        auto per = [&](Species s) -> std::optional<double> {
            if (auto v = at(ing->mmol_per_unit, s)) return *v * amount;
            return std::nullopt;
        };
        foods.push_back({ing->id, ing->name, serving, per(Species::potassium),
                         per(Species::magnesium), per(Species::sodium), ing->source});
    }
    return foods;
}

} // namespace
} // namespace orscalc
