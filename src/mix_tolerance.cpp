// Spoons are not scales: the worst case of every hard limit when each measured amount is off
// by up to a fraction (the made-up volume is a mark on the container, taken as exact).
#include "mix_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace orscalc::mix_model {
namespace {

struct Bounds {
    std::string quantity;
    std::optional<double> min, max;
};

std::vector<Bounds> hard_bounds(const Model& m) {
    std::vector<Bounds> out;
    for (const auto& limit : m.limits) {
        if (limit.quantity == "undiluted") continue;
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const Bounds& b) { return b.quantity == limit.quantity; });
        if (it == out.end()) {
            out.push_back({limit.quantity, {}, {}});
            it = out.end() - 1;
        }
        auto& side = limit.is_max ? it->max : it->min;
        side = side ? (limit.is_max ? std::min(*side, limit.bound) : std::max(*side, limit.bound))
                    : limit.bound;
    }
    return out;
}

} // namespace

void check_tolerance(const Model& m, MixResult& result) {
    result.tolerance_checks.clear();
    if (!result.composition) return;
    const double t = m.tolerance;
    std::vector<const ResolvedLine*> lines;
    for (const auto& line : result.composition->lines)
        lines.push_back(&line);
    auto bounds = hard_bounds(m);
    std::vector<double> low(bounds.size(), std::numeric_limits<double>::infinity());
    std::vector<double> high(bounds.size(), -std::numeric_limits<double>::infinity());

    // Every corner of the box "each amount x (1 +- t)": the ratio is not linear, so its
    // extremes are found at the corners rather than from the linear worst case.
    const std::size_t n = std::min<std::size_t>(lines.size(), 12);
    for (std::size_t corner = 0; corner < (std::size_t{1} << n); ++corner) {
        Mixture mixture;
        double liquids = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ResolvedLine& line = *lines[i];
            double f = i < n && (corner >> i & 1) ? 1 + t : 1 - t;
            double amount = line.amount * f;
            Unit unit = line.ingredient->is_liquid() ? Unit::ml : Unit::g;
            if (line.ingredient->is_liquid()) liquids += amount;
            mixture.lines.push_back({line.ingredient, {amount, unit}});
        }
        if (m.has_water) mixture.make_up_to_ml = std::max(m.volume_ml, liquids);
        Composition c = compose(mixture);
        for (std::size_t k = 0; k < bounds.size(); ++k) {
            auto v = c.quantity(bounds[k].quantity);
            if (!v) continue;
            low[k] = std::min(low[k], *v);
            high[k] = std::max(high[k], *v);
        }
    }
    result.robust = true;
    for (std::size_t k = 0; k < bounds.size(); ++k) {
        if (!std::isfinite(low[k])) continue;
        ToleranceCheck check{
            bounds[k].quantity, bounds[k].min, bounds[k].max, low[k], high[k], true};
        const double eps = 1e-9;
        check.holds = (!check.min || low[k] >= *check.min - eps) &&
                      (!check.max || high[k] <= *check.max + eps);
        result.robust = result.robust && check.holds;
        result.tolerance_checks.push_back(check);
    }
}

} // namespace orscalc::mix_model
