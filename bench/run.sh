#!/usr/bin/env bash
# Start-to-exit of `true`: jcompose's runtime (overlay + bundle + conmon + runtime) vs the raw OCI
# runtimes; then image pulls from a local registry. Needs root, runc (crun optional), conmon,
# busybox-static, hyperfine, docker-registry, skopeo (optional). Usage: bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}

echo "== in-JVM harness (dev.jcompose.container.BenchMain), N=$N"
./mvnw -B -q -ntp -pl runtime -am test-compile dependency:build-classpath \
  -DexcludeGroupIds=dev.jcompose -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP=runtime/target/test-classes:runtime/target/classes:host/target/test-classes:host/target/classes:$(cat runtime/target/bench.cp)
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.jcompose.container.BenchMain "$N" 2>/dev/null

echo "== pull from a local registry on 127.0.0.1 (dev.jcompose.container.PullBenchMain; docker-registry, skopeo), N=$N"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.jcompose.container.PullBenchMain "$N" 2>/dev/null

echo "== raw runtimes from the shell (hyperfine, shell start-up subtracted)"
W=$(mktemp -d /tmp/jcbench.XXXXXX)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/b/rootfs/bin" "$W/b/rootfs/proc"
cp /bin/busybox "$W/b/rootfs/bin/" && ln -s busybox "$W/b/rootfs/bin/true"
(cd "$W/b" && runc spec && python3 - <<'PY'
import json
c = json.load(open('config.json'))
c['process']['terminal'] = False
c['process']['args'] = ['/bin/true']
c['linux']['cgroupsPath'] = '/jcompose-bench/raw'
json.dump(c, open('config.json', 'w'))
PY
)
for rt in runc crun; do
  command -v "$rt" >/dev/null || { echo "$rt: not installed"; continue; }
  if ! "$rt" --root "$W/$rt" run --bundle "$W/b" probe-$$ >/dev/null 2>"$W/err"; then
    echo "$rt: does not work on this host: $(tail -1 "$W/err")"; "$rt" --root "$W/$rt" delete -f probe-$$ 2>/dev/null || true
    continue
  fi
  hyperfine -N --warmup 3 --runs "$N" --style basic \
    "$rt --root $W/$rt run --bundle $W/b bench-$rt" 2>&1 | grep -E "Time|Range|Benchmark"
done
find /sys/fs/cgroup/*/jcompose-bench -depth -type d -exec rmdir {} \; 2>/dev/null || true
