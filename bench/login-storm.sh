#!/usr/bin/env bash
# Issue 13, goal 4: what a storm of password sign-ins (Argon2id) does to other requests. Measures GET org (org-service)
# and GET profile (identity itself) through the gateway, a few connections each, first on a quiet suite, then while
# STORM connections sign in as fast as they can straight to identity (bench/login.lua: each from another client
# address). Prints p50/p99 of both, quiet and during the storm, and how the storm's sign-ins were answered.
# Loopback only; needs the suite running with the rate limits lifted (see bench/edge.sh).
#   DURATION=15s STORM=16 bench/login-storm.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-15s}; storm=${STORM:-16}
email=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
password=${COGNITA_ADMIN_PASSWORD:-$(cat "$root/.run/admin-password")}
export LOGIN_BODY="{\"email\":\"$email\",\"password\":\"$password\"}"
token=$(bench_token)
org=$(bench_org "$token")
work=$(mktemp -d)
storm_pid=; org_wrk=
stop() { for p in $storm_pid $org_wrk; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap stop EXIT
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
echo "scenario: GET org and GET profile through the gateway (2 connections each, $duration), quiet and during $storm sign-in connections"
probe() {  # probe NAME: both reads at once, one summary line each
  wrk -t1 -c2 -d"$duration" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:3000/api/orgs/$org" > "$work/org" &
  org_wrk=$!
  wrk -t1 -c2 -d"$duration" --latency -H "Authorization: Bearer $token" http://127.0.0.1:3000/api/auth/profile > "$work/profile"
  wait $org_wrk; org_wrk=
  bench_summary "$1 GET org" "$(cat "$work/org")"
  bench_summary "$1 GET profile" "$(cat "$work/profile")"
}
probe quiet   # also the warm-up of both paths
probe quiet
wrk -t2 -c"$storm" -d"$(( ${duration%s} + 6 ))s" --timeout 10s --latency -s "$root/bench/login.lua" http://127.0.0.1:8081/api/auth/login > "$work/storm" &
storm_pid=$!
sleep 3
probe storm
wait "$storm_pid"; storm_pid=
bench_summary "storm sign-ins" "$(cat "$work/storm")"
grep -E "Socket errors" "$work/storm" || true
