#!/usr/bin/env bash
# Grades a class of N copies of the 06-send-all fixtures (60% correct, 30% wrong, 10% hanging,
# killed at the time limit) and reports, separately, throughput (submissions per second with
# --jobs N) and cost (CPU seconds per submission, the grader and every JVM it started), then the
# same for N correct submissions alone. With a grader that has --sandbox, each is measured with
# the sandbox on and off. Usage: bench/grade-batch.sh [N] [TIMEOUT_SECONDS] [JOBS]
# (needs the instructor course with hidden tests; ./socketlab builds the jar when needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-100}
timeout=${2:-3}
jobs=${3:-$(nproc)}
fixtures="$root/src/test/resources/submissions"
[ -d "$root/exercises/06-send-all/hidden" ] || { echo "needs the instructor course (exercises/06-send-all/hidden)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mixed" "$tmp/correct"
for i in $(seq -w 1 "$count"); do
  n=$((10#$i % 10))
  if [ "$n" -eq 0 ]; then kind=infinite-loop
  elif [ "$n" -le 3 ]; then kind=wrong
  else kind=correct; fi
  cp -r "$fixtures/$kind" "$tmp/mixed/$i-$kind"
  cp -r "$fixtures/correct" "$tmp/correct/$i-correct"
done

SOCKETLAB_CACHE=now "$root/socketlab" list >/dev/null   # recorded now, not in the background while runs are measured: the jar and its start-up archive, which graded JVMs map too
sandboxes=("")
if "$root/socketlab" grade --help 2>/dev/null | grep -q -- '--sandbox'; then
  sandboxes=(on off)
fi

# Busy CPU seconds of the whole machine so far (/proc/stat): the sandbox's processes live in a pid
# namespace of their own and are not reaped by the grader, so `time` would leave their CPU out.
machine_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8) / hz }' /proc/stat
}

# One measured run: wall seconds, and the busy CPU seconds of the machine meanwhile (run it quiet).
measure() {
  local class=$1 sandbox=$2 out=$3
  local args=(grade --course "$root" --exercise 06-send-all --timeout "$timeout" --jobs "$jobs" --out "$out")
  [ -n "$sandbox" ] && args+=(--sandbox "$sandbox")
  local before after start end
  before=$(machine_cpu); start=$(date +%s%N)
  "$root/socketlab" "${args[@]}" "$tmp/$class" > "$out.log" 2>&1 || true
  end=$(date +%s%N); after=$(machine_cpu)
  awk -v n="$count" -v w="$(( (end - start) / 1000000 ))" -v b="$before" -v a="$after" -v c="$class" -v sb="${sandbox:-default}" -v j="$jobs" \
    'BEGIN { w /= 1000; printf "%-8s sandbox %-7s  throughput %5.2f submissions/s (--jobs %d, %.1f s wall, %.2f s wall each)   cost %.2f CPU s per submission (machine-wide)\n", c, sb, n / w, j, w, w / n, (a - b) / n }'
}

echo "submissions: $count; time limit: ${timeout}s; jobs: $jobs; cores: $(nproc)"
for sandbox in "${sandboxes[@]}"; do
  measure mixed "$sandbox" "$tmp/out-mixed-$sandbox"
  echo "         $(grep -c ',pass,' "$tmp/out-mixed-$sandbox/gradebook.csv" || true) passed, $(grep -c ',fail,' "$tmp/out-mixed-$sandbox/gradebook.csv") failed, $(grep -c ',error,' "$tmp/out-mixed-$sandbox/gradebook.csv") errors"
  measure correct "$sandbox" "$tmp/out-correct-$sandbox"
  echo "         $(grep -c ',pass,' "$tmp/out-correct-$sandbox/gradebook.csv" || true) of $count passed"
done
echo "goals: at most 0.3 CPU s per correct submission; at most 0.5 s wall per correct submission on two cores"
