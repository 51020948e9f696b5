#!/usr/bin/env bash
# A real OpenStack Swift (Debian's packages) on 127.0.0.1, for opskit's StorageClient tests.
#
#   scripts/swift/swift-local.sh install          # apt-get install what is missing (root only)
#   scripts/swift/swift-local.sh start STATE_DIR  # start memcached + proxy/account/container/object
#   scripts/swift/swift-local.sh stop STATE_DIR   # stop everything started in STATE_DIR
#
# `start` keeps every file (configs, rings, device, logs, pid files) in STATE_DIR, binds loopback
# only, picks free ports, and prints (and writes to STATE_DIR/env) the lines
#   SWIFT_AUTH_URL=http://127.0.0.1:<port>/auth/v1.0  SWIFT_USER=test:tester  SWIFT_KEY=testing
#   SWIFT_USER2=test2:tester2  SWIFT_KEY2=testing2  SWIFT_PROXY_URL=http://127.0.0.1:<port>
# Every daemon runs in its own session (setsid) with stdin/stdout/stderr redirected: on SIGTERM a
# Swift daemon kills its whole process group, which must never be the caller's; `stop` kills each
# daemon's own process group. Exit codes: 0 ok, 3 Swift is not installed, 1 anything else.
set -euo pipefail

PACKAGES="swift swift-proxy swift-account swift-container swift-object memcached"
INSTALL_CMD="apt-get update && apt-get install -y --no-install-recommends $PACKAGES"
PY=/usr/bin/python3
HERE="$(cd "$(dirname "$0")" && pwd)"

missing() {
  local m=()
  for b in swift-proxy-server swift-account-server swift-container-server swift-object-server swift-container-updater memcached; do
    command -v "$b" >/dev/null 2>&1 || m+=("$b")
  done
  [ -x "$PY" ] || m+=("$PY")
  if [ -x "$PY" ] && ! "$PY" -c 'import swift.common.ring' >/dev/null 2>&1; then m+=("python3-swift"); fi
  echo "${m[*]:-}"
}

need_swift() {
  local m
  m="$(missing)"
  if [ -n "$m" ]; then
    echo "Swift is not installed (missing: $m). Install it, then run again:" >&2
    if [ "$(id -u)" = 0 ]; then echo "  $INSTALL_CMD" >&2; else echo "  sudo sh -c '$INSTALL_CMD'" >&2; fi
    exit 3
  fi
}

cmd_install() {
  if [ -z "$(missing)" ]; then echo "Swift is installed"; return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then need_swift; fi
  echo "installing Debian's Swift: $INSTALL_CMD"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends $PACKAGES
  need_swift
}

free_ports() {
  # Five distinct free loopback ports, chosen by the kernel (bound together, then released).
  "$PY" - <<'PY'
import socket
socks = []
for _ in range(5):
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    socks.append(s)
print(' '.join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
}

write_server_conf() { # kind port
  local kind=$1 port=$2 extra=""
  case "$kind" in
    container) extra=$'allow_versions = true\n' ;;
  esac
  cat >"$STATE/etc/$kind-server.conf" <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
workers = 0
user = $RUN_USER
swift_dir = $STATE/etc
devices = $STATE/srv
mount_check = false
disable_fallocate = true
recon_cache_path = $STATE/recon
log_name = $kind-server
log_udp_host = 127.0.0.1
log_udp_port = 9

[pipeline:main]
pipeline = $kind-server

[app:$kind-server]
use = egg:swift#$kind
$extra
[$kind-replicator]

[$kind-auditor]

[$kind-updater]
interval = 2
CONF
  if [ "$kind" = account ]; then printf '\n[account-reaper]\n' >>"$STATE/etc/$kind-server.conf"; fi
}

write_proxy_conf() { # port memcached_port
  cat >"$STATE/etc/proxy-server.conf" <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = $RUN_USER
swift_dir = $STATE/etc
log_name = proxy-server
log_udp_host = 127.0.0.1
log_udp_port = 9

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats container_sync bulk tempurl ratelimit crossdomain tempauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
cors_allow_origin = *

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
user_test2_tester2 = testing2 .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$2

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:container_sync]
use = egg:swift#container_sync

[filter:bulk]
use = egg:swift#bulk

[filter:tempurl]
use = egg:swift#tempurl

[filter:ratelimit]
use = egg:swift#ratelimit

[filter:crossdomain]
use = egg:swift#crossdomain

[filter:copy]
use = egg:swift#copy

[filter:container-quotas]
use = egg:swift#container_quotas

[filter:account-quotas]
use = egg:swift#account_quotas

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo

[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true

[filter:symlink]
use = egg:swift#symlink
CONF
}

# Starts "$@" in a new session; its pid (= its process group id) goes to STATE/run/NAME.pid.
launch() { # name cmd...
  local name=$1
  shift
  setsid sh -c 'echo $$ >"$0"; exec "$@"' "$STATE/run/$name.pid" "$@" </dev/null >>"$STATE/log/$name.log" 2>&1 &
}

wait_ready() { # proxy_port account_port container_port object_port memcached_port
  "$PY" - "$@" <<'PY'
import socket, sys, time, urllib.request
proxy, others = int(sys.argv[1]), [int(p) for p in sys.argv[2:]]
deadline = time.time() + 60
def up(port):
    try:
        socket.create_connection(('127.0.0.1', port), timeout=1).close()
        return True
    except OSError:
        return False
while time.time() < deadline:
    if all(up(p) for p in others):
        try:
            with urllib.request.urlopen('http://127.0.0.1:%d/healthcheck' % proxy, timeout=2) as r:
                if r.status == 200:
                    sys.exit(0)
        except Exception:
            pass
    time.sleep(0.2)
sys.exit(1)
PY
}

cmd_start() {
  need_swift
  mkdir -p "$STATE"/{etc,srv/d0,log,run,recon}
  STATE="$(cd "$STATE" && pwd)"
  RUN_USER="$(id -un)"
  read -r P_PROXY P_ACCOUNT P_CONTAINER P_OBJECT P_MEMCACHED < <(free_ports)
  write_proxy_conf "$P_PROXY" "$P_MEMCACHED"
  write_server_conf account "$P_ACCOUNT"
  write_server_conf container "$P_CONTAINER"
  write_server_conf object "$P_OBJECT"
  "$PY" "$HERE/build-rings.py" "$STATE" "$P_ACCOUNT" "$P_CONTAINER" "$P_OBJECT"

  local mc_user=()
  [ "$(id -u)" = 0 ] && mc_user=(-u root)
  launch memcached memcached -l 127.0.0.1 -p "$P_MEMCACHED" -U 0 -m 64 "${mc_user[@]}"
  launch account swift-account-server "$STATE/etc/account-server.conf" -v
  launch container swift-container-server "$STATE/etc/container-server.conf" -v
  launch object swift-object-server "$STATE/etc/object-server.conf" -v
  launch container-updater swift-container-updater "$STATE/etc/container-server.conf" -v
  launch proxy swift-proxy-server "$STATE/etc/proxy-server.conf" -v
  if ! wait_ready "$P_PROXY" "$P_ACCOUNT" "$P_CONTAINER" "$P_OBJECT" "$P_MEMCACHED"; then
    echo "Swift did not become ready within 60 s; logs in $STATE/log:" >&2
    tail -n 20 "$STATE"/log/*.log >&2 || true
    cmd_stop
    exit 1
  fi
  {
    echo "SWIFT_PROXY_URL=http://127.0.0.1:$P_PROXY"
    echo "SWIFT_AUTH_URL=http://127.0.0.1:$P_PROXY/auth/v1.0"
    echo "SWIFT_USER=test:tester"
    echo "SWIFT_KEY=testing"
    echo "SWIFT_USER2=test2:tester2"
    echo "SWIFT_KEY2=testing2"
    echo "SWIFT_STATE=$STATE"
  } | tee "$STATE/env"
}

cmd_stop() {
  [ -d "$STATE/run" ] || return 0
  local pids=()
  for f in "$STATE"/run/*.pid; do
    [ -e "$f" ] || continue
    local pid
    pid="$(cat "$f")"
    # The negative pid names the daemon's own process group (its session), never ours.
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM -- "-$pid" 2>/dev/null || true; pids+=("$pid"); fi
    rm -f "$f"
  done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true; done
}

case "${1:-}" in
  install) cmd_install ;;
  start) STATE="${2:?usage: $0 start STATE_DIR}"; cmd_start ;;
  stop) STATE="${2:?usage: $0 stop STATE_DIR}"; cmd_stop ;;
  *) echo "usage: $0 install | start STATE_DIR | stop STATE_DIR" >&2; exit 1 ;;
esac
