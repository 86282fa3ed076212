#!/usr/bin/env bash
# Times `socketlab check` against `mvn -q -o test` on the same exercise laid out as a Maven
# project. Usage: bench/check-vs-maven.sh [EXERCISE] [RUNS]   (run from the repository root,
# after `mvn -o package`). Uses exercises/01-phone-server when present, else a test fixture.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${2:-5}
jar="$root/target/socketlab.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -q -o package -DskipTests" >&2; exit 2; }
if [ -n "${1:-}" ]; then id=$1; course=$root
elif [ -d "$root/exercises/01-phone-server" ]; then id=01-phone-server; course=$root
else id=01-passing; course=$root/src/test/resources/fixtures/course; fi
ex=$course/exercises/$id
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# the learner's copy for socketlab, so progress files land in the temp folder
# timed on the reference solution: a starter fails, often by timing out, which says nothing about speed
mkdir -p "$tmp/course/exercises"; cp -r "$ex" "$tmp/course/exercises/"
rm -rf "$tmp/course/exercises/$id/src"; cp -r "$ex/solution" "$tmp/course/exercises/$id/src"
# the same sources as a plain Maven project
mvnp=$tmp/maven; mkdir -p "$mvnp/src/main/java" "$mvnp/src/test/java"
cp -r "$ex/solution/." "$mvnp/src/main/java/"; cp -r "$ex/test/." "$mvnp/src/test/java/"
# the versions SocketLab itself builds and tests with, read from its pom.xml, so both sides run the same JUnit
pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
plugin_version() { grep -A1 "<artifactId>$1</artifactId>" "$root/pom.xml" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1; }
junit=$(grep -A1 '<artifactId>junit-bom</artifactId>' "$root/pom.xml" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)
surefire=$(plugin_version maven-surefire-plugin)
compiler=$(plugin_version maven-compiler-plugin)
release=$(pom_value maven.compiler.release)
[ -n "$junit" ] && [ -n "$surefire" ] && [ -n "$compiler" ] && [ -n "$release" ] \
  || { echo "could not read the JUnit, Surefire and compiler versions from pom.xml" >&2; exit 2; }
cat > "$mvnp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>bench</artifactId><version>1</version>
<properties><maven.compiler.release>$release</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>$junit</version><scope>test</scope></dependency>
<dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-launcher</artifactId><version>$junit</version><scope>test</scope></dependency></dependencies>
<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>$surefire</version></plugin>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$compiler</version></plugin></plugins></build></project>
POM
# Exercises whose tests use the testkit need socketlab.jar on the Maven test class path too.
if grep -rq "io.socketlab.testkit" "$ex/test" 2>/dev/null; then
  sed -i "s#</dependencies>#<dependency><groupId>io.socketlab</groupId><artifactId>socketlab</artifactId><version>0</version><scope>system</scope><systemPath>$jar</systemPath></dependency></dependencies>#" "$mvnp/pom.xml"
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

(cd "$mvnp" && mvn -q -B -o test >/dev/null 2>&1) || { echo "mvn test failed on the Maven layout" >&2; exit 1; }
"$root/socketlab" --course "$tmp/course" check "$id" >/dev/null 2>&1 || { echo "socketlab check did not pass on the solution" >&2; exit 1; }

# Interleaved, so both see the same machine load; the launcher is what learners run.
: > "$tmp/sl"; : > "$tmp/first"; : > "$tmp/mv"
# "check" is a learner's check after a save that changed no signature: the tests' classes are
# taken from .socketlab/compiled-tests; "first check" finds nothing kept and compiles everything
for _ in $(seq "$runs"); do
  time_ms "$root/socketlab" --course "$tmp/course" check "$id" >> "$tmp/sl"
  (cd "$mvnp" && rm -rf target && time_ms mvn -q -B -o test) >> "$tmp/mv"
  rm -rf "$tmp/course/.socketlab/compiled-tests"
  time_ms "$root/socketlab" --course "$tmp/course" check "$id" >> "$tmp/first"
done
sl=$(median < "$tmp/sl")
first=$(median < "$tmp/first")
mv=$(median < "$tmp/mv")
printf '%-36s %8s\n' "exercise" "$id" "JUnit / Surefire (pom.xml)" "$junit / $surefire" "socketlab check (median ms)" "$sl" \
  "socketlab first check (median ms)" "$first" "mvn -q -o test (median ms)" "$mv"
awk -v a="$sl" -v f="$first" -v b="$mv" 'BEGIN { printf "%-36s %8.3f  (target <= 0.20)\n%-36s %8.3f\n", "ratio", a / b, "ratio, first check", f / b }'
