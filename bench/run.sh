#!/bin/sh
# Benchmarks of orscalc: prints figures, never fails on them. Run from the source tree after
# building (cmake --build build): bench/run.sh [BUILD_DIR]   (ROWS=N for the batch file size)
set -eu
build=${1:-build}
bin="$build/orscalc"

echo "== mix: in-process solve times (bench_mix) =="
"$build/bench/bench_mix" 3

echo
echo "== mix: whole-process time of 'orscalc mix' (hyperfine; target < 10 ms) =="
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 5 --runs 100 --style basic \
        "$bin mix --have salt,sugar,water" \
        "$bin mix --have chicken-broth,apple-juice,salt,sugar,water --volume 1.5L" \
        "$bin mix --have sodium-chloride,glucose-anhydrous,potassium-chloride,trisodium-citrate-dihydrate,water --exact" \
        "$bin --format json mix --have salt,sugar,lite-salt,salt-substitute,baking-soda,apple-juice,water --tolerance 10%"
else
    echo "hyperfine not installed: skipping"
fi

echo
echo "== batch planning and single-run start-up (bench/batch.sh) =="
bash "$(dirname "$0")/batch.sh" "$build" "${ROWS:-1000000}"
