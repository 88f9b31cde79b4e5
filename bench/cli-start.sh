#!/usr/bin/env bash
# CLI start: N alternating runs of `config -q` on the quickstart file, (a) plain `java -jar` as a user
# would write it, (b) through bin/jcompose (C1 only + the per-build class data sharing archive).
# Prints the median and min of each in ms. No root needed; nothing but the local JVM runs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/bin/lib/env.sh"
jc_select_jdk
N=${1:-15}
COMPOSE="$ROOT/compose-samples/quickstart/compose.yaml"
"$ROOT/bin/jcompose" -f "$COMPOSE" config -q   # builds the jar and the archive if needed
JAR=$(ls -1dt "$ROOT"/.jcompose/lib/*/ | head -1)jcompose.jar
FLAGS=()
major=$(jc_java_major "$JAVA_HOME")
[ "$major" -ge 22 ] && FLAGS+=(--enable-native-access=ALL-UNNAMED)
[ "$major" -ge 23 ] && FLAGS+=(--sun-misc-unsafe-memory-access=allow)
ms() { local s; s=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
plain=(); launcher=()
for _ in $(seq "$N"); do
  plain+=("$(ms "$JAVA_HOME/bin/java" "${FLAGS[@]}" -jar "$JAR" -f "$COMPOSE" config -q)")
  launcher+=("$(ms "$ROOT/bin/jcompose" -f "$COMPOSE" config -q)")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "median %d ms, min %d ms (n=%d)\n", v[int((NR+1)/2)], v[1], NR}'; }
echo "plain java -jar : $(stats "${plain[@]}")"
echo "bin/jcompose    : $(stats "${launcher[@]}")"
