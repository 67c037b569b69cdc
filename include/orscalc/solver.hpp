#pragma once
// One small interface to a linear / mixed-integer program solver (GLPK behind it): variables
// with bounds, cost and integrality; rows with bounds; minimise. Deterministic for a given
// program: the same variables and rows in the same order give the same solution.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orscalc {

struct LpVariable {
    std::string name; // for messages and debugging only
    double lower = 0;
    std::optional<double> upper; // nullopt: unbounded above
    double cost = 0;
    bool integer = false;
};

struct LpRow {
    std::string name;
    std::vector<std::pair<int, double>> terms; // (variable index, coefficient)
    std::optional<double> lower;
    std::optional<double> upper;
};

struct LinearProgram {
    std::vector<LpVariable> variables;
    std::vector<LpRow> rows;
    // MILP only. The search stops once the best solution found is within absolute_gap of the
    // best bound, or after node_limit nodes (0: none) with a solution in hand. Both depend on
    // the search alone, never on the clock, so the answer stays deterministic.
    double absolute_gap = 0;
    int node_limit = 0;

    int add_variable(LpVariable variable) {
        variables.push_back(std::move(variable));
        return static_cast<int>(variables.size()) - 1;
    }
    int add_row(LpRow row) {
        rows.push_back(std::move(row));
        return static_cast<int>(rows.size()) - 1;
    }
    bool has_integers() const;
};

// optimal: proven optimal, or within the absolute gap / at the node limit (see `proven`).
enum class LpStatus { optimal, infeasible, unbounded, failed };

struct LpSolution {
    LpStatus status = LpStatus::failed;
    double objective = 0;
    std::vector<double> values; // one per variable when optimal
    bool proven = true;         // false: stopped at the node limit with a solution in hand
};

// Minimises the program's cost; a program with integer variables is solved as a MILP to a zero
// gap. The solver prints nothing.
LpSolution solve(const LinearProgram& program);

} // namespace orscalc
