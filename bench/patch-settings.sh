#!/usr/bin/env bash
# Load scenario: PATCH /api/orgs/{orgId}/settings (a write: validation, row update, audit entry and outbox
# event in one transaction) through the gateway, with wrk. Loopback only; needs the suite running.
#   DURATION=30s CONNECTIONS=16 THREADS=2 bench/patch-settings.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-30s}; connections=${CONNECTIONS:-16}; threads=${THREADS:-2}
token=$(bench_token)
org=$(bench_org "$token")
url="http://127.0.0.1:3000/api/orgs/$org/settings"

bench_machine
echo "scenario: PATCH $url, $threads threads, $connections connections, $duration (all on one org: its row is the hot spot)"
wrk -t"$threads" -c"$connections" -d10s -s "$root/bench/patch-settings.lua" -H "Authorization: Bearer $token" "$url" >/dev/null
out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/patch-settings.lua" -H "Authorization: Bearer $token" "$url")
echo "$out"
bench_summary "patch-settings" "$out"
