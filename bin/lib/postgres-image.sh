# Sourced (after env.sh): jc_postgres_image [JCOMPOSE] makes sure the image jcompose-samples/postgres:15
# is in jcompose's image store: PostgreSQL 15 from Debian bookworm's packages, the offline stand-in for
# Docker Hub's postgres:15 (same POSTGRES_USER / POSTGRES_PASSWORD[_FILE] / POSTGRES_DB /
# POSTGRES_HOST_AUTH_METHOD / POSTGRES_INITDB_ARGS variables, same PGDATA, same
# /docker-entrypoint-initdb.d/*.sql|*.sh scripts run once on a new data directory).
#
# The root filesystem comes from debootstrap and Debian's mirror only (never a registry). The tarball
# is cached as $JC_IMAGE_CACHE/postgres-15-<arch>-<key>.tar.gz, the key a hash of this file: the first
# run on a machine builds it (minutes), later runs only import it (seconds), and editing this file
# makes the next run build a new one. Needs root (debootstrap, chroot, the image store).
#   JC_IMAGE_CACHE    cache directory (default /var/cache/jcompose/images)
#   JC_DEBIAN_MIRROR  Debian mirror (default: the first .../debian URI in this host's apt sources)
# Functions only; nothing runs on source.

JC_POSTGRES_IMAGE=jcompose-samples/postgres:15

jc_postgres_image() {
  local jc=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/bin/jcompose}
  local cache=${JC_IMAGE_CACHE:-/var/cache/jcompose/images} key tar
  key=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
  tar="$cache/postgres-15-$(dpkg --print-architecture)-$key.tar.gz"
  mkdir -p "$cache" || return 1
  # one builder per machine: a second run waits, then finds the tarball (and the image) there
  (
    flock 9
    if [ -f "$tar.id" ] && _jc_postgres_image_present "$jc" "$(cat "$tar.id")"; then
      echo "jcompose: $JC_POSTGRES_IMAGE is up to date" >&2
      exit 0
    fi
    if [ ! -f "$tar" ]; then
      _jc_postgres_rootfs_tar "$tar" || exit 1
      # older builds of this script are of no further use
      find "$cache" -maxdepth 1 -name 'postgres-15-*' ! -name "$(basename "$tar")*" -delete
    fi
    _jc_postgres_image_import "$jc" "$tar" > "$tar.id.tmp" && mv -f "$tar.id.tmp" "$tar.id"
  ) 9>"$cache/.postgres-15.lock"
}

# The store holds NAME:15 with the id this tarball imports as (import is deterministic: same
# tarball and changes, same id), so an image imported from an older build does not count.
_jc_postgres_image_present() { # $1 = jcompose, $2 = image id from the last import
  local short=${2#sha256:}
  "$1" image ls | awk -v name="${JC_POSTGRES_IMAGE%:*}" -v tag="${JC_POSTGRES_IMAGE##*:}" -v id="${short:0:12}" \
    '$1 == name && $2 == tag && $3 == id {found = 1} END {exit !found}'
}

_jc_postgres_image_import() { # $1 = jcompose, $2 = tarball; prints the image id
  echo "jcompose: importing $2 as $JC_POSTGRES_IMAGE" >&2
  # No USER: the entrypoint starts as root to hand the data directory (a fresh volume or bind
  # mount is root's) to postgres, then drops to it. STOPSIGNAL is not an import instruction:
  # the sample sets stop_signal: SIGINT (fast shutdown) in compose.yaml.
  "$1" image import \
    --change 'ENTRYPOINT ["/usr/local/bin/jcompose-postgres-entrypoint"]' \
    --change 'CMD ["postgres"]' \
    --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'ENV LANG=C.UTF-8' \
    "$2" "$JC_POSTGRES_IMAGE" > "$2.import.tmp" || { rm -f "$2.import.tmp"; return 1; }
  tail -1 "$2.import.tmp"
  rm -f "$2.import.tmp"
}

# The Debian mirror this host's apt uses (deb.debian.org when none is found).
_jc_debian_mirror() {
  if [ -n "${JC_DEBIAN_MIRROR:-}" ]; then echo "$JC_DEBIAN_MIRROR"; return; fi
  local m
  m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -v '^[[:space:]]*#' | grep -oE 'https?://[^[:space:]]*/debian/?([[:space:]]|$)' | head -1 | tr -d '[:space:]')
  echo "${m:-http://deb.debian.org/debian}"
}

# Unmounts what debootstrap may have left mounted under $1 (it mounts proc and sys in the target),
# then removes $1 without crossing into any other file system.
_jc_postgres_rootfs_clean() {
  local m
  findmnt -rn -o TARGET | awk -v d="$1/" 'index($0, d) == 1' | sort -r | while read -r m; do
    umount -l "$m" || true
  done
  rm -rf --one-file-system "$1"
}

_jc_postgres_rootfs_tar() { # $1 = tarball to write
  local out=$1 dir mirror start=$SECONDS
  jc_apt_install debootstrap || return 1
  mirror=$(_jc_debian_mirror)
  dir=$(mktemp -d "$(dirname "$out")/.rootfs.XXXXXX") || return 1
  chmod 0755 "$dir" # it becomes the container's /, which every user must traverse
  echo "jcompose: building $JC_POSTGRES_IMAGE: debootstrap bookworm from $mirror (a few minutes, once)" >&2
  if ! debootstrap --variant=minbase --include=postgresql-15 bookworm "$dir" "$mirror" > "$dir.log" 2>&1 \
    || ! _jc_postgres_rootfs_trim "$dir" >> "$dir.log" 2>&1; then
    tail -20 "$dir.log" >&2
    echo "jcompose: building $JC_POSTGRES_IMAGE failed (log: $dir.log)" >&2
    _jc_postgres_rootfs_clean "$dir"
    return 1
  fi
  _jc_postgres_entrypoint > "$dir/usr/local/bin/jcompose-postgres-entrypoint"
  chmod 0755 "$dir/usr/local/bin/jcompose-postgres-entrypoint"
  # device nodes are the runtime's to make; the runtime mounts proc and sys
  tar --numeric-owner --sort=name -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . \
    | gzip -n > "$out.tmp" && mv -f "$out.tmp" "$out"
  local rc=$?
  _jc_postgres_rootfs_clean "$dir"
  rm -f "$dir.log" "$out.tmp"
  [ $rc -eq 0 ] && echo "jcompose: built $out ($(du -h "$out" | cut -f1), $((SECONDS - start)) s)" >&2
  return $rc
}

# What a database container needs of the installed system, minus what it does not.
_jc_postgres_rootfs_trim() { # $1 = rootfs
  local r=$1
  # LLVM is only JIT compilation (half the size): without it the entrypoint turns jit off
  chroot "$r" dpkg --purge --force-depends libllvm14 libz3-4 || return 1
  rm -f "$r"/usr/lib/postgresql/15/lib/llvmjit*
  rm -rf "$r"/usr/lib/postgresql/15/lib/bitcode
  # postgresql-common's postinst made a cluster the image does not use (PGDATA is set instead)
  rm -rf "$r"/var/lib/postgresql/15 "$r"/etc/postgresql/15
  rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/* "$r"/var/cache/debconf/*-old "$r"/var/log/*
  rm -rf "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/locale/*
  rm -rf "$r"/usr/share/i18n/charmaps/* "$r"/usr/share/i18n/locales/*
  # the data directory, owned by postgres, so an empty named volume mounted there is seeded with it
  chroot "$r" install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/data \
    && chroot "$r" install -d -o postgres -g postgres -m 2775 /run/postgresql \
    && mkdir -p "$r"/docker-entrypoint-initdb.d
}

# The container's entrypoint (bash; written into the image as /usr/local/bin/jcompose-postgres-entrypoint).
_jc_postgres_entrypoint() {
  cat <<'ENTRYPOINT'
#!/bin/bash
# jcompose-samples/postgres entrypoint. With "postgres [ARGS]" (the default CMD) or only options:
# as root, hands $PGDATA to the postgres user and re-runs itself as postgres; then, when $PGDATA
# holds no cluster, makes one from POSTGRES_* (see below); then execs the server in the foreground,
# so it is the container's main process and gets its stop signal (SIGINT: fast shutdown, SIGTERM:
# waits for clients to disconnect). Anything else (sh, psql...) runs as given.
#   POSTGRES_USER (postgres)  POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE  POSTGRES_DB ($POSTGRES_USER)
#   POSTGRES_HOST_AUTH_METHOD (scram-sha-256 with a password; "trust" allows none)  POSTGRES_INITDB_ARGS
set -Eeuo pipefail
case ${1:-} in -*) set -- postgres "$@" ;; esac
[ "${1:-}" = postgres ] || exec "$@"
export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA"
  find "$PGDATA" ! -user postgres -exec chown postgres:postgres {} +
  chmod 0700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

fail() { echo "jcompose-postgres: $*" >&2; exit 1; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
    [ -r "$POSTGRES_PASSWORD_FILE" ] || fail "cannot read POSTGRES_PASSWORD_FILE $POSTGRES_PASSWORD_FILE"
    POSTGRES_PASSWORD=$(< "$POSTGRES_PASSWORD_FILE")
  fi
  password=${POSTGRES_PASSWORD:-}
  auth=${POSTGRES_HOST_AUTH_METHOD:-}
  if [ -z "$auth" ]; then
    [ -n "$password" ] || fail "no password: set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), or POSTGRES_HOST_AUTH_METHOD=trust to allow connections without one"
    auth=scram-sha-256
  fi
  pwfile=()
  if [ -n "$password" ]; then
    pwpath=$(mktemp)
    printf '%s\n' "$password" > "$pwpath"
    pwfile=(--pwfile="$pwpath")
  fi
  # shellcheck disable=SC2086
  initdb --username="$user" "${pwfile[@]}" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host="$auth" ${POSTGRES_INITDB_ARGS:-}
  [ ${#pwfile[@]} -eq 0 ] || rm -f "$pwpath"
  printf '\n# jcompose-postgres: clients on any address\nhost all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"
  # the image leaves LLVM out, so there is no JIT to use
  printf "\n# jcompose-postgres\nlisten_addresses = '*'\njit = off\n" >> "$PGDATA/postgresql.conf"

  # a server on the local socket only while the database and init scripts are made, so a TCP
  # readiness check (pg_isready -h 127.0.0.1) passes only once the real server is up
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start
  psql=(psql -X -q -v ON_ERROR_STOP=1 --username="$user")
  if [ "$db" != postgres ]; then
    "${psql[@]}" --dbname=postgres --set=db="$db" <<< 'CREATE DATABASE :"db";'
  fi
  shopt -s nullglob
  for f in /docker-entrypoint-initdb.d/*; do
    case $f in
      *.sql) echo "jcompose-postgres: running $f"; "${psql[@]}" --dbname="$db" -f "$f" ;;
      *.sh) echo "jcompose-postgres: running $f"; bash "$f" ;;
      *) echo "jcompose-postgres: ignoring $f (neither .sql nor .sh)" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "jcompose-postgres: database \"$db\" ready for user \"$user\""
fi
exec "$@"
ENTRYPOINT
}
