#!/usr/bin/env bash
# Load scenario: password sign-ins (Argon2id, OWASP parameters) straight to identity-service (port 8081), and
# the identity JVM's CPU time over the run, so the figure is logins per core-second whatever else shares
# the machine. Loopback only; needs the suite running (deploy/local/up.sh).
#   DURATION=30s CONNECTIONS=8 bench/login.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-30s}; connections=${CONNECTIONS:-8}
email=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
password=${COGNITA_ADMIN_PASSWORD:-$(cat "$root/.run/admin-password")}
export LOGIN_BODY="{\"email\":\"$email\",\"password\":\"$password\"}"
pid=$(cat "$root/.run/pids/identity-service.pid")
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

bench_machine
echo "scenario: POST /api/auth/login direct to identity, 2 threads, $connections connections, $duration"
wrk -t2 -c"$connections" -d10s -s "$root/bench/login.lua" http://127.0.0.1:8081/api/auth/login >/dev/null
before=$(cpu)
out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/login.lua" http://127.0.0.1:8081/api/auth/login)
after=$(cpu)
echo "$out"
bench_summary login "$out"
requests=$(echo "$out" | awk '/requests in/{print $1}')
awk -v r="$requests" -v c="$((after - before))" -v t="$ticks" \
  'BEGIN { printf "identity CPU: %.1f core-seconds for %d logins: %.1f logins per core-second\n", c / t, r, r / (c / t) }'
