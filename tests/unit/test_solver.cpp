#include "orscalc/solver.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace orscalc;

TEST_CASE("solver: a two-variable LP lands on the vertex") {
    // min x + y  s.t.  x + 2y >= 4,  3x + y >= 6:  x = 8/5, y = 6/5, objective 14/5.
    LinearProgram lp;
    int x = lp.add_variable({"x", 0, std::nullopt, 1, false});
    int y = lp.add_variable({"y", 0, std::nullopt, 1, false});
    lp.add_row({"a", {{x, 1}, {y, 2}}, 4.0, std::nullopt});
    lp.add_row({"b", {{x, 3}, {y, 1}}, 6.0, std::nullopt});
    LpSolution s = solve(lp);
    REQUIRE(s.status == LpStatus::optimal);
    CHECK(s.objective == doctest::Approx(2.8));
    CHECK(s.values[0] == doctest::Approx(1.6));
    CHECK(s.values[1] == doctest::Approx(1.2));
}

TEST_CASE("solver: infeasible and unbounded programs are told apart") {
    LinearProgram infeasible;
    int x = infeasible.add_variable({"x", 0, 1.0, 1, false});
    infeasible.add_row({"x >= 2", {{x, 1}}, 2.0, std::nullopt});
    CHECK(solve(infeasible).status == LpStatus::infeasible);

    LinearProgram unbounded;
    unbounded.add_variable({"x", 0, std::nullopt, -1, false});
    CHECK(solve(unbounded).status == LpStatus::unbounded);

    LinearProgram infeasible_mip;
    int n = infeasible_mip.add_variable({"n", 0, 10.0, 1, true});
    infeasible_mip.add_row({"2n = 3", {{n, 2}}, 3.0, 3.0});
    CHECK(solve(infeasible_mip).status == LpStatus::infeasible);
}

TEST_CASE("solver: a knapsack MILP to the exact optimum") {
    // max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5, binary: a = b = 1 (value 9) beats a = c = 1 (8).
    LinearProgram lp;
    int a = lp.add_variable({"a", 0, 1.0, -5, true});
    int b = lp.add_variable({"b", 0, 1.0, -4, true});
    int c = lp.add_variable({"c", 0, 1.0, -3, true});
    lp.add_row({"weight", {{a, 2}, {b, 3}, {c, 1}}, std::nullopt, 5.0});
    LpSolution s = solve(lp);
    REQUIRE(s.status == LpStatus::optimal);
    CHECK(s.objective == doctest::Approx(-9));
    CHECK(s.values == std::vector<double>{1, 1, 0});
}

TEST_CASE("solver: integer rounding is up to the solver, not the caller") {
    // min n  s.t.  2n >= 3, n integer: 2 (the LP relaxation says 1.5).
    LinearProgram lp;
    int n = lp.add_variable({"n", 0, std::nullopt, 1, true});
    lp.add_row({"2n >= 3", {{n, 2}}, 3.0, std::nullopt});
    LpSolution s = solve(lp);
    REQUIRE(s.status == LpStatus::optimal);
    CHECK(s.values[0] == 2);
    lp.variables[0].integer = false;
    CHECK(solve(lp).values[0] == doctest::Approx(1.5));
}

TEST_CASE("solver: the same program gives the same solution every time") {
    // A degenerate LP with a face of optima: min x + y s.t. x + y >= 1.
    LinearProgram lp;
    int x = lp.add_variable({"x", 0, std::nullopt, 1, false});
    int y = lp.add_variable({"y", 0, std::nullopt, 1, false});
    lp.add_row({"sum", {{x, 1}, {y, 1}}, 1.0, std::nullopt});
    LpSolution first = solve(lp);
    for (int i = 0; i < 5; ++i)
        CHECK(solve(lp).values == first.values);
    CHECK(first.objective == doctest::Approx(1));
}

TEST_CASE("solver: malformed programs are refused, never passed to GLPK (which would abort)") {
    LinearProgram crossed;
    crossed.add_variable({"x", 2, 1.0, 1, false});
    CHECK(solve(crossed).status == LpStatus::infeasible);

    LinearProgram nan;
    int x = nan.add_variable({"x", 0, std::nullopt, 1, false});
    nan.add_row({"nan", {{x, std::nan("")}}, 1.0, std::nullopt});
    CHECK(solve(nan).status == LpStatus::failed);

    LinearProgram out_of_range;
    out_of_range.add_variable({"x", 0, std::nullopt, 1, false});
    out_of_range.add_row({"bad index", {{3, 1.0}}, 1.0, std::nullopt});
    CHECK(solve(out_of_range).status == LpStatus::failed);

    // A repeated entry is merged: x + x >= 4 is 2x >= 4.
    LinearProgram repeated;
    int y = repeated.add_variable({"y", 0, std::nullopt, 1, false});
    repeated.add_row({"twice", {{y, 1.0}, {y, 1.0}}, 4.0, std::nullopt});
    LpSolution s = solve(repeated);
    REQUIRE(s.status == LpStatus::optimal);
    CHECK(s.values[0] == doctest::Approx(2));
}
