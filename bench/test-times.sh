#!/usr/bin/env bash
# Wall time and CPU time of each visible test of an exercise, run on its reference solution in one
# JVM (no grader around it). Usage: bench/test-times.sh [EXERCISE] [THREAD] [RUNS]
# (from the repository root, after `mvn -o package -Dmaven.test.skip=true`). The default is
# 09-selector-echo and its server thread, whose CPU time is sampled every 5 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=${1:-09-selector-echo}
thread=${2:-learner-selector-server}
runs=${3:-3}
jar="$root/target/socketlab.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -q -o package -Dmaven.test.skip=true" >&2; exit 2; }
ex="$root/exercises/$id"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
javac -encoding UTF-8 -d "$tmp" -cp "$jar" $(find "$ex/solution" "$ex/test" -name '*.java') "$root/bench/TestTimes.java"
class=$(cd "$ex/test" && find . -name '*Test.java' | head -1 | sed -e 's:^\./::' -e 's:\.java$::' -e 's:/:.:g')
for run in $(seq "$runs"); do
  echo "run $run, load $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores"
  java -cp "$jar:$tmp" TestTimes "$class" "$thread" 2>&1 | grep -v '^WARNING'
done
