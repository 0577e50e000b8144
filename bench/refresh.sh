#!/usr/bin/env bash
# Load scenario: refresh-token grants (one-time refresh tokens, rotated on every grant) straight to identity-service
# (port 8081): CONNECTIONS sessions of the bootstrap admin, each refreshed in a chain by its own wrk thread, and the
# identity JVM's CPU time over the run, so the figure is grants per core-second whatever else shares the machine.
# Run it twice: the first run warms the JVM. Loopback only; needs the suite running (deploy/local/up.sh).
#   DURATION=20s CONNECTIONS=8 bench/refresh.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-20s}; connections=${CONNECTIONS:-8}
email=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
password=${COGNITA_ADMIN_PASSWORD:-$(cat "$root/.run/admin-password")}
pid=$(cat "$root/.run/pids/identity-service.pid")
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

tokens=()
for i in $(seq 1 "$connections"); do
  # each sign-in from another client address (believed from loopback), so the per-address throttle stays out of it
  tokens+=("$(curl -sf -X POST http://127.0.0.1:8081/api/auth/login -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 10.200.0.$i" -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
    | sed 's/.*"refreshToken":"\([^"]*\)".*/\1/')")
done
REFRESH_TOKENS=$(IFS=,; echo "${tokens[*]}")
export REFRESH_TOKENS

bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
echo "scenario: POST /api/auth/refresh direct to identity, $connections chains (a thread and a connection each), $duration"
before=$(cpu)
out=$(wrk -t"$connections" -c"$connections" -d"$duration" --latency -s "$root/bench/refresh.lua" http://127.0.0.1:8081/api/auth/refresh)
after=$(cpu)
echo "$out"
bench_summary refresh "$out"
requests=$(echo "$out" | awk '/requests in/{print $1}')
awk -v r="$requests" -v c="$((after - before))" -v t="$ticks" \
  'BEGIN { printf "identity CPU: %.1f core-seconds for %d grants: %.0f grants per core-second\n", c / t, r, r / (c / t) }'
