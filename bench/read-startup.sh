#!/usr/bin/env bash
# Cold start of a whole `socketlab read 3 --plain` process, median of N runs, and peak memory.
# Usage: bench/read-startup.sh [runs]   (default 15). Builds the jar and the start-up archive first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
./socketlab read 3 --plain > /dev/null   # build + class-data-sharing archive, not timed
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  ./socketlab read 3 --plain > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "read 3 --plain, whole process: median ${sorted[$(( runs / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms over $runs runs"
if command -v /usr/bin/time >/dev/null 2>&1; then
  /usr/bin/time -f "peak RSS of read 3 --plain: %M KiB" ./socketlab read 3 --plain > /dev/null
fi
if command -v python3 >/dev/null 2>&1 && python3 -c 'import rich' 2>/dev/null; then
  start=$(date +%s%N); python3 -m rich.markdown lessons/en/03-socket-api.md > /dev/null; end=$(date +%s%N)
  echo "python rich rendering the same file: $(( (end - start) / 1000000 )) ms"
fi
