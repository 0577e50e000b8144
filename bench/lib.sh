#!/usr/bin/env bash
# Shared by the bench scenarios: wrk installed where missing, a token of the bootstrap admin, an org to work on.
# Loopback only; needs the suite running (deploy/local/up.sh).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

bench_token() {
  local email=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
  local password=${COGNITA_ADMIN_PASSWORD:-$(cat "$root/.run/admin-password")}
  curl -sf -X POST http://127.0.0.1:3000/api/auth/login -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}

# bench_org TOKEN: creates an organization, prints its id
bench_org() {
  curl -sf -X POST http://127.0.0.1:3000/api/orgs -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d '{"name":"Bench Org","orgType":"education"}' | sed 's/.*"orgId":"\([^"]*\)".*/\1/'
}

# bench_cpu_ticks: CPU time (user + system, in clock ticks) of each process of the suite, one "name ticks" line each
bench_cpu_ticks() {
  local f p
  for f in "$root"/.run/pids/*.pid "$root"/.run/kafka/kafka.pid; do
    [ -f "$f" ] || continue
    awk -v n="$(basename "$f" .pid)" '{print n, $14 + $15}' "/proc/$(cat "$f")/stat" 2>/dev/null || true
  done
  for p in $(pgrep -u postgres postgres); do awk '{print "postgresql", $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
}

# bench_cpu_per BEFORE AFTER COUNT UNIT: the CPU milliseconds each process spent per UNIT between two
# bench_cpu_ticks files, busiest first (processes that spent nothing are left out)
bench_cpu_per() {
  awk -v hz="$(getconf CLK_TCK)" -v n="$3" -v unit="$4" '
    FNR == NR { before[$1] += $2; next }
    { after[$1] += $2 }
    END {
      for (k in after) { d = after[k] - before[k]; if (d > 0) { used[k] = d; total += d } }
      line = "CPU per " unit " (ms):"
      while (length(used) > 0) {
        best = ""; for (k in used) if (best == "" || used[k] > used[best]) best = k
        line = line sprintf(" %s %.3f,", best, 1000 * used[best] / hz / n); delete used[best]
      }
      printf "%s total %.3f\n", line, 1000 * total / hz / n
    }' "$1" "$2"
}

bench_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); java $(java -version 2>&1 | head -1)"
}

# bench_summary NAME WRK_OUTPUT: one line with req/s, p50, p99 and the non-2xx count
bench_summary() {
  local rps p50 p99 non2xx
  rps=$(echo "$2" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$2" | awk '$1=="50%"{print $2}')
  p99=$(echo "$2" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$2" | awk '/Non-2xx/{print $NF}')
  echo "SUMMARY $1: ${rps} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}"
}

# bench_owner ADMIN_TOKEN: registers a user through the mail catcher, verifies and signs in, then makes an org whose
# owner they are; prints "TOKEN ORG_ID" (a system admin alone reads workspaces and meetings but holds none)
bench_owner() {
  local email="bench-$(date +%s%N)@cognita.test" password="bench passphrase $RANDOM$RANDOM" verify token me org
  curl -sf -o /dev/null -X POST http://127.0.0.1:3000/api/auth/register -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\"}"
  for _ in $(seq 1 40); do
    verify=$("$root/deploy/local/mail.sh" read "$email" | grep -o 'token=[A-Za-z0-9_%-]*' | head -1 | cut -d= -f2)
    [ -n "$verify" ] && break; sleep 0.25
  done
  curl -sf -o /dev/null -X POST http://127.0.0.1:3000/api/auth/verify-email -H 'Content-Type: application/json' \
    -d "{\"token\":\"$verify\"}"
  token=$(curl -sf -X POST http://127.0.0.1:3000/api/auth/login -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  me=$(curl -sf http://127.0.0.1:3000/api/auth/profile -H "Authorization: Bearer $token" | sed 's/.*"userId":"\([^"]*\)".*/\1/')
  # org-service learns of the verified user from identity's events: retry until the payer becomes the owner
  for _ in $(seq 1 40); do
    org=$(curl -sf -X POST http://127.0.0.1:3000/api/orgs -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Bench Org\",\"orgType\":\"education\",\"payerUserId\":\"$me\"}" | sed 's/.*"orgId":"\([^"]*\)".*/\1/')
    curl -sf http://127.0.0.1:3000/api/orgs/$org -H "Authorization: Bearer $token" >/dev/null && break; sleep 0.25
  done
  echo "$token $org"
}
