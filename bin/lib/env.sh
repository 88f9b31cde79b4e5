# Sourced by mvnw and the bin/ scripts: finds a JDK >= 21 and installs missing host packages.
# Functions only; nothing runs on source.

# Sets JC_MAJOR to the major version of the JDK at $1, or empty. A variable, not output: the launcher
# runs this on every command, and each fork (a $(...) is one) costs milliseconds.
jc_read_java_major() {
  local line
  JC_MAJOR=""
  # the JDK's release file answers without starting a JVM (~50 ms each), read with bash alone
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      case $line in JAVA_VERSION=*) JC_MAJOR=${line#JAVA_VERSION=\"}; JC_MAJOR=${JC_MAJOR%%[.\"]*}; break ;; esac
    done <"$1/release"
  fi
  [ -n "$JC_MAJOR" ] || JC_MAJOR=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -1)
}

jc_java_major() { # $1 = JAVA_HOME; prints the major version or nothing
  jc_read_java_major "$1"
  [ -n "$JC_MAJOR" ] && echo "$JC_MAJOR"
}

# Exports JAVA_HOME pointing at a JDK >= 21: the caller's JAVA_HOME if it qualifies, else the
# newest under /usr/lib/jvm. Fails with a hint if there is none.
jc_select_jdk() {
  local best="" best_major=0 candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    jc_read_java_major "$JAVA_HOME"
    if [ "${JC_MAJOR:-0}" -ge 21 ]; then export JAVA_HOME; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    jc_read_java_major "$candidate"
    if [ "${JC_MAJOR:-0}" -ge 21 ] && [ "$JC_MAJOR" -gt "$best_major" ]; then best=$candidate; best_major=$JC_MAJOR; fi
  done
  if [ -z "$best" ]; then
    echo "jcompose: no JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm has none)." >&2
    echo "  hint: install one (e.g. apt-get install openjdk-21-jdk-headless where available) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

JC_APT_UPDATED=0
# Installs the named Debian packages that are missing. Needs root; without root it only reports.
jc_apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "jcompose: missing packages: ${missing[*]} (run as root, or: apt-get install ${missing[*]})" >&2
    return 1
  fi
  if [ "$JC_APT_UPDATED" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    JC_APT_UPDATED=1
  fi
  echo "jcompose: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Maven >= 3.8 on PATH, installed from Debian's packages if absent.
jc_require_maven() {
  command -v mvn >/dev/null 2>&1 || jc_apt_install maven || return 1
  local v
  v=$(mvn -B -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -1)
  set -- $v
  if [ "${1:-0}" -lt 3 ] || { [ "${1:-0}" -eq 3 ] && [ "${2:-0}" -lt 8 ]; }; then
    echo "jcompose: Maven >= 3.8 needed, found: ${v:-none}" >&2
    return 1
  fi
}

# Host programs the root (kernel) tests and the runtime need, from Debian's packages.
# docker-registry serves test images on 127.0.0.1; busybox-static is the base of test images.
JC_HOST_PACKAGES="runc crun conmon iptables iproute2 busybox-static docker-registry tini catatonit openssl skopeo umoci python3"
