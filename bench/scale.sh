#!/usr/bin/env bash
# Scale (issue 12, item 4): `up -d` and `down` of S independent services for each S given (default 50
# and 200), jcompose alone (the anchors take minutes per 50 here: bench/compare.sh has them at 50), and
# the engine's memory per container. Root. Usage: bench/scale.sh [S...]
#   time:    wall time of `up -d` (returns once every container runs) and of `down`
#   memory:  the engine's live heap after a full GC (jcmd GC.run, GC.heap_info) before up and with S
#            containers up, and the difference / S (what the engine keeps per container); its RSS with S up
#            (a JVM's RSS keeps what its heap once grew to); the conmons' RSS in all (one per container)
# It uses private data and run roots (its own engine), cgroup parent and iptables chain prefix, takes
# /tmp/jcompose-root.lock itself, and removes what it made; the host's leftovers are checked at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "bench/scale.sh: needs root" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(50 200)
cd "$ROOT"
. bin/lib/env.sh
. bin/lib/busybox-rootfs.sh
jc_select_jdk
exec 9>/tmp/jcompose-root.lock
flock -w 3600 9 || { echo "bench/scale.sh: gave up waiting for the root-test lock" >&2; exit 1; }

TAG=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
W=/tmp/jcs-$TAG
mkdir -p "$W"
export JCOMPOSE_DATA_ROOT=$W/data JCOMPOSE_RUN_ROOT=$W/run JCOMPOSE_CGROUP_PARENT=jcscale-$TAG \
  JCOMPOSE_CHAIN_PREFIX="JS${TAG^^}"
J=("$ROOT/bin/jcompose" --progress quiet)
cleanup() {
  for s in "${SIZES[@]}"; do "${J[@]}" -p "scale$s" -f "$W/s$s.yaml" down -t 1 >/dev/null 2>&1 || true; done
  "$ROOT/bin/jcompose" engine stop >/dev/null 2>&1 || true
  local left
  left=$( (pgrep -af "conmon .*$W" || true; iptables-save | grep -F "${JCOMPOSE_CHAIN_PREFIX}" || true;
    grep -F "$W" /proc/mounts || true) | head -5)
  rm -rf "$W"
  [ -z "$left" ] || { echo "bench/scale.sh: left behind:" >&2; echo "$left" >&2; exit 1; }
}
trap cleanup EXIT
jc_busybox_image "$ROOT/bin/jcompose" >/dev/null 9>&-
"$ROOT/bin/jcompose" engine start >/dev/null 9>&-
rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }   # KiB
heap() { # KiB of live heap after a full collection
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}
engine_pid() { pgrep -f "EngineMain --run-root $JCOMPOSE_RUN_ROOT" | head -1; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

printf '%-9s %10s %10s %13s %13s %14s %12s %14s\n' services "up -d" down "heap before" "heap up" "per container" "engine RSS" "conmons in all"
for s in "${SIZES[@]}"; do
  f=$W/s$s.yaml
  echo "services:" >"$f"
  for i in $(seq -w 1 "$s"); do
    printf '  s%s:\n    image: busybox:1.36\n    command: ["sh", "-c", "trap '"'exit 0'"' TERM; sleep 3600 & wait"]\n' "$i" >>"$f"
  done
  pid=$(engine_pid)
  before=$(heap "$pid")
  t=$(date +%s%N)
  "${J[@]}" -p "scale$s" -f "$f" up -d 9>&-
  up=$(ms "$t")
  "${J[@]}" -p "scale$s" -f "$f" ps -q 9>&- | wc -l | grep -qx "$s" || { echo "bench/scale.sh: not all $s containers run" >&2; exit 1; }
  after=$(heap "$pid")
  engine_rss=$(rss "$pid")
  conmons=$(pgrep -f "conmon .*$JCOMPOSE_RUN_ROOT" | while read -r c; do rss "$c"; done | awk '{s += $1} END {print s + 0}')
  t=$(date +%s%N)
  "${J[@]}" -p "scale$s" -f "$f" down -t 1 9>&-
  down=$(ms "$t")
  printf '%-9s %8d ms %8d ms %9d KiB %9d KiB %10d KiB %8d KiB %10d KiB\n' "$s" "$up" "$down" "$before" "$after" \
    $(( (after - before) / s )) "$engine_rss" "$conmons"
done
