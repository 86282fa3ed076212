#!/usr/bin/env bash
# Cold start of a whole `socketlab read N --plain` process against Python's rich rendering the same
# Markdown file: medians of wall and CPU time over interleaved runs (both see the same load), and
# their ratios (goal: <= 1.0). Peak memory of one run. rich comes from Debian's python3-rich.
# Usage: bench/read-startup.sh [CHAPTER] [RUNS]   (default 3 and 15). JAVA on PATH decides the JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
chapter="${1:-3}"
runs="${2:-15}"
file=$(ls lessons/en/"$(printf '%02d' "$chapter")"-*.md)
python=/usr/bin/python3
if ! "$python" -c 'import rich' 2>/dev/null; then
  echo "rich is not installed: apt-get install python3-rich" >&2
  exit 2
fi
# build the jar and record the start-up cache first: the runs measured are a learner's later starts
SOCKETLAB_CACHE=now ./socketlab read "$chapter" --plain > /dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
measure() {  # prints "wall_ms cpu_ms" of one run of the command
  /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" > /dev/null
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$tmp/t"
}
for _ in $(seq "$runs"); do
  measure ./socketlab read "$chapter" --plain >> "$tmp/sl"
  measure "$python" -m rich.markdown "$file" >> "$tmp/py"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
sl_wall=$(cut -d' ' -f1 "$tmp/sl" | median); sl_cpu=$(cut -d' ' -f2 "$tmp/sl" | median)
py_wall=$(cut -d' ' -f1 "$tmp/py" | median); py_cpu=$(cut -d' ' -f2 "$tmp/py" | median)
echo "java: $(java -version 2>&1 | head -1)"
printf '%-36s %8s %8s\n' "median of $runs runs" "wall ms" "cpu ms" \
  "socketlab read $chapter --plain" "$sl_wall" "$sl_cpu" \
  "python3 -m rich.markdown (same file)" "$py_wall" "$py_cpu"
awk -v a="$sl_wall" -v b="$py_wall" -v c="$sl_cpu" -v d="$py_cpu" \
  'BEGIN { printf "%-36s %8.2f %8.2f  (goal <= 1.00)\n", "ratio socketlab / rich", a / b, c / d }'
/usr/bin/time -f "peak RSS of read $chapter --plain: %M KiB" ./socketlab read "$chapter" --plain > /dev/null
