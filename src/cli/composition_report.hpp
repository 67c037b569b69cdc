#pragma once
// Composition, target checks and mixture lines as Report fragments, shared by check and mix.
#include "report.hpp"

#include "orscalc/target.hpp"

namespace orscalc::cli {

Report mixture_lines_report(const Composition& composition);
Report composition_report(const Composition& composition);
Report checks_report(const Evaluation& evaluation);
Report target_report(const Target& target);
// The full check answer: target, volume_ml, mixture, composition, checks, verdict, warnings.
Report check_report(const std::string& name, const Target& target, const Composition& composition,
                    const Evaluation& evaluation);

} // namespace orscalc::cli
