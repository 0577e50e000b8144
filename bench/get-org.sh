#!/usr/bin/env bash
# Load scenario: GET /api/orgs/{orgId} with a token, through the gateway (port 3000) and direct to
# org-service (port 8082), with wrk (Debian; installed here where missing). Loopback only.
# Needs the suite running (deploy/local/up.sh). Prints wrk's output and a one-line summary per path.
#   DURATION=30s CONNECTIONS=32 THREADS=2 bench/get-org.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-30s}; connections=${CONNECTIONS:-32}; threads=${THREADS:-2}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

email=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
password=${COGNITA_ADMIN_PASSWORD:-$(cat "$root/.run/admin-password")}
token=$(curl -sf -X POST http://127.0.0.1:3000/api/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
org=$(curl -sf -X POST http://127.0.0.1:3000/api/orgs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Org","orgType":"education"}' | sed 's/.*"orgId":"\([^"]*\)".*/\1/')

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); java $(java -version 2>&1 | head -1)"
echo "scenario: GET /api/orgs/$org, $threads threads, $connections connections, $duration"
for target in "gateway http://127.0.0.1:3000" "direct http://127.0.0.1:8082"; do
  name=${target%% *}; base=${target#* }
  # warm-up (JIT), then the measured run
  wrk -t"$threads" -c"$connections" -d10s -H "Authorization: Bearer $token" "$base/api/orgs/$org" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$base/api/orgs/$org")
  echo "$out"
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  echo "SUMMARY $name: ${rps} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}"
done
