#!/usr/bin/env bash
# jcompose side by side with docker-compose 1.29 (+ Debian's docker 20.10) and podman-compose 1.0.3 (+ podman
# 4.3), in ONE run on the same busybox image (root; N cycles, default 5; medians):
#   - the 3-service chain (a <- b <- c via depends_on, busybox httpd, one 127.0.0.1 port each): `up -d` until
#     the 3 ports answer curl, `ps` while up, a no-op `up -d`, `down`;
#   - a one-off `run --rm t true` (docker and podman: `docker run --rm IMAGE true`, `podman run --rm IMAGE true`);
#   - `version` (and `java -version`, the reference of issue 12's goal for it);
#   - `up -d` and `down` of 50 independent services (no ports).
# Each cycle runs the tools in turn, in a rotated order. One uncounted warm-up round first. Prints a markdown
# table: command | jcompose | docker-compose | podman-compose | ratio jcompose/docker | goal (issue 12).
#
# The anchors are installed from Debian's packages when missing (docker.io docker-compose podman podman-compose
# netavark aardvark-dns; never by tests) and run privately under a temp dir, so they cannot meet the host's own:
#   - dockerd with its own --data-root, --exec-root, --pidfile and socket (DOCKER_HOST), the bridge docker0 on
#     10.213.0.1/24 and networks from 10.213.16.0/20 (jcompose's networks are 172.17+.x.x);
#   - podman with private containers.conf, storage.conf and registries.conf (graphroot, runroot, tmp_dir and
#     network configs under the temp dir, networks from 10.214.0.0/16, cgroupfs, runc: crun refuses this
#     host's hybrid cgroup layout unless hugetlb is moved to its own v1 hierarchy);
#   - jcompose with private data and run roots (its own engine), cgroup parent and iptables chain prefix.
# The image: jcompose's busybox:1.36 (made from Debian's busybox-static), copied from jcompose's store to
# Debian's docker-registry on 127.0.0.1 with skopeo and pulled from there by docker and podman.
# Traffic: 127.0.0.1 and the containers this script creates only.
#
# It takes /tmp/jcompose-root.lock itself for the whole run (do not wrap it in flock), and leaves the host as
# it found it, also on error or Ctrl-C: it stops the engines and the registry, removes their roots, bridges,
# iptables chains and rules, cgroups, netns and mounts, restores the sysctls docker changes, then compares
# iptables-save, links, mounts, netns, cgroups, processes and well-known paths with a snapshot taken before,
# and fails loudly if anything differs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-5}
# BENCH_FIFTY=0 skips the 50 services (a quick run)
STEP_TIMEOUT=${BENCH_STEP_TIMEOUT:-180}   # seconds any one command may take
ANSWER_TIMEOUT=${BENCH_ANSWER_TIMEOUT:-60} # seconds the chain's ports have to answer after `up -d` returned
[ "$(id -u)" -eq 0 ] || { echo "bench/compare.sh: needs root (it runs three container engines)" >&2; exit 1; }
cd "$ROOT"
. bin/lib/env.sh
. bin/lib/busybox-rootfs.sh
jc_select_jdk
# shellcheck disable=SC2086
jc_apt_install $JC_HOST_PACKAGES curl docker.io docker-compose podman podman-compose netavark aardvark-dns
# PATH has other docker clients (/usr/local/bin): talk to Debian's dockerd with Debian's client
DOCKER_BIN=/usr/bin/docker

exec 9>/tmp/jcompose-root.lock
if ! flock -n 9; then
  echo "bench/compare.sh: waiting for /tmp/jcompose-root.lock (someone runs root tests)..." >&2
  flock -w 3600 9 || { echo "bench/compare.sh: gave up waiting for the root-test lock" >&2; exit 1; }
fi

TAG=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
W=/tmp/jcb-$TAG
mkdir "$W"
LOGS=$W/logs
mkdir -p "$LOGS"

# ---------------------------------------------------------------- host state: snapshot, restore, compare
SYSCTLS=(net.ipv4.ip_forward net.ipv6.conf.all.forwarding net.bridge.bridge-nf-call-iptables
  net.bridge.bridge-nf-call-ip6tables net.ipv4.conf.all.route_localnet)
# files and directories the anchors create outside their roots when they get the chance
PATHS=(/etc/docker/key.json /var/lib/docker /var/run/docker.sock /run/docker /run/containerd /var/lib/containerd
  /run/netns /run/containers /run/libpod /var/lib/containers/storage /etc/containers/networks /etc/cni/net.d
  /run/cni /var/lib/cni /run/netavark /var/run/netavark /root/.docker /root/.config/containers
  /root/.local/share/containers)
# (conmon and docker-registry run for jcompose's tests too: this run's have its temp dir in their arguments)
DAEMONS='^(dockerd|containerd|containerd-shim.*|docker-proxy|aardvark-dns|netavark)$'
snapshot() { # DIR: the host state this script could disturb, one file per aspect
  local d=$1 t
  mkdir -p "$d"
  for t in filter nat mangle raw; do
    iptables-save -t "$t" | grep -v '^#' | sed 's/ \[[0-9]*:[0-9]*\]$//' > "$d/iptables-$t"
    ip6tables-save -t "$t" | grep -v '^#' | sed 's/ \[[0-9]*:[0-9]*\]$//' > "$d/ip6tables-$t"
  done
  ip -o link show | awk -F': ' '{sub(/@.*/, "", $2); print $2}' | sort > "$d/links"
  awk '{print $5, $(NF-2)}' /proc/self/mountinfo | sort > "$d/mounts"
  ip netns list 2>/dev/null | awk '{print $1}' | sort > "$d/netns"
  find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d 2>/dev/null | sort > "$d/cgroups"
  for t in "${SYSCTLS[@]}"; do echo "$t=$(sysctl -n "$t" 2>/dev/null)"; done > "$d/sysctls"
  for t in "${PATHS[@]}"; do [ ! -e "$t" ] || echo "$t"; done > "$d/paths"
  ps -eo comm= | grep -E "$DAEMONS" | sort | uniq -c > "$d/daemons" || true
  ps -eo args= | grep -F "$W" | grep -v -e grep -e 'compare.sh' > "$d/processes" || true
}
BEFORE=$W.before
snapshot "$BEFORE"

# rules and chains in the after state that are the anchors' (or this run's jcompose's), as iptables-restore
# input that removes them: -D for added rules in chains that existed, -F/-X for added chains, -P for policies
export OURS='DOCKER|NETAVARK|CNI-|PODMAN|10\.213\.|10\.214\.|docker0|br-[0-9a-f]+|podman[0-9]+'"|JB${TAG^^}"
iptables_undo() { # before-file after-file table
  awk -v table="$3" '
    BEGIN { ours = ENVIRON["OURS"] }
    FNR == NR { if ($0 ~ /^:/) { old[substr($1, 2)] = 1; pol[substr($1, 2)] = $2 } else if ($0 ~ /^-A /) had[$0]++; next }
    /^:/ { c = substr($1, 2); if (!(c in old) && c ~ ours) newc[++n] = c; else if ((c in pol) && pol[c] != "-" && pol[c] != $2) p[++np] = "-P " c " " pol[c]; next }
    /^-A / { if (had[$0] > 0) { had[$0]--; next } if (($2 in old) && $0 ~ ours) { sub(/^-A /, "-D "); d[++nd] = $0 } }
    END {
      if (nd + n + np == 0) exit
      print "*" table
      for (i = nd; i >= 1; i--) print d[i]
      for (i = 1; i <= n; i++) print "-F " newc[i]
      for (i = 1; i <= n; i++) print "-X " newc[i]
      for (i = 1; i <= np; i++) print p[i]
      print "COMMIT"
    }' "$1" "$2"
}

added() { grep -vxF -f "$1" "$2" || true; } # BEFORE NOW: the lines of NOW that BEFORE does not have

restore_host() {
  local now=$W.now t line
  snapshot "$now"
  for t in filter nat mangle raw; do
    iptables_undo "$BEFORE/iptables-$t" "$now/iptables-$t" "$t" | iptables-restore --noflush \
      || echo "bench/compare.sh: could not remove the anchors' iptables rules in table $t" >&2
    iptables_undo "$BEFORE/ip6tables-$t" "$now/ip6tables-$t" "$t" | ip6tables-restore --noflush \
      || echo "bench/compare.sh: could not remove the anchors' ip6tables rules in table $t" >&2
  done
  added "$BEFORE/links" "$now/links" | grep -E '^(docker0|br-[0-9a-f]+|podman[0-9]+|veth.*)$' \
    | while read -r line; do ip link del "$line" 2>/dev/null || true; done
  # netns, overlays and bind mounts the anchors made: under the temp dir or /run/netns (podman's netns)
  added "$BEFORE/mounts" "$now/mounts" | awk -v w="$W" 'index($1, w) == 1 || index($1, "/run/netns") == 1 {print $1}' \
    | sort -r | while read -r line; do umount -l "$line" 2>/dev/null || true; done
  added "$BEFORE/netns" "$now/netns" | while read -r line; do ip netns del "$line" 2>/dev/null || true; done
  added "$BEFORE/cgroups" "$now/cgroups" | while read -r line; do
    find "$line" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
  while IFS='=' read -r t line; do [ -z "$line" ] || sysctl -qw "$t=$line" >/dev/null 2>&1 || true; done < "$BEFORE/sysctls"
  # only what did not exist before the run (a package's own directories, e.g. podman's /etc/cni/net.d, stay)
  added "$BEFORE/paths" "$now/paths" | while read -r line; do rm -rf "$line"; done
  rm -rf "$now"
}

# what this run can leave: its temp dir, the anchors' names and address pools, its jcompose's chain prefix,
# cgroup parent and bridges (jc- + sha256 of the network's name, as dev.jcompose.bridge.LinkNames names them)
LEAKS="$W|[<>] /run/netns|DOCKER|NETAVARK|CNI-|PODMAN|10\.213\.|10\.214\.|docker|podman|br-[0-9a-f]+|veth|libpod"
LEAKS+="|aardvark|netavark|JB${TAG^^}|jcbench-$TAG"
for p in chain run fifty; do LEAKS+="|jc-$(printf '%s' "jcb$TAG${p}_default" | sha256sum | cut -c1-10)"; done
compare_host() { # prints what differs from the snapshot; fails when anything of this run's is left
  local after=$W.after f name diffs ours theirs bad=0
  snapshot "$after"
  for f in "$BEFORE"/*; do
    name=${f##*/}
    diffs=$(diff "$f" "$after/$name" | grep '^[<>]' || true)
    [ -n "$diffs" ] || continue
    case $name in
      sysctls | paths | daemons | processes) ours=$diffs theirs="" ;;
      *) ours=$(grep -E "$LEAKS" <<< "$diffs" || true) theirs=$(grep -vE "$LEAKS" <<< "$diffs" || true) ;;
    esac
    if [ -n "$ours" ]; then
      printf 'bench/compare.sh: LEFT ON THE HOST (%s; < before, > after):\n%s\n' "$name" "$ours" >&2
      bad=1
    fi
    [ -z "$theirs" ] || printf 'bench/compare.sh: changed meanwhile, not by this run (%s):\n%s\n' "$name" "$theirs" >&2
  done
  rm -rf "$after"
  return $bad
}

# ---------------------------------------------------------------- the three tools, privately
JC_ENV=(JCOMPOSE_DATA_ROOT="$W/jc/data" JCOMPOSE_RUN_ROOT="$W/jc/run" JCOMPOSE_CGROUP_PARENT="jcbench-$TAG"
  JCOMPOSE_CHAIN_PREFIX="JB${TAG^^}")
JC=(env "${JC_ENV[@]}" "$ROOT/bin/jcompose" --progress quiet)
DOCKER_ENV=(DOCKER_HOST="unix://$W/docker/docker.sock" DOCKER_CONFIG="$W/docker/cli")
DC=(env "${DOCKER_ENV[@]}" docker-compose --ansi never)
DK=(env "${DOCKER_ENV[@]}" "$DOCKER_BIN")
PODMAN_ENV=(CONTAINERS_CONF="$W/podman/containers.conf" CONTAINERS_STORAGE_CONF="$W/podman/storage.conf"
  CONTAINERS_REGISTRIES_CONF="$W/podman/registries.conf")
PC=(env "${PODMAN_ENV[@]}" podman-compose)
PM=(env "${PODMAN_ENV[@]}" podman)

wait_for() { # DEADLINE_SECONDS WHAT COMMAND...: polls until the command succeeds
  local end=$(( $(date +%s) + $1 )) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || { echo "bench/compare.sh: timed out waiting for $what" >&2; return 1; }
    sleep 0.02
  done
}

stop_pid() { # PIDFILE|PID NAME: TERM, then KILL after 30 s
  local pid=$1
  [ -f "$pid" ] && pid=$(cat "$pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait_for 30 "$2 to exit" sh -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
}

REGISTRY_PID=""
cleanup() {
  local rc=$? p
  set +e
  trap '' INT TERM
  echo "bench/compare.sh: cleaning up (exit $rc)..." >&2
  if [ -d "$W/jc" ]; then
    for p in "jcb${TAG}chain" "jcb${TAG}run" "jcb${TAG}fifty"; do
      timeout 120 "${JC[@]}" -p "$p" down >/dev/null 2>&1 9>&-
    done
    p=$(cat "$W/jc/run/engine/engine.pid" 2>/dev/null)
    timeout 60 "${JC[@]}" engine stop >/dev/null 2>&1 9>&-
    stop_pid "$p" "the jcompose engine"
    # the anchors' chains stay by design (removed below); jcompose's should be gone with its networks
    if { iptables-save; ip6tables-save; } 2>/dev/null | grep -q "JB${TAG^^}"; then
      echo "bench/compare.sh: jcompose left iptables chains or rules (JB${TAG^^}*); removing them" >&2
      rc=1
    fi
  fi
  if [ -S "$W/docker/docker.sock" ]; then
    for p in chain fifty; do
      timeout 120 "${DC[@]}" -p "jcb${TAG}$p" -f "$W/docker-$p.yaml" down >/dev/null 2>&1
    done
    "${DK[@]}" ps -aq | xargs -r timeout 60 "${DK[@]}" rm -f >/dev/null 2>&1
    timeout 60 "${DK[@]}" network prune -f >/dev/null 2>&1
  fi
  stop_pid "$W/docker/dockerd.pid" dockerd
  if [ -f "$W/podman/containers.conf" ]; then
    timeout 120 "${PM[@]}" rm -af -t 1 >/dev/null 2>&1
    timeout 60 "${PM[@]}" pod rm -af >/dev/null 2>&1
    timeout 60 "${PM[@]}" network prune -f >/dev/null 2>&1
  fi
  stop_pid "$REGISTRY_PID" docker-registry
  # whatever still runs from the temp dir (conmon, aardvark-dns, shims) would keep mounts busy
  for p in $(ps -eo pid=,args= | grep -F "$W" | grep -v -e grep -e compare.sh | awk '{print $1}'); do
    echo "bench/compare.sh: killing leftover process $p: $(ps -o args= -p "$p")" >&2
    kill -KILL "$p" 2>/dev/null
  done
  restore_host
  rm -rf "$W"
  if compare_host; then
    echo "bench/compare.sh: the host is as it was before the run" >&2
  else
    rc=1
  fi
  rm -rf "$BEFORE"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r -a PORTS <<< "$(python3 -c '
import socket
s = [socket.socket() for _ in range(10)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')"

echo "== setting up in $W (jcompose, dockerd, podman, registry on 127.0.0.1:${PORTS[9]})" >&2
# the registry
mkdir -p "$W/registry/storage"
cat > "$W/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $W/registry/storage
http:
  addr: 127.0.0.1:${PORTS[9]}
  secret: jcompose-bench
EOF
docker-registry serve "$W/registry/config.yml" > "$LOGS/registry.log" 2>&1 9>&- &
REGISTRY_PID=$!
REG=127.0.0.1:${PORTS[9]}
wait_for 20 "the registry on $REG" curl -fsS "http://$REG/v2/"

# dockerd
mkdir -p "$W/docker/cli"
echo '{}' > "$W/docker/daemon.json"   # not /etc/docker/daemon.json
dockerd --config-file "$W/docker/daemon.json" --data-root "$W/docker/data" --exec-root "$W/docker/exec" \
  --pidfile "$W/docker/dockerd.pid" -H "unix://$W/docker/docker.sock" --bip 10.213.0.1/24 \
  --default-address-pool base=10.213.16.0/20,size=24 --storage-driver overlay2 --log-level warn \
  > "$LOGS/dockerd.log" 2>&1 9>&- &
wait_for 60 "dockerd" "${DK[@]}" version

# podman
mkdir -p "$W/podman"
cat > "$W/podman/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$W/podman/root"
runroot = "$W/podman/run"
EOF
NPROC=$(ulimit -Hu); [ "$NPROC" != unlimited ] && [ "$NPROC" -le 32768 ] || NPROC=32768
cat > "$W/podman/containers.conf" <<EOF
[containers]
log_driver = "k8s-file"
# podman asks for nofile 1048576 and nproc 4194304, above this VM's hard limits (root lacks CAP_SYS_RESOURCE
# here): runc then fails ("error setting rlimit type 7", or 6). The host's hard nofile instead, and an nproc
# within the 32768 podman leaves conmon (and so runc) with.
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=$NPROC:$NPROC"]
[network]
network_backend = "netavark"
network_config_dir = "$W/podman/networks"
default_subnet = "10.214.0.0/24"
default_subnet_pools = [{"base" = "10.214.16.0/20", "size" = 24}]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$W/podman/events.log"
runtime = "runc"
tmp_dir = "$W/podman/tmp"
static_dir = "$W/podman/root/libpod"
volume_path = "$W/podman/root/volumes"
EOF
cat > "$W/podman/registries.conf" <<EOF
unqualified-search-registries = []
short-name-mode = "permissive"
[[registry]]
location = "$REG"
insecure = true
EOF

# the image: jcompose's busybox:1.36 -> registry -> docker, podman
"${JC[@]}" version >/dev/null 9>&-   # builds the CLI if needed
# From here on jcompose runs as installed: the distribution's launcher over the jars just built, as the
# tarball unpacks them (the development launcher adds its rebuild check, one `find` over the sources,
# ~10 ms a command; bench/cli-start.sh measures both).
read -r JC_LIB <"$ROOT/.jcompose/lib/current"
JC=(env "${JC_ENV[@]}" JCOMPOSE_LIB_DIR="$JC_LIB" "$ROOT/orchestrator/cli/src/dist/bin/jcompose" --progress quiet)
(export "${JC_ENV[@]}"; jc_busybox_image "$ROOT/bin/jcompose" >/dev/null 9>&-)
python3 - "$W/jc/data" "$W/oci" <<'PY'
# an OCI layout of jcompose's busybox:1.36 (the store keeps OCI blobs under content/blobs/<alg>/<hex>)
import json, os, shutil, sys
data, out = sys.argv[1], sys.argv[2]
digest = json.load(open(f"{data}/images/index.json"))["images"]["docker.io/library/busybox:1.36"]["manifest"]
blobs = f"{data}/content/blobs"
def blob(d):
    alg, hex_ = d.split(":")
    os.makedirs(f"{out}/blobs/{alg}", exist_ok=True)
    shutil.copy(f"{blobs}/{alg}/{hex_}", f"{out}/blobs/{alg}/{hex_}")
    return f"{blobs}/{alg}/{hex_}"
manifest = json.load(open(blob(digest)))
for d in [manifest["config"]] + manifest["layers"]:
    blob(d["digest"])
json.dump({"imageLayoutVersion": "1.0.0"}, open(f"{out}/oci-layout", "w"))
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": manifest["mediaType"], "digest": digest,
    "size": os.path.getsize(f"{blobs}/{digest.replace(':', '/')}"),
    "annotations": {"org.opencontainers.image.ref.name": "1.36"}}]}, open(f"{out}/index.json", "w"))
PY
skopeo copy -q --dest-tls-verify=false "oci:$W/oci:1.36" "docker://$REG/busybox:1.36"
"${DK[@]}" pull -q "$REG/busybox:1.36" >/dev/null
"${DK[@]}" tag "$REG/busybox:1.36" busybox:1.36
"${PM[@]}" pull -q "$REG/busybox:1.36" >/dev/null 9>&-
"${PM[@]}" tag "$REG/busybox:1.36" docker.io/library/busybox:1.36 9>&-

# ---------------------------------------------------------------- the stacks (same files, own ports)
HTTPD="echo ok > /var/www/index.html; trap 'exit 0' TERM; httpd -f -p 80 -h /var/www & wait"
write_stacks() { # TOOL FIRST_PORT_INDEX
  local f=$W/$1-chain.yaml s prev="" i=$2
  echo "services:" > "$f"
  for s in a b c; do
    printf '  %s:\n    image: busybox:1.36\n    command: ["sh", "-c", "%s"]\n    ports: ["127.0.0.1:%s:80"]\n' \
      "$s" "$HTTPD" "${PORTS[$i]}" >> "$f"
    [ -z "$prev" ] || printf '    depends_on: [%s]\n' "$prev" >> "$f"
    prev=$s; i=$((i + 1))
  done
  f=$W/$1-fifty.yaml
  echo "services:" > "$f"
  for i in $(seq -w 1 50); do
    printf '  s%s:\n    image: busybox:1.36\n    command: ["sh", "-c", "trap '"'exit 0'"' TERM; sleep 3600 & wait"]\n' \
      "$i" >> "$f"
  done
  printf 'services:\n  t:\n    image: busybox:1.36\n' > "$W/$1-run.yaml"
}
write_stacks jcompose 0
write_stacks docker 3
write_stacks podman 6
chain_ports() { case $1 in jcompose) echo "${PORTS[@]:0:3}" ;; docker) echo "${PORTS[@]:3:3}" ;; podman) echo "${PORTS[@]:6:3}" ;; esac; }

compose() { # TOOL STACK ARGS...: the tool's compose command on one of its stacks
  local tool=$1 stack=$2
  shift 2
  case $tool in
    jcompose) "${JC[@]}" -p "jcb${TAG}$stack" -f "$W/$tool-$stack.yaml" "$@" ;;
    docker) "${DC[@]}" -p "jcb${TAG}$stack" -f "$W/$tool-$stack.yaml" "$@" ;;
    podman) "${PC[@]}" -p "jcb${TAG}$stack" -f "$W/$tool-$stack.yaml" "$@" ;;
  esac
}
answers() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }
up_chain() { # up -d, then until each port answers
  local p
  compose "$1" chain up -d || return
  for p in $(chain_ports "$1"); do wait_for "$ANSWER_TIMEOUT" "127.0.0.1:$p" answers "$p" || return; done
}
version() {
  case $1 in
    jcompose) "${JC[@]}" version ;;
    docker) "${DC[@]}" version ;;
    podman) "${PC[@]}" version ;;
  esac
}
one_off() {
  case $1 in
    jcompose) compose jcompose run run --rm t true ;;
    docker) "${DK[@]}" run --rm busybox:1.36 true ;;
    podman) "${PM[@]}" run --rm busybox:1.36 true ;;
  esac
}

FAILED=0
declare -A T   # "row|tool" -> space-separated ms
measure() { # ROW TOOL COMMAND...: one timed sample; a failure is logged, counted and not a time
  local row=$1 tool=$2 s e log
  shift 2
  log="$LOGS/$tool-$(echo "$row" | tr -c 'a-z0-9' '_').log"
  s=$(date +%s%N)
  if timeout -k 5 "$STEP_TIMEOUT" "$@" >> "$log" 2>&1 9>&-; then
    e=$(date +%s%N)
    T["$row|$tool"]+="$(( (e - s) / 1000000 )) "
  else
    echo "bench/compare.sh: FAILED ($tool, $row): ${*:5}; last lines of its log ($log):" >&2
    tail -n 15 "$log" >&2
    T["$row|$tool|failed"]+="x"
    FAILED=$((FAILED + 1))
  fi
}
# `timeout` runs programs, not shell functions: run them through this script's functions via bash -c
export -f compose up_chain version one_off wait_for answers chain_ports
export W TAG ANSWER_TIMEOUT
EXPORTS=$(declare -p JC DC DK PC PM PORTS)
FN=(bash -c "$EXPORTS; \"\$@\"" fn)

cycle() { # TOOL COUNTED?
  local t=$1
  measure "version" "$t" "${FN[@]}" version "$t"
  measure "up" "$t" "${FN[@]}" up_chain "$t"
  measure "ps" "$t" "${FN[@]}" compose "$t" chain ps
  measure "noop" "$t" "${FN[@]}" compose "$t" chain up -d
  measure "down" "$t" "${FN[@]}" compose "$t" chain down
  measure "run" "$t" "${FN[@]}" one_off "$t"
  [ "$2" = counted ] && [ "${BENCH_FIFTY:-1}" = 1 ] || return 0
  measure "up50" "$t" "${FN[@]}" compose "$t" fifty up -d
  measure "down50" "$t" "${FN[@]}" compose "$t" fifty down
}
TOOLS=(jcompose docker podman)
echo "== warm-up round, not counted ($(date -u +%H:%M:%S))" >&2
for t in "${TOOLS[@]}"; do cycle "$t" warmup; done
unset T; declare -A T
FAILED=0
for c in $(seq "$N"); do
  echo "== cycle $c/$N ($(date -u +%H:%M:%S))" >&2
  measure "java" java "$JAVA_HOME/bin/java" -version
  for i in 0 1 2; do cycle "${TOOLS[$(( (c + i) % 3 ))]}" counted; done
done

# ---------------------------------------------------------------- the table
median() { printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }
cell() { # ROW TOOL
  local m f=${T["$1|$2|failed"]:-}
  m=$(median "${T["$1|$2"]:-}")
  if [ -z "$m" ]; then echo "failed"; elif [ -n "$f" ]; then echo "$m ms (${#f} failed)"; else echo "$m ms"; fi
}
ratio() { local a b; a=$(median "${T["$1|jcompose"]:-}"); b=$(median "${T["$1|docker"]:-}")
  [ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2fx", a / b}' || echo "-"; }
JAVA_MS=$(median "${T["java|java"]:-}")
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg); N=$N, medians"
echo "(jcompose $(git -C "$ROOT" rev-parse --short HEAD); docker-compose $(dpkg-query -W -f='${Version}' docker-compose)," \
  "docker.io $(dpkg-query -W -f='${Version}' docker.io); podman-compose $(dpkg-query -W -f='${Version}' podman-compose)," \
  "podman $(dpkg-query -W -f='${Version}' podman); runc $(dpkg-query -W -f='${Version}' runc))"
echo
echo "| command | jcompose | docker-compose | podman-compose | ratio jcompose/docker | goal |"
echo "|---|---|---|---|---|---|"
row() { [ -n "${T["$2|jcompose"]:-}${T["$2|jcompose|failed"]:-}" ] || return 0 # rows not measured (BENCH_FIFTY=0)
  echo "| $1 | $(cell "$2" jcompose) | $(cell "$2" docker) | $(cell "$2" podman) | $(ratio "$2") | $3 |"; }
row '`up -d` until the 3 ports answer' up '<= 0.25x'
row '`down`' down '<= 0.25x'
row '`ps` while up' ps '<= 0.1x'
row '`run --rm t true` (docker/podman: `run --rm IMAGE true`)' run '<= 0.33x'
row '`version`' version "<= 1.5x \`java -version\` (${JAVA_MS:-?} ms: <= $(( ${JAVA_MS:-0} * 3 / 2 )) ms)"
row 'no-op `up -d`, 3 services' noop '<= 150 ms'
row '`up -d`, 50 services' up50 'sub-linear in services'
row '`down`, 50 services' down50 '-'
echo "| \`java -version\` | ${JAVA_MS:-?} ms | | | | |"
[ "$FAILED" -eq 0 ] || { echo "bench/compare.sh: $FAILED commands failed (above); their times are not in the table" >&2; exit 1; }
