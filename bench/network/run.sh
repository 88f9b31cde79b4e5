#!/usr/bin/env bash
# Network benchmark (not a test). Needs root, iproute2, iptables, iperf3 (apt-get install -y iperf3).
#   bench/network/run.sh [rounds=20] [iperf-seconds=3]
# Traffic stays on 127.0.0.1 and inside the namespaces the bench creates; it cleans up after itself.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
command -v iperf3 >/dev/null || { echo "install iperf3 (apt-get install -y iperf3)" >&2; exit 1; }
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -ntp -pl network -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
. "$ROOT/bin/lib/env.sh"
jc_select_jdk >/dev/null
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP="$ROOT/network/target/test-classes:$ROOT/network/target/classes:$ROOT/host/target/classes:$ROOT/host/target/test-classes:$(cat "$CP_FILE")"
exec "$JAVA" -cp "$CP" dev.jcompose.network.NetworkBench "${1:-20}" "${2:-3}"
