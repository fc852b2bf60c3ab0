#!/usr/bin/env bash
# A throwaway coturn for the forced-relay test of 视频帮办 (tests/integration/webrtc/, docs/video-help.md
# §TURN), like scripts/postgres/cluster.sh: a temporary folder, a free port on 127.0.0.1, the TURN
# REST shared secret the platform mints per-call credentials from (platform/server/video-help/ice-plan.ts).
#
#   scripts/turn/coturn.sh start   → prints  TURN_URL=turn:127.0.0.1:<port>  TURN_SECRET=…  TURNDIR=…
#   scripts/turn/coturn.sh stop <dir>
#
# Loopback only, plain UDP/TCP (no TLS/DTLS: nothing leaves the machine). coturn refuses to relay to
# 127.x peers unless told (--allow-loopback-peers): here both peers' relayed addresses are loopback.
set -euo pipefail

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

case "${1:-}" in
  start)
    if ! command -v turnserver >/dev/null 2>&1; then
      echo "turnserver not found: apt-get install -y coturn" >&2
      exit 2
    fi
    dir=$(mktemp -d /tmp/bianmin-turn-XXXXXX)
    port=$(free_port)
    secret=$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")
    # The secret goes in a configuration file of the folder's own (-c), not on the command line where
    # `ps` shows it; so /etc/turnserver.conf is not read. --userdb in the folder: nothing of the
    # system's coturn is read or written.
    (umask 077 && echo "static-auth-secret=$secret" >"$dir/turnserver.conf")
    turnserver -c "$dir/turnserver.conf" -o \
      --listening-ip 127.0.0.1 --relay-ip 127.0.0.1 --listening-port "$port" \
      --use-auth-secret --realm bianmin.test \
      --no-tls --no-dtls --allow-loopback-peers --no-cli --no-stdout-log --verbose \
      --userdb "$dir/turndb" --pidfile "$dir/turnserver.pid" \
      --log-file "$dir/turnserver.log" --simple-log >"$dir/start.log" 2>&1 ||
      { cat "$dir/start.log" >&2; rm -rf "$dir"; exit 1; }
    # Ready when the TCP listener answers (the UDP one opens with it).
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
      sleep 0.1
    done
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "turnserver did not listen on 127.0.0.1:$port" >&2
      cat "$dir"/turnserver*.log >&2 2>/dev/null || true
      "$0" stop "$dir"
      exit 1
    fi
    echo "TURN_URL=turn:127.0.0.1:$port"
    echo "TURN_SECRET=$secret"
    echo "TURNDIR=$dir"
    ;;
  stop)
    dir="${2:?usage: coturn.sh stop <dir>}"
    [ -d "$dir" ] || exit 0
    if [ -f "$dir/turnserver.pid" ]; then
      pid=$(cat "$dir/turnserver.pid")
      if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
