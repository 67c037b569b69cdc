#!/usr/bin/env bash
# Batch planning and start-up figures (issue 5). Prints figures; asserts nothing.
# Usage: bench/batch.sh [BUILD_DIR] [ROWS]     (defaults: build, 1000000)
set -euo pipefail
build=${1:-build}
rows=${2:-1000000}
orscalc=$build/orscalc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/bench/gen_patients" "$rows" csv >"$work/patients.csv"
"$build/bench/gen_patients" "$rows" jsonl >"$work/patients.jsonl"
bytes=$(stat -c %s "$work/patients.csv")
echo "input: $rows rows, $((bytes / 1024 / 1024)) MiB CSV (fixed seed, bench/gen_patients.cpp)"

# wall seconds and peak RSS (KiB) of one command, output to /dev/null
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
    # time(1) puts "Command exited with non-zero status N" first when N is not 0.
    read -r secs kib < <(tail -n 1 "$work/time")
    echo "$secs $kib"
}

read -r floor _ < <(measure wc -l "$work/patients.csv")
echo "floor: wc -l on the same file: ${floor} s"
for format in csv jsonl; do
    read -r secs kib < <(measure "$orscalc" plan --input "$work/patients.csv" --format "$format")
    awk -v s="$secs" -v k="$kib" -v r="$rows" -v b="$bytes" -v f="$format" 'BEGIN {
        s = (s > 0 ? s : 0.001);
        printf "plan --input CSV --format %-5s: %.2f s wall, %.0f rows/s, %.0f MB/s in, peak %.1f MiB\n",
               f, s, r / s, b / s / 1e6, k / 1024 }'
done
read -r secs kib < <(measure "$orscalc" plan --input "$work/patients.jsonl" --format csv)
awk -v s="$secs" -v k="$kib" -v r="$rows" 'BEGIN { s = (s > 0 ? s : 0.001);
    printf "plan --input JSONL --format csv : %.2f s wall, %.0f rows/s, peak %.1f MiB\n", s, r / s, k / 1024 }'
read -r secs kib < <(measure "$orscalc" plan --input "$work/patients.csv" --summary)
echo "plan --input CSV --summary      : $secs s wall, peak $((kib / 1024)) MiB"

echo "single runs (whole process, hyperfine):"
hyperfine -N -i --warmup 20 --runs 300 --export-json "$work/h.json" \
    "$orscalc --version" \
    "$orscalc plan --weight 12kg --dehydration some" \
    "$orscalc check --add salt=0.5tsp --add sugar=6tsp --add water=1L" >/dev/null
jq -r '.results[] | "  \(.command | sub(".*/orscalc ";"orscalc ")): mean \(.mean * 1000 | . * 100 | round / 100) ms, min \(.min * 1000 | . * 100 | round / 100) ms"' "$work/h.json"
