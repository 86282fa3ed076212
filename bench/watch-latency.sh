#!/usr/bin/env bash
# Save-to-verdict latency of `socketlab watch`, end to end: a watch session on file events, timed from
# the write of a source file to the verdict, after an edit pause and back to back.
# Usage: bench/watch-latency.sh [EXERCISE] [RUNS]   (after `mvn -o package`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${1:-}" ]; then id=$1; course=$root
elif [ -d "$root/exercises/01-phone-server" ]; then id=01-phone-server; course=$root
else id=01-passing; course=$root/src/test/resources/fixtures/course; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/exercises"; cp -r "$course/exercises/$id" "$tmp/exercises/"
rm -rf "$tmp/exercises/$id/src"; cp -r "$course/exercises/$id/solution" "$tmp/exercises/$id/src"
SOCKETLAB_CACHE=now "$root/socketlab" list >/dev/null   # recorded now, not in the background while runs are measured: makes sure the jar and the start-up archive exist
# the tests' JVMs map the archive recorded for them, as the launcher passes it
jsa=$(ls -t "$root"/target/socketlab-*-tests.jsa 2>/dev/null | head -1 || true)
# the same JVM options as the launcher gives the watch process
java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss1m -Xmx256m -XX:ReservedCodeCacheSize=48m ${jsa:+-Dsocketlab.cds="$jsa"} -cp "$root/target/socketlab.jar" "$root/bench/WatchLatency.java" "$tmp" "$id" "${2:-7}"
