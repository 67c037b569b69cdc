#pragma once
// A mix answer as a Report: the check contract (target, volume_ml, mixture, composition,
// checks, verdict, warnings) plus mode, amounts, notes, diagnosis and tolerance. Shared with
// plan, which embeds a mix for `plan --have`.
#include "report.hpp"

#include "orscalc/mix.hpp"

namespace orscalc::cli {

Report mix_report(const MixResult& result);

} // namespace orscalc::cli
