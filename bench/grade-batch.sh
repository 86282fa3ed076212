#!/usr/bin/env bash
# Times `socketlab grade` on a class of N copies of the 06-send-all fixtures: 60% correct, 30% wrong,
# 10% hanging (killed at the time limit). Usage: bench/grade-batch.sh [N] [TIMEOUT_SECONDS] [JOBS]
# (run after `mvn -o package -DskipTests`; needs the instructor course with hidden tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-100}
timeout=${2:-3}
jobs=${3:-$(nproc)}
jar="$root/target/socketlab.jar"
fixtures="$root/src/test/resources/submissions"
[ -f "$jar" ] || { echo "build the jar first: mvn -q -o package -DskipTests" >&2; exit 2; }
[ -d "$root/exercises/06-send-all/hidden" ] || { echo "needs the instructor course (exercises/06-send-all/hidden)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/subs"

for i in $(seq -w 1 "$count"); do
  n=$((10#$i % 10))
  if [ "$n" -eq 0 ]; then kind=infinite-loop
  elif [ "$n" -le 3 ]; then kind=wrong
  else kind=correct; fi
  cp -r "$fixtures/$kind" "$tmp/subs/$i-$kind"
done

"$root/socketlab" list >/dev/null   # the jar and its start-up archive, which graded JVMs map too
start=$(date +%s%N)
"$root/socketlab" grade --course "$root" --exercise 06-send-all --timeout "$timeout" --jobs "$jobs" \
  --out "$tmp/out" "$tmp/subs" > "$tmp/log"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
tail -1 "$tmp/log"
echo "submissions: $count (correct $(grep -c ',pass,' "$tmp/out/gradebook.csv"), fail $(grep -c ',fail,' "$tmp/out/gradebook.csv"), error $(grep -c ',error,' "$tmp/out/gradebook.csv")); jobs: $jobs; time limit: ${timeout}s"
echo "total: ${ms} ms; per submission: $((ms / count)) ms wall; cores: $(nproc)"

# The same number of correct submissions alone: the average cost of grading one that passes.
mkdir -p "$tmp/correct"
for i in $(seq -w 1 "$count"); do cp -r "$fixtures/correct" "$tmp/correct/$i-correct"; done
start=$(date +%s%N)
"$root/socketlab" grade --course "$root" --exercise 06-send-all --timeout "$timeout" --jobs "$jobs" \
  --out "$tmp/out-correct" "$tmp/correct" > /dev/null
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "correct only: $count in ${ms} ms; per correct submission: $((ms / count)) ms wall (target <= 500)"
