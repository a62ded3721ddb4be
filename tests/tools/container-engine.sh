#!/usr/bin/env bash
# The container engine of the tests, for machines without a Docker engine: Debian's podman with
# runc, serving the Docker API that Testcontainers speaks on a socket of this test run only.
#
#   container-engine.sh setup            install podman + runc (apt-get) when missing and write the
#                                        engine settings this host needs (see engine_settings)
#   container-engine.sh start OWNER_PID  setup, then start `podman system service` on a private
#                                        socket for the process OWNER_PID and print its DOCKER_HOST;
#                                        a watcher stops it once OWNER_PID is gone
#   container-engine.sh stop OWNER_PID   remove the containers of OWNER_PID, stop its service
#   container-engine.sh sweep            the same for every owner that is gone
#
# The test fixtures run `start` themselves when Testcontainers finds no Docker API (DOCKER_HOST, the
# Docker socket), so `./mvnw verify` needs no manual step. The watcher does what Testcontainers'
# reaper (Ryuk) does elsewhere: when the test JVM ends, however it ends (SIGKILL included), the
# containers labelled with its pid are removed and the service stops. A machine with a Docker
# engine is used as it is: nothing here runs, nothing of Docker's is touched.
#
# A socket per test JVM, not the shared /run/podman/podman.sock: several test runs on one machine
# (worktrees, CI next to a developer) each start and stop their own without stopping another's, and
# a developer's own podman service or socket unit is never touched. The containers, images and
# storage are podman's usual ones (`podman ps -a` shows the test containers while they run).
set -euo pipefail

STATE_DIR=${GITFOUNDRY_ENGINE_DIR:-${TMPDIR:-/tmp}/gitfoundry-engine}
CONF_DIR=/etc/containers/containers.conf.d
CONF_FILE=$CONF_DIR/50-gitfoundry-tests.conf
# Containers the fixtures create carry this label with the pid of the JVM that owns them.
OWNER_LABEL=dev.gitfoundry.tests.owner

log() { echo "[container-engine] $*" >&2; }
fail() { echo "[container-engine] ERROR: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

install_podman() {
  command -v podman >/dev/null && command -v runc >/dev/null && return
  command -v apt-get >/dev/null ||
    fail "podman and runc are missing and there is no apt-get: install them, or start a Docker engine (or set DOCKER_HOST)"
  log "installing podman and runc with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc >&2
}

# Only what this host needs, each for a reason podman would otherwise fail with:
#  - crun (Debian's default runtime) refuses hybrid cgroups ("cgroups in hybrid mode not
#    supported"): runc where the cgroup hierarchy is not the unified v2 one;
#  - the systemd cgroup manager needs systemd as init: cgroupfs where it is not;
#  - podman raises RLIMIT_NOFILE to 1048576 by default, refused where the hard limit is lower
#    (sandboxes, CI containers): no default ulimits there.
engine_settings() {
  local containers=() engine=()
  if [ "$(stat -fc %T /sys/fs/cgroup/ 2>/dev/null)" != cgroup2fs ]; then
    engine+=('runtime = "runc"')
  fi
  if [ ! -d /run/systemd/system ]; then
    engine+=('cgroup_manager = "cgroupfs"')
  fi
  local hard
  hard=$(ulimit -Hn)
  if [ "$hard" != unlimited ] && [ "$hard" -lt 1048576 ]; then
    containers+=('default_ulimits = []')
  fi
  [ ${#containers[@]} -eq 0 ] && [ ${#engine[@]} -eq 0 ] && return
  echo "# Written by Gitfoundry's tests/tools/container-engine.sh: what podman needs on this host."
  echo "# Delete this file to undo; nothing else of the engine configuration was changed."
  if [ ${#containers[@]} -gt 0 ]; then
    echo "[containers]"
    printf '%s\n' "${containers[@]}"
  fi
  if [ ${#engine[@]} -gt 0 ]; then
    echo "[engine]"
    printf '%s\n' "${engine[@]}"
  fi
}

# A drop-in file of its own, so that an existing containers.conf is left as it is.
configure_podman() {
  local wanted
  wanted=$(engine_settings)
  if [ -z "$wanted" ]; then
    return
  fi
  if [ -f "$CONF_FILE" ] && [ "$(cat "$CONF_FILE")" = "$wanted" ]; then
    return
  fi
  log "writing $CONF_FILE"
  as_root mkdir -p "$CONF_DIR"
  printf '%s\n' "$wanted" | as_root tee "$CONF_FILE" >/dev/null
}

setup() {
  install_podman
  configure_podman
}

socket_of() { echo "$STATE_DIR/podman-$1.sock"; }
pidfile_of() { echo "$STATE_DIR/podman-$1.pid"; }

# Pids are reused, quickly on a busy machine (threads take them too, and a signal to a thread's id
# reaches its whole process): a pid is signalled only while it is provably this service, and an
# owner is alive only while its pid has the start time recorded with it.
started_at() { [ -r "/proc/$1/stat" ] && sed -E 's/^.*\) //' "/proc/$1/stat" | cut -d' ' -f20; }
owner_alive() { [ -n "$2" ] && [ "$(started_at "$1" 2>/dev/null)" = "$2" ]; }
is_service() { # pid socket
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] &&
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "system service --time=0 unix://$2"
}
# The pidfile holds "<service pid> <owner start time>".
service_pid() { [ -f "$1" ] && cut -d' ' -f1 "$1"; }
owner_start() { [ -f "$1" ] && cut -d' ' -f2 "$1"; }

start() {
  local owner=$1 socket pidfile started
  setup
  mkdir -p "$STATE_DIR"
  sweep
  started=$(started_at "$owner") || true
  [ -n "$started" ] || fail "no process $owner to start the service for"
  socket=$(socket_of "$owner")
  pidfile=$(pidfile_of "$owner")
  if is_service "$(service_pid "$pidfile")" "$socket" && answers "$socket"; then
    echo "unix://$socket"
    return
  fi
  rm -f "$socket"
  # --time=0: no idle timeout, the watcher stops it. setsid: a Ctrl-C in a terminal reaches the
  # JVM, not the service.
  setsid podman system service --time=0 "unix://$socket" \
    >"$STATE_DIR/podman-$owner.log" 2>&1 </dev/null &
  echo "$! $started" >"$pidfile"
  setsid bash "${BASH_SOURCE[0]}" watch "$owner" "$started" \
    >>"$STATE_DIR/podman-$owner.log" 2>&1 </dev/null &
  local waited=0
  until answers "$socket"; do
    is_service "$(service_pid "$pidfile")" "$socket" ||
      fail "podman system service exited: $(tail -n 20 "$STATE_DIR/podman-$owner.log")"
    [ $waited -lt 300 ] || fail "podman system service did not answer on $socket within 30 s"
    sleep 0.1
    waited=$((waited + 1))
  done
  log "Docker API of podman $(podman version --format '{{.Server.Version}}' 2>/dev/null) on unix://$socket for pid $owner"
  echo "unix://$socket"
}

answers() { [ -S "$1" ] && curl -fsS --max-time 2 --unix-socket "$1" http://d/_ping >/dev/null 2>&1; }

# Waits for the owner to end, then cleans up after it.
watch() {
  local owner=$1 started=$2
  while owner_alive "$owner" "$started"; do sleep 1; done
  stop "$owner"
}

stop() {
  local owner=$1 pidfile pid socket
  # Through the CLI, not the service: it works whether or not the service still runs.
  podman ps -a -q --filter "label=$OWNER_LABEL=$owner" | xargs -r podman rm -f >/dev/null 2>&1 || true
  pidfile=$(pidfile_of "$owner")
  socket=$(socket_of "$owner")
  pid=$(service_pid "$pidfile") || true
  if is_service "$pid" "$socket"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do is_service "$pid" "$socket" || break; sleep 0.1; done
    if is_service "$pid" "$socket"; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$pidfile" "$socket" "$STATE_DIR/podman-$owner.log"
}

# What a JVM killed with SIGKILL leaves behind: its service and its containers.
sweep() {
  local pidfile owner
  for pidfile in "$STATE_DIR"/podman-*.pid; do
    [ -f "$pidfile" ] || continue
    owner=${pidfile##*/podman-}
    owner=${owner%.pid}
    owner_alive "$owner" "$(owner_start "$pidfile")" ||
      { log "stopping the service of gone pid $owner"; stop "$owner"; }
  done
  command -v podman >/dev/null || return 0
  local id pid
  while read -r id pid; do
    [ -n "$id" ] || continue
    [ -d "/proc/$pid" ] && continue
    log "removing container $id of gone pid $pid"
    podman rm -f "$id" >/dev/null 2>&1 || true
  done < <(podman ps -a --filter "label=$OWNER_LABEL" --format "{{.ID}} {{index .Labels \"$OWNER_LABEL\"}}")
}

main() {
  case "${1:-}" in
    setup) setup ;;
    start) [ $# -eq 2 ] || fail "usage: $0 start OWNER_PID"; start "$2" ;;
    stop) [ $# -eq 2 ] || fail "usage: $0 stop OWNER_PID"; stop "$2" ;;
    watch) watch "$2" "$3" ;;
    sweep) mkdir -p "$STATE_DIR"; sweep ;;
    *) fail "usage: $0 setup | start OWNER_PID | stop OWNER_PID | sweep" ;;
  esac
}

main "$@"
