#!/usr/bin/env bash
# Issue 13, goal 1: the gateway against nginx (Debian) proxying the same backends, and the backends direct.
# Two routes: GET /api/orgs/{id} with a token (org-service) and GET /api/auth/.well-known/jwks.json (identity, public).
# nginx runs as a plain keep-alive reverse proxy on a loopback port (started here, stopped by its pid file); rounds
# alternate gateway / nginx / direct so that drift of the machine touches all three alike. Prints each round, the
# median per target, the CPU each process spent per request, and the gateway/nginx ratios. Loopback only.
# Needs the suite running with the rate limits lifted:
#   COGNITA_RATE_DEFAULT=1000000000 deploy/local/up.sh --no-build
#   ROUNDS=3 DURATION=10s CONNECTIONS=32 ROUTES="org jwks" AS=admin|member bench/edge.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds=${ROUNDS:-3}; duration=${DURATION:-10s}; connections=${CONNECTIONS:-32}; threads=${THREADS:-2}
nginx_port=${NGINX_PORT:-3090}
nginx_bin=/usr/sbin/nginx
[ -x "$nginx_bin" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null

work=$(mktemp -d)
mkdir -p "$work/tmp"
cat > "$work/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  upstream identity { server 127.0.0.1:8081; keepalive 64; }
  upstream org { server 127.0.0.1:8082; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /api/auth/ { proxy_pass http://identity; }
    location /api/orgs/ { proxy_pass http://org; }
  }
}
EOF
"$nginx_bin" -e "$work/error.log" -p "$work" -c "$work/nginx.conf" &
echo $! > "$work/nginx.master.pid"
stop() { kill "$(cat "$work/nginx.master.pid")" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT
# ours, and serving: a port held by something else would have nginx exit and the bench measure the other server
for _ in $(seq 1 50); do
  kill -0 "$(cat "$work/nginx.master.pid")" 2>/dev/null || { echo "nginx exited: $(cat "$work/error.log")" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$nginx_port/api/auth/.well-known/jwks.json")" = 200 ] && break
  sleep 0.1
done
kill -0 "$(cat "$work/nginx.master.pid")" 2>/dev/null && [ -s "$work/nginx.pid" ] || { echo "nginx is not serving" >&2; exit 1; }

# the CPU of nginx (master and workers) joins the suite's processes in the per-request figures
cpu_ticks() {
  bench_cpu_ticks
  local master; master=$(cat "$work/nginx.master.pid")
  for p in $master $(pgrep -P "$master" || true); do awk '{print "nginx", $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
}

# AS=member reads as the org's owner (membership checked per request) instead of the system admin
if [ "${AS:-admin}" = member ]; then
  read -r token org < <(bench_owner "$(bench_token)")
else
  token=$(bench_token)
  org=$(bench_org "$token")
fi
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
echo "scenario: $rounds rounds of $duration per target, $threads threads, $connections connections; nginx on :$nginx_port"

declare -A base=([gateway]=http://127.0.0.1:3000 [nginx]=http://127.0.0.1:$nginx_port)
for route in ${ROUTES:-org jwks}; do
  if [ $route = org ]; then
    path="/api/orgs/$org"; direct=http://127.0.0.1:8082; auth=(-H "Authorization: Bearer $token")
  else
    path=/api/auth/.well-known/jwks.json; direct=http://127.0.0.1:8081; auth=()
  fi
  base[direct]=$direct
  for target in gateway nginx direct; do   # warm-up (JIT, pools)
    wrk -t"$threads" -c"$connections" -d10s "${auth[@]}" "${base[$target]}$path" >/dev/null
  done
  for target in gateway nginx direct; do : > "$work/$route.$target"; done
  for round in $(seq 1 "$rounds"); do
    for target in gateway nginx direct; do
      cpu_ticks > "$work/cpu.before"
      out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${auth[@]}" "${base[$target]}$path")
      cpu_ticks > "$work/cpu.after"
      echo "$out" | awk '/Requests\/sec/{print $2}' >> "$work/$route.$target"
      bench_summary "$route $target round $round" "$out"
      bench_cpu_per "$work/cpu.before" "$work/cpu.after" "$(echo "$out" | awk '/ requests in /{print $1}')" request
    done
  done
  median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
  g=$(median "$work/$route.gateway"); n=$(median "$work/$route.nginx"); d=$(median "$work/$route.direct")
  awk -v r="$route" -v g="$g" -v n="$n" -v d="$d" \
    'BEGIN {printf "RESULT %s: gateway %.0f req/s, nginx %.0f, direct %.0f (medians); gateway/nginx %.2f, gateway/direct %.2f\n", r, g, n, d, g / n, g / d}'
done
