#!/usr/bin/env bash
# Start-up and memory of each service started alone: with the suite running (deploy/local/up.sh), stops one service
# (by its pid file), starts it again with the same command, and prints the time from the JVM's launch to its
# /q/health/ready answering 200, Quarkus's own "started in", the CPU it used until then, and the process's RSS then
# and after a 15 s GET load (GET /q/health/ready through wrk; GET org for org-service), split into heap, metaspace and
# the rest. The service stays running afterwards. Loopback only.
#   bench/startup.sh [service ...]        (default: the five services and the gateway)
#   JAVA_OPTS='-XX:SharedArchiveFile=...' bench/startup.sh org-service   to try JVM options
set -euo pipefail
source "$(dirname "$0")/lib.sh"
run_dir=$root/.run
declare -A ports=([identity-service]=8081 [org-service]=8082 [workspace-service]=8083 [meeting-service]=8084
  [transcription-service]=8085 [gateway]=3000)
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(identity-service org-service workspace-service meeting-service transcription-service gateway)
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
for name in "${services[@]}"; do
  port=${ports[$name]}; pid_file=$run_dir/pids/$name.pid
  old=$(cat "$pid_file" 2>/dev/null || true)
  if [ -z "$old" ] || ! kill -0 "$old" 2>/dev/null; then echo "$name is not running: start the suite first" >&2; exit 1; fi
  # the same environment as up.sh gave it
  mapfile -d '' environment < "/proc/$old/environ"
  # and the same JVM options (those before -jar), unless JAVA_OPTS names others
  mapfile -d '' command < "/proc/$old/cmdline"
  options=()
  for word in "${command[@]:1}"; do [ "$word" = -jar ] && break; options+=("$word"); done
  [ -z "${JAVA_OPTS:-}" ] || read -ra options <<< "$JAVA_OPTS"
  kill "$old"
  while kill -0 "$old" 2>/dev/null; do sleep 0.1; done
  start=$(date +%s%N)
  # from its own directory, as the image runs it (an AppCDS archive is only taken with the jar's relative path)
  pushd "$root/$name/target/quarkus-app" > /dev/null
  env -i "${environment[@]}" nohup java "${options[@]}" -jar quarkus-run.jar \
    > "$run_dir/logs/$name.log" 2>&1 < /dev/null &
  pid=$!
  popd > /dev/null
  echo "$pid" > "$pid_file"
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $run_dir/logs/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss_ready=$(( $(ps -o rss= -p "$pid") / 1024 ))
  cpu_ready=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  url="http://127.0.0.1:$port/q/health/ready"; auth=()
  if [ "$name" = org-service ]; then
    token=$(bench_token); url="http://127.0.0.1:$port/api/orgs/$(bench_org "$token")"; auth=(-H "Authorization: Bearer $token")
  fi
  rate=$(wrk -t2 -c16 -d15s "${auth[@]}" "$url" | awk '/Requests\/sec/ {printf "%d", $2}')
  rss_load=$(( $(ps -o rss= -p "$pid") / 1024 ))
  # the heap's committed size (survivors + eden + old, any collector) and metaspace, from jstat; the rest of the
  # RSS is the JVM's own memory (class metadata, code, threads, GC structures, malloc)
  read -r heap meta < <(jstat -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%d %d\n", ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024, $c["MC"] / 1024 }')
  echo "$name: JVM options ${options[*]}"
  echo "SUMMARY $name: ready ${ready_ms} ms after launch (Quarkus: $(grep -o 'started in [0-9.]*s' "$run_dir/logs/$name.log" | head -1)), ${cpu_ready} s of CPU to get there, RSS ${rss_ready} MB at ready; 15 s of load at ${rate} req/s, then RSS ${rss_load} MB: heap ${heap} MB committed, metaspace ${meta} MB, the rest $((rss_load - heap - meta)) MB"
done
