#pragma once
// The one exit-code contract of every command (documented in man/orscalc.1, EXIT STATUS).
namespace orscalc::cli {

enum class ExitCode : int {
    ok = 0,          // the answer: meets / acceptable / a plan / a feasible recipe
    answered_no = 1, // computed, but a hard range is broken, or no feasible recipe
    bad_input = 2,   // bad usage or input; nothing on stdout
    seek_care = 3,   // a red flag or severe dehydration: seek medical care now
    internal = 70,   // a bug (EX_SOFTWARE), never to be read as "no"
};

} // namespace orscalc::cli
