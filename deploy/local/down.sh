#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the services (by their pid files) and the Kafka broker.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run_dir=${COGNITA_RUN_DIR:-$root/.run}
for pid_file in "$run_dir"/pids/*.pid; do
  [ -f "$pid_file" ] || continue
  name=$(basename "$pid_file" .pid); pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "$name: stopped (pid $pid)"
  fi
  rm -f "$pid_file"
done
"$here/kafka.sh" stop
