#!/usr/bin/env bash
# What grading apart costs: `check` of an exercise's reference solution in a scratch copy of the
# course, RUNS times each way, medians of wall time: the fast path (learner classes beside the
# tests, one JVM), apart without the sandbox (`--sandbox off`: the learner's code in a second JVM,
# reached through the bridge) and apart in the sandbox (`--sandbox on`). The differences are the
# bridge's cost and the sandbox's. Usage: bench/grade-apart.sh [EXERCISE] [RUNS]
# (needs the instructor course with solutions; ./socketlab builds the jar when needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=${1:-01-phone-server}
runs=${2:-5}
ex="$root/exercises/$id"
[ -d "$ex/solution" ] || { echo "no solution for $id (needs the instructor course)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
SOCKETLAB_CACHE=now "$root/socketlab" list >/dev/null   # recorded now, not in the background while runs are measured: the jar and its start-up archive
cp -r "$root/lessons" "$root/exercises" "$root/python" "$tmp/"
mkdir -p "$tmp/src/main" "$tmp/src/test"
cp -r "$root/src/main/java" "$tmp/src/main/"; cp -r "$root/src/test/java" "$tmp/src/test/"
rm -rf "$tmp/exercises/$id/src"; cp -r "$ex/solution" "$tmp/exercises/$id/src"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$root/socketlab" --course "$tmp" check "$@" "$id" >/dev/null 2>&1 || { echo "check $* $id did not pass" >&2; exit 1; }
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median
}
fast=$(measure)
apart=$(measure --sandbox off)
sandboxed=$(measure --sandbox on 2>/dev/null || echo "-")
echo "check $id, median of $runs runs (wall ms):"
echo "  fast path (one JVM)          $fast"
echo "  apart, --sandbox off         $apart   (+$((apart - fast)) ms: the second JVM and the bridge)"
if [ "$sandboxed" != "-" ]; then
  echo "  apart, --sandbox on          $sandboxed   (+$((sandboxed - apart)) ms more: bubblewrap)"
fi
