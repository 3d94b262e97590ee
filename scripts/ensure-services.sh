#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on localhost: starts them if stopped, installs them
# with apt-get if missing (root only). Never hangs: every wait is bounded. Skipped when
# DATABASE_URL/REDIS_URL point to another host (compose), or with NEXUS_SKIP_SERVICES=1 (CI service containers, which listen on 127.0.0.1 too).
set -euo pipefail

[ "${NEXUS_SKIP_SERVICES:-0}" = "1" ] && exit 0

say() { echo "[services] $*"; }
is_local() { [[ "$1" =~ @?(127\.0\.0\.1|localhost)(:|/|$) ]]; }

db_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nexus}"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"

pg_up() { timeout 5 bash -c '</dev/tcp/127.0.0.1/5432' 2>/dev/null; }
redis_up() { [ "$(timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/6379; printf "PING\r\n" >&3; head -c 5 <&3' 2>/dev/null)" = "+PONG" ]; }

wait_for() { # name, check, seconds
  for _ in $(seq 1 "$3"); do "$2" && return 0; sleep 1; done
  say "$1 did not come up within $3 s"; return 1
}

apt_install() {
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    say "$1 is not installed. Install it (e.g. sudo apt-get install -y $2) or point the URL at a running server."
    exit 1
  fi
  say "installing $2 with apt-get"
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "$2" >/dev/null
}

if is_local "$db_url" && ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install PostgreSQL postgresql; fi
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  wait_for PostgreSQL pg_up 30
fi
if is_local "$db_url"; then
  # Trust auth on a fresh Debian cluster is peer-only for the socket; TCP needs a password or trust.
  if ! timeout 5 psql "postgres://postgres@127.0.0.1:5432/postgres" -Atc 'select 1' >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    say "enabling trust auth for 127.0.0.1 (local development cluster)"
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -1)
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main reload || true
  fi
fi

if is_local "$redis_url" && ! redis_up; then
  command -v redis-server >/dev/null || apt_install Redis redis-server
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for Redis redis_up 15
fi
exit 0
