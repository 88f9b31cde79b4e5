#!/usr/bin/env bash
# The main job's speed: N rounds (default 5) of `up -d --wait` on the quickstart stack until its front
# answers on 127.0.0.1, then `down -v`, through bin/jcompose with the engine already running (the first,
# uncounted round starts it). Prints the median and min of each in ms. Root; the port is FRONT_PORT
# (default 8080) on 127.0.0.1 only.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-5}
PORT=${FRONT_PORT:-8080}
J=("$ROOT/bin/jcompose" -f "$ROOT/compose-samples/quickstart/compose.yaml" --progress quiet)
"$ROOT/bin/quickstart" >/dev/null   # imports the image if needed, starts the engine
"${J[@]}" down -v
ms() { local s; s=$(date +%s%N); "$@"; echo $(( ($(date +%s%N) - s) / 1000000 )); }
up_and_answer() { "${J[@]}" up -d --wait && curl -fsS -o /dev/null "http://127.0.0.1:$PORT/cgi-bin/hello"; }
ups=(); downs=()
for _ in $(seq "$N"); do
  ups+=("$(ms up_and_answer)")
  downs+=("$(ms "${J[@]}" down -v)")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "median %d ms, min %d ms (n=%d)\n", v[int((NR+1)/2)], v[1], NR}'; }
echo "up -d --wait until curl answers: $(stats "${ups[@]}")"
echo "down -v                        : $(stats "${downs[@]}")"
