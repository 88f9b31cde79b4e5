#!/usr/bin/env bash
# Image builds side by side in one run (root): the same 10-step Dockerfile (FROM scratch, ADD of a
# busybox rootfs tarball, ENV, WORKDIR, COPY, RUN, ARG, CMD) and context, built
#   - by jcompose's builder in one JVM (dev.jcompose.build.BuildBenchMain: no CLI start),
#   - by `jcompose build` through the CLI and the warm engine,
#   - by buildah (Debian's package, installed when missing; --layers, runc, no network),
# cold (no cache), fully cached, and with one source file changed. N rounds (default 5), medians.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-5}
cd "$ROOT"
. bin/lib/env.sh
. bin/lib/busybox-rootfs.sh
jc_select_jdk
command -v buildah >/dev/null || { apt-get update -qq && apt-get install -y -qq buildah >/dev/null; }
W=$(mktemp -d /tmp/jcbuild.XXXXXX)
cleanup() {
  buildah --root "$W/buildah" --runroot "$W/buildah-run" rmi -a -f >/dev/null 2>&1 || true
  mount | awk -v w="$W" '$3 ~ "^"w {print $3}' | xargs -r umount -l
  rm -rf "$W"
}
trap cleanup EXIT
CTX=$W/ctx
mkdir -p "$CTX/src"
jc_busybox_rootfs "$CTX/rootfs.tar"
for f in a b c d e; do echo "$f" > "$CTX/src/$f.txt"; done
echo "setting=1" > "$CTX/config.txt"
cat > "$CTX/Dockerfile" <<'DOCKERFILE'
FROM scratch
ADD rootfs.tar /
ENV APP=/app
WORKDIR /app
COPY src/ ./src/
RUN cat src/*.txt > all.txt
RUN mkdir -p /data && echo data > /data/x
COPY config.txt /etc/app.conf
ARG V=1
RUN echo $V > /version
CMD ["cat", "/app/all.txt"]
DOCKERFILE
printf 'name: jcbench\nservices:\n  app:\n    build:\n      context: %s\n      network: none\n' "$CTX" > "$W/compose.yaml"

ms() { # a failed build is an error, not a fast time
  local s; s=$(date +%s%N)
  "$@" >"$W/last.log" 2>&1 || { echo "FAILED: $*" >&2; cat "$W/last.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - s) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
round() { # label, command...: cold, cached, one file changed; sets COLD HIT CHANGED
  local cold=() hit=() changed=() i
  ms "${@:2}" >/dev/null
  for i in $(seq "$N"); do
    cold+=("$(ms "${@:2}" --no-cache)")
    hit+=("$(ms "${@:2}")")
    echo "b $i $(basename "$W")" > "$CTX/src/b.txt" # unique per run: the engine's cache outlives runs
    changed+=("$(ms "${@:2}")")
  done
  echo b > "$CTX/src/b.txt"
  COLD=$(median "${cold[@]}"); HIT=$(median "${hit[@]}"); CHANGED=$(median "${changed[@]}")
  printf '%-34s cold %6s ms   cached %6s ms   one file changed %6s ms\n' "$1" "$COLD" "$HIT" "$CHANGED"
}

echo "== jcompose builder in one JVM (BuildBenchMain), N=$N"
./mvnw -B -q -ntp -pl runtime -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -DexcludeGroupIds=dev.jcompose -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP=runtime/target/test-classes:runtime/target/classes:host/target/test-classes:host/target/classes:$(cat runtime/target/bench.cp)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.jcompose.build.BuildBenchMain "$CTX" "$N" 2>/dev/null

echo "== side by side, N=$N"
J=("$ROOT/bin/jcompose" -f "$W/compose.yaml" --progress quiet)
"${J[@]}" version >/dev/null
jc_build() { "${J[@]}" build "$@"; }
round "jcompose build (CLI + engine)" jc_build
JC=($COLD $HIT $CHANGED)
# runc, as jcompose uses here: buildah's default crun refuses this host's hybrid cgroup layout
B=(buildah --root "$W/buildah" --runroot "$W/buildah-run" --storage-driver overlay)
# buildah takes no flag after the context directory: --no-cache goes before it
buildah_build() {
  "${B[@]}" bud --runtime "$(command -v runc)" --layers --network none -t jcbench-app -f "$CTX/Dockerfile" "$@" "$CTX"
}
round "buildah bud --layers (runc)" buildah_build
BH=($COLD $HIT $CHANGED)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
echo "jcompose / buildah: cold $(ratio "${JC[0]}" "${BH[0]}"), cached $(ratio "${JC[1]}" "${BH[1]}"), one file changed $(ratio "${JC[2]}" "${BH[2]}")"
"${J[@]}" down --rmi all >/dev/null 2>&1 || true
