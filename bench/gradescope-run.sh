#!/usr/bin/env bash
# Gradescope's run_autograder on one correct submission, once setup.sh's work is done: the bundle of
# `autograder gradescope` unpacked into a scratch AUTOGRADER_ROOT, this build's jar in place of the
# one setup.sh would build and its start-up archives recorded (as setup.sh records them), then
# RUNS runs of run_autograder, each on a fresh copy of the submission; median wall time.
# Usage: bench/gradescope-run.sh [EXERCISE] [SUBMISSION_FIXTURE] [RUNS]
# (needs the instructor course with hidden tests; ./socketlab builds the jar when needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
id=${1:-06-send-all}
fixture=${2:-correct}
runs=${3:-5}
submission="$root/src/test/resources/submissions/$fixture"
[ -d "$submission" ] || { echo "no fixture $submission" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
SOCKETLAB_CACHE=now "$root/socketlab" list >/dev/null
"$root/socketlab" autograder gradescope --exercise "$id" --out "$tmp/autograder.zip" >/dev/null
mkdir -p "$tmp/ag/source" "$tmp/ag/results"
(cd "$tmp/ag/source" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(".")' "$tmp/autograder.zip")
chmod +x "$tmp/ag/source/run_autograder" "$tmp/ag/source/course/socketlab"
# what setup.sh does once: the jar (this build's, newer than the sources) and its start-up archives
mkdir -p "$tmp/ag/source/course/target"
cp "$root/target/socketlab.jar" "$tmp/ag/source/course/target/"
touch -d '+1 minute' "$tmp/ag/source/course/target/socketlab.jar"
SOCKETLAB_CACHE=now bash "$tmp/ag/source/course/socketlab" --course "$tmp/ag/source/course" list >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for _ in $(seq "$runs"); do
  rm -rf "$tmp/ag/submission" "$tmp/ag/results/results.json"
  cp -r "$submission" "$tmp/ag/submission"
  start=$(date +%s%N)
  AUTOGRADER_ROOT="$tmp/ag" bash "$tmp/ag/source/run_autograder" > "$tmp/run.log" 2>&1 || { cat "$tmp/run.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  score=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["score"])' "$tmp/ag/results/results.json")
  echo "$score" >> "$tmp/scores"
done | median | { read -r ms; echo "run_autograder, $id, $fixture submission: median $ms ms over $runs runs (goal: within 5000 ms); scores: $(tr '\n' ' ' < "$tmp/scores")"; }
