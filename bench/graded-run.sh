#!/usr/bin/env bash
# What grading apart adds to one graded run: a warm grader (one JVM, as in a batch) checks an
# exercise's reference solution RUNS times on the fast path (a fresh JVM each run), apart without
# the sandbox, apart in it, and apart in it with the tests' JVM kept from run to run, as `grade`
# keeps one per worker for a class; the course's tests are compiled once, as in a batch. Unlike
# grade-apart.sh, no cold `check` process start or compile of the stubs is counted.
# Usage: bench/graded-run.sh [EXERCISE] [RUNS] (needs the instructor course with solutions).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=${1:-01-phone-server}
runs=${2:-7}
ex="$root/exercises/$id"
[ -d "$ex/solution" ] || { echo "no solution for $id (needs the instructor course)" >&2; exit 2; }
SOCKETLAB_CACHE=now "$root/socketlab" list >/dev/null   # the jar and its start-up archive, recorded before anything is measured
jar="$root/target/socketlab.jar"
archive=$(ls -t "$root"/target/socketlab-*-tests.jsa 2>/dev/null | head -1 || true)   # the whole warm-up's: the grader and its tests' JVMs
subject=$(ls -t "$root"/target/socketlab-*-subject.jsa 2>/dev/null | head -1 || true)   # the learner's processes'
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
javac -encoding UTF-8 -d "$tmp" -cp "$jar" "$root/bench/GradedRun.java"
share=()
[ -n "$archive" ] && [ "$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)" -lt 24 ] \
  && share=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Dsocketlab.cds="$archive" ${subject:+-Dsocketlab.subject.cds="$subject"})
echo "$id, load $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores"
java "${share[@]}" -cp "$jar:$tmp" GradedRun "$ex" "$runs" 2>&1 | grep -v '^WARNING'
