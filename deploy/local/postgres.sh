#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on COGNITA_DB_HOST:COGNITA_DB_PORT (default 127.0.0.1:5432):
# starts Debian's cluster where it is installed but down, installs it with apt-get where it is missing.
# A remote COGNITA_DB_HOST is only checked, never installed.
set -euo pipefail
host=${COGNITA_DB_HOST:-127.0.0.1}
port=${COGNITA_DB_PORT:-5432}

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }
local_host() { [ "$host" = 127.0.0.1 ] || [ "$host" = localhost ]; }

if command -v pg_isready >/dev/null && ready; then
  echo "postgres: up on $host:$port"; exit 0
fi
if ! local_host; then
  echo "postgres: $host:$port does not answer" >&2; exit 1
fi
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  echo "postgres: not installed; installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
if ! ready; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
for _ in $(seq 1 60); do ready && break; sleep 0.5; done
ready || { echo "postgres: cluster $version did not come up on $host:$port" >&2; exit 1; }
echo "postgres: up on $host:$port (cluster $version)"
