#!/usr/bin/env bash
# Prints the speed and memory figures of spec section 10, measured on this
# machine with the release binary. Not a test: it reports, you judge.
#   scripts/bench.sh            all figures
# Targets: read commands on the shipped plan < 20 ms, record < 50 ms (wall
# time with process start); validate/status on 1,000 sheets and 100,000
# entries < 1 s and < 200 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/ctg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1782864000 NO_COLOR=1 # 2026-07-01

# mean wall time in ms of RUNS runs of a command
mean_ms() {
    local runs=$1
    shift
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.1f", ns / n / 1e6 }'
}

# peak resident memory in MiB of one run
peak_mib() {
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'
}

cp -r plan "$tmp/plan"
echo "shipped plan (27 sheets), mean of 50 runs, wall time with process start:"
for cmd in validate status "show 2.1.1" log; do
    # shellcheck disable=SC2086
    printf "  %-28s %6s ms  (target < 20 ms)\n" "ctg $cmd" "$(mean_ms 50 "$bin" --plan "$tmp/plan" $cmd)"
done
printf "  %-28s %6s ms  (target < 50 ms)\n" "ctg record" \
    "$(mean_ms 50 "$bin" --plan "$tmp/plan" record 2.1.1 --date 2026-01-15 --note "Point d'étape")"

echo "large fictional plan: 1,000 sheets, 100,000 journal entries:"
python3 scripts/gen_large_plan.py "$tmp/large" 1000 100
du -sh "$tmp/large" | awk '{ print "  size on disk: " $1 }'
for cmd in validate status; do
    printf "  %-28s %6s ms  %5s MiB  (targets < 1000 ms, < 200 MiB)\n" "ctg $cmd" \
        "$(mean_ms 3 "$bin" --plan "$tmp/large" --as-of 2026-06-30 $cmd)" \
        "$(peak_mib "$bin" --plan "$tmp/large" --as-of 2026-06-30 $cmd)"
done
echo "linearity: validate on 1,000 sheets with 50 and 200 entries each:"
for n in 50 200; do
    python3 scripts/gen_large_plan.py "$tmp/l$n" 1000 "$n"
    printf "  %-28s %6s ms\n" "$((n * 1000)) entries" "$(mean_ms 3 "$bin" --plan "$tmp/l$n" --as-of 2026-06-30 validate)"
done
