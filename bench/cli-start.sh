#!/usr/bin/env bash
# CLI start, side by side in one run (N alternating rounds, default 15; medians and mins in ms):
#   java -version                       the floor: a JVM that does nothing
#   version / config -q / ps, thin      bin/jcompose with the engine running: the thin client
#   version / config -q / ps, full      the same with JCOMPOSE_THIN=0: the whole CLI in its own JVM
#   version, dist                       the installed launcher alone (what bin/jcompose runs after its
#                                       rebuild check): the difference is the development launcher's cost
# Root (the engine runs containers as root); it starts the engine if none runs and leaves it running.
# Set JCOMPOSE_RUN_ROOT/JCOMPOSE_DATA_ROOT to keep it apart from the host's engine.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/bin/lib/env.sh"
jc_select_jdk
N=${1:-15}
J="$ROOT/bin/jcompose"
COMPOSE="$ROOT/compose-samples/quickstart/compose.yaml"
"$J" -f "$COMPOSE" config -q       # builds the jars and the start-up cache if needed
"$J" engine start >/dev/null        # the thin client needs a running engine
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
declare -A t
DIST=(env "JCOMPOSE_LIB_DIR=$(cat "$ROOT/.jcompose/lib/current")" "$ROOT/orchestrator/cli/src/dist/bin/jcompose")
names=(java-version version-thin version-dist version-full config-thin config-full ps-thin ps-full)
for _ in $(seq "$N"); do
  t[java-version]+=" $(ms "$JAVA_HOME/bin/java" -version)"
  t[version-thin]+=" $(ms "$J" version)"
  t[version-dist]+=" $(ms "${DIST[@]}" version)"
  t[version-full]+=" $(JCOMPOSE_THIN=0 ms "$J" version)"
  t[config-thin]+=" $(ms "$J" -f "$COMPOSE" config -q)"
  t[config-full]+=" $(JCOMPOSE_THIN=0 ms "$J" -f "$COMPOSE" config -q)"
  t[ps-thin]+=" $(ms "$J" -f "$COMPOSE" ps)"
  t[ps-full]+=" $(JCOMPOSE_THIN=0 ms "$J" -f "$COMPOSE" ps)"
done
stats() { printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {printf "median %4d ms, min %4d ms (n=%d)", v[int((NR+1)/2)], v[1], NR}'; }
for n in "${names[@]}"; do printf '%-14s %s\n' "$n" "$(stats "${t[$n]}")"; done
