#!/usr/bin/env bash
# Load scenario: GET /api/orgs/{orgId} with a token, through the gateway (port 3000) and direct to
# org-service (port 8082), with wrk (Debian; installed here where missing). Loopback only.
# Needs the suite running (deploy/local/up.sh). Prints wrk's output and a one-line summary per path.
#   DURATION=30s CONNECTIONS=32 THREADS=2 bench/get-org.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-30s}; connections=${CONNECTIONS:-32}; threads=${THREADS:-2}
token=$(bench_token)
org=$(bench_org "$token")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
echo "scenario: GET /api/orgs/$org, $threads threads, $connections connections, $duration"
for target in "gateway http://127.0.0.1:3000" "direct http://127.0.0.1:8082"; do
  name=${target%% *}; base=${target#* }
  # warm-up (JIT), then the measured run
  wrk -t"$threads" -c"$connections" -d10s -H "Authorization: Bearer $token" "$base/api/orgs/$org" >/dev/null
  bench_cpu_ticks > "$work/cpu.before"
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$base/api/orgs/$org")
  bench_cpu_ticks > "$work/cpu.after"
  echo "$out"
  bench_summary "$name" "$out"
  bench_cpu_per "$work/cpu.before" "$work/cpu.after" "$(echo "$out" | awk '/ requests in /{print $1}')" request
done
