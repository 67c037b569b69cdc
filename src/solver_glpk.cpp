#include "orscalc/solver.hpp"

#include <algorithm>
#include <cmath>
#include <glpk.h>
#include <memory>
#include <optional>

namespace orscalc {
namespace {

struct ProblemDeleter {
    void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

int bound_type(const std::optional<double>& lower, const std::optional<double>& upper) {
    if (lower && upper) return *lower == *upper ? GLP_FX : GLP_DB;
    if (lower) return GLP_LO;
    if (upper) return GLP_UP;
    return GLP_FR;
}

std::unique_ptr<glp_prob, ProblemDeleter> build(const LinearProgram& lp) {
    std::unique_ptr<glp_prob, ProblemDeleter> p(glp_create_prob());
    glp_set_obj_dir(p.get(), GLP_MIN);
    const int n = static_cast<int>(lp.variables.size());
    const int m = static_cast<int>(lp.rows.size());
    if (n > 0) glp_add_cols(p.get(), n);
    if (m > 0) glp_add_rows(p.get(), m);
    for (int j = 0; j < n; ++j) {
        const LpVariable& v = lp.variables[static_cast<std::size_t>(j)];
        glp_set_col_bnds(p.get(), j + 1, bound_type(v.lower, v.upper), v.lower,
                         v.upper.value_or(0));
        glp_set_obj_coef(p.get(), j + 1, v.cost);
        if (v.integer) glp_set_col_kind(p.get(), j + 1, GLP_IV);
    }
    // GLPK's sparse matrix is 1-based, with a dummy element 0.
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    for (int i = 0; i < m; ++i) {
        const LpRow& r = lp.rows[static_cast<std::size_t>(i)];
        glp_set_row_bnds(p.get(), i + 1, bound_type(r.lower, r.upper), r.lower.value_or(0),
                         r.upper.value_or(0));
        // GLPK aborts the process on a repeated (row, column) entry: merge them.
        std::vector<std::pair<int, double>> terms = r.terms;
        std::sort(terms.begin(), terms.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        for (std::size_t k = 0; k < terms.size(); ++k) {
            double a = terms[k].second;
            while (k + 1 < terms.size() && terms[k + 1].first == terms[k].first)
                a += terms[++k].second;
            if (a == 0) continue;
            ia.push_back(i + 1);
            ja.push_back(terms[k].first + 1);
            ar.push_back(a);
        }
    }
    glp_load_matrix(p.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    return p;
}

struct SearchLimits {
    double absolute_gap;
    int node_limit;
    bool hit_node_limit = false;
};

// Called by the branch-and-bound: stop once the incumbent is within the absolute gap of the
// best bound (GLPK's own gap is relative, useless near an objective of zero), or past the node
// limit with an incumbent.
void on_search_event(glp_tree* tree, void* info) {
    auto* limits = static_cast<SearchLimits*>(info);
    if (glp_ios_reason(tree) != GLP_ISELECT) return;
    glp_prob* p = glp_ios_get_prob(tree);
    if (glp_mip_status(p) != GLP_FEAS) return;
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    if (limits->node_limit > 0 && total >= limits->node_limit) {
        limits->hit_node_limit = true;
        glp_ios_terminate(tree);
        return;
    }
    int best = glp_ios_best_node(tree);
    if (best != 0 && glp_mip_obj_val(p) - glp_ios_node_bound(tree, best) <= limits->absolute_gap)
        glp_ios_terminate(tree);
}

// GLPK aborts the process on malformed input (NaN, crossed bounds, an index out of range);
// the library never may, so such a program is refused before GLPK sees it.
std::optional<LpStatus> refuse(const LinearProgram& lp) {
    auto finite = [](const std::optional<double>& v) { return !v || std::isfinite(*v); };
    const int n = static_cast<int>(lp.variables.size());
    bool crossed = false;
    for (const auto& v : lp.variables) {
        if (!std::isfinite(v.lower) || !finite(v.upper) || !std::isfinite(v.cost))
            return LpStatus::failed;
        crossed = crossed || (v.upper && *v.upper < v.lower);
    }
    for (const auto& r : lp.rows) {
        if (!finite(r.lower) || !finite(r.upper)) return LpStatus::failed;
        crossed = crossed || (r.lower && r.upper && *r.upper < *r.lower);
        for (const auto& [j, a] : r.terms)
            if (j < 0 || j >= n || !std::isfinite(a)) return LpStatus::failed;
    }
    if (crossed) return LpStatus::infeasible;
    return std::nullopt;
}

} // namespace

bool LinearProgram::has_integers() const {
    return std::any_of(variables.begin(), variables.end(),
                       [](const LpVariable& v) { return v.integer; });
}

LpSolution solve(const LinearProgram& lp) {
    LpSolution s;
    if (auto refused = refuse(lp)) {
        s.status = *refused;
        return s;
    }
    glp_term_out(GLP_OFF); // a library never prints
    auto p = build(lp);
    const int n = static_cast<int>(lp.variables.size());
    // Presolve on: it reports primal infeasibility directly instead of cycling through it.
    if (lp.has_integers()) {
        glp_iocp parm;
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_ON;
        parm.mip_gap = 0;
        SearchLimits limits{lp.absolute_gap, lp.node_limit};
        parm.cb_func = on_search_event;
        parm.cb_info = &limits;
        int rc = glp_intopt(p.get(), &parm);
        int status = glp_mip_status(p.get());
        if (rc == GLP_ESTOP && status == GLP_FEAS) {
            rc = 0;
            status = GLP_OPT; // within the gap, or at the node limit
            s.proven = !limits.hit_node_limit;
        }
        if (rc == GLP_ENOPFS || status == GLP_NOFEAS) {
            s.status = LpStatus::infeasible;
            return s;
        }
        if (rc == GLP_ENODFS) {
            s.status = LpStatus::unbounded;
            return s;
        }
        if (rc != 0 || status != GLP_OPT) return s;
        s.status = LpStatus::optimal;
        s.objective = glp_mip_obj_val(p.get());
        for (int j = 0; j < n; ++j)
            s.values.push_back(glp_mip_col_val(p.get(), j + 1));
        return s;
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    int rc = glp_simplex(p.get(), &parm);
    if (rc == GLP_ENOPFS) {
        s.status = LpStatus::infeasible;
        return s;
    }
    if (rc == GLP_ENODFS) {
        s.status = LpStatus::unbounded;
        return s;
    }
    if (rc != 0) return s;
    switch (glp_get_status(p.get())) {
    case GLP_OPT:
        break;
    case GLP_NOFEAS:
    case GLP_INFEAS:
        s.status = LpStatus::infeasible;
        return s;
    case GLP_UNBND:
        s.status = LpStatus::unbounded;
        return s;
    default:
        return s;
    }
    s.status = LpStatus::optimal;
    s.objective = glp_get_obj_val(p.get());
    for (int j = 0; j < n; ++j)
        s.values.push_back(glp_get_col_prim(p.get(), j + 1));
    return s;
}

} // namespace orscalc
