#!/usr/bin/env bash
# The fixture against the CLI, side by side in one run (root): N rounds (default 5) of
#   - `jcompose up -d --wait` of the quickstart stack until its front answers, then `down -v`
#     (bench/quickstart.sh's loop, the engine already running), and `up -d --wait` again on the
#     stack that is up (the CLI's "reuse": nothing to do);
#   - ComposeFixture.start() (ephemeral ports, a new project each time) until the front answers, in one
#     test JVM, then close(); and start() of a reused stack (reuse(true), created once, uncounted).
# Prints medians and the ratios fixture / CLI.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-5}
cd "$ROOT"
. bin/lib/env.sh
jc_select_jdk
FILE="$ROOT/compose-samples/quickstart/compose.yaml"
J=("$ROOT/bin/jcompose" -f "$FILE" --progress quiet)
"$ROOT/bin/quickstart" >/dev/null   # builds the CLI, imports the image, starts the engine
"${J[@]}" down -v
./mvnw -B -q -o test-compile -pl orchestrator/fixtures,examples -am -Dspotless.check.skip=true >/dev/null
CLI_JAR=$(ls "$ROOT"/orchestrator/cli/target/jcompose-cli-*-cli.jar | head -1)
# the CLI's jar holds everything the fixture needs but the fixture's own classes: one build, one engine
CP="$CLI_JAR:$ROOT/orchestrator/fixtures/target/classes:$ROOT/examples/target/test-classes"

ms() { local s; s=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
up_and_answer() { "${J[@]}" up -d --wait && curl -fsS -o /dev/null "http://127.0.0.1:${FRONT_PORT:-8080}/cgi-bin/hello"; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ups=(); again=()
for _ in $(seq "$N"); do
  ups+=("$(ms up_and_answer)")
  again+=("$(ms up_and_answer)")
  "${J[@]}" down -v
done
out=$("$JAVA_HOME/bin/java" -cp "$CP" dev.jcompose.examples.FixtureBench "$FILE" "$N")
echo "$out"
"$ROOT/bin/jcompose" -p "$(echo "$out" | sed -n 's/^reused project: //p')" --progress quiet down -v
cli_up=$(median "${ups[@]}"); cli_again=$(median "${again[@]}")
fx_up=$(echo "$out" | sed -n 's/^fixture start() until.*median \([0-9]*\) ms.*/\1/p')
fx_again=$(echo "$out" | sed -n 's/^fixture start() of a reused.*median \([0-9]*\) ms.*/\1/p')
echo "jcompose up -d --wait until the front answers: median $cli_up ms (n=$N)"
echo "jcompose up -d --wait on the running stack   : median $cli_again ms (n=$N)"
awk -v a="$fx_up" -v b="$cli_up" -v c="$fx_again" -v d="$cli_again" \
  'BEGIN {printf "ratio fixture/CLI: new stack %.2fx, reused/running stack %.2fx\n", a / b, c / d}'
