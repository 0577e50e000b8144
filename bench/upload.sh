#!/usr/bin/env bash
# Load scenario: a recording uploaded in parts (meeting-service's part size, 16 MiB) through the gateway (3000)
# and direct to meeting-service (8084), against curl writing the same parts to the recordings directory's disk,
# with the peak resident memory (VmHWM) of meeting-service and the gateway; then the workspace list at 32
# connections. Loopback only; needs the suite running (deploy/local/up.sh). SIZE_MIB=1024 bench/upload.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
size_mib=${SIZE_MIB:-1024}; part_mib=16; duration=${DURATION:-20s}
work="$root/.run/bench-upload"; rm -rf "$work"; mkdir -p "$work/parts"
read -r token org < <(bench_owner "$(bench_token)")
api=http://127.0.0.1:3000/api
auth=(-H "Authorization: Bearer $token")

# the org reaches workspace-service as an event: retry until the workspace is created
for _ in $(seq 1 40); do
  ws=$(curl -s -X POST "$api/orgs/$org/workspaces" "${auth[@]}" -H 'Content-Type: application/json' \
    -d '{"name":"Bench"}' | sed -n 's/.*"workspaceId":"\([^"]*\)".*/\1/p')
  [ -n "$ws" ] && break; sleep 0.25
done
[ -n "$ws" ] || { echo "no workspace: the org's events did not reach workspace-service" >&2; exit 1; }
meeting=$(curl -sf -X POST "$api/workspaces/$ws/meetings" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"title":"Bench"}' | sed 's/.*"meetingId":"\([^"]*\)".*/\1/')

head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$work/recording"
sha=$(sha256sum "$work/recording" | cut -c1-64)
(cd "$work/parts" && split -b ${part_mib}M -d -a 4 ../recording part-)
parts=$(ls "$work/parts" | wc -l)
hwm() { awk '/VmHWM/{print int($2/1024)}' "/proc/$(cat "$root/.run/pids/$1.pid")/status"; }

upload() { # upload BASE_URL: seconds for all parts
  local base=$1 upload start end n=0
  upload=$(curl -sf -X POST "$base/api/meetings/$meeting/recordings/upload-init" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"fileName\":\"bench.mp4\",\"contentType\":\"video/mp4\",\"sizeBytes\":$((size_mib * 1024 * 1024)),\"sha256\":\"$sha\"}" \
    | sed 's/.*"uploadId":"\([^"]*\)".*/\1/')
  start=$(date +%s.%N)
  for f in "$work"/parts/part-*; do
    n=$((n + 1))
    curl -sf -o /dev/null -X PUT "$base/api/meetings/$meeting/recordings/$upload/parts/$n" "${auth[@]}" \
      -H 'Content-Type: application/octet-stream' --data-binary @"$f"
  done
  end=$(date +%s.%N)
  curl -sf -o /dev/null -X POST "$base/api/meetings/$meeting/recordings/$upload/complete" "${auth[@]}"
  echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
}

bench_machine
echo "scenario: ${size_mib} MiB recording in $parts parts of ${part_mib} MiB"
store=${COGNITA_RECORDINGS_DIR:-$root/.run/recordings}; mkdir -p "$store"
start=$(date +%s.%N)
for f in "$work"/parts/part-*; do curl -s "file://$f" -o "$store/bench-$(basename "$f")"; done
sync; end=$(date +%s.%N); rm -f "$store"/bench-part-*
disk=$(echo "$start $end" | awk '{printf "%.2f", $2 - $1}')
direct=$(upload http://127.0.0.1:8084)
gateway=$(upload http://127.0.0.1:3000)
awk -v s="$size_mib" -v d="$disk" -v x="$direct" -v g="$gateway" 'BEGIN {
  printf "SUMMARY upload: curl to disk %.0f MiB/s, direct %.0f MiB/s, gateway %.0f MiB/s (gateway/direct %.2f, gateway/disk %.2f)\n",
    s / d, s / x, s / g, x / g, d / g }'
echo "SUMMARY peak RSS: meeting-service $(hwm meeting-service) MiB, gateway $(hwm gateway) MiB"
rm -rf "$work"

echo "scenario: GET /api/orgs/$org/workspaces (20 workspaces), 2 threads, 32 connections, $duration"
for i in $(seq 1 19); do
  curl -sf -o /dev/null -X POST "$api/orgs/$org/workspaces" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"Bench $i\"}" || true
done
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" "$api/orgs/$org/workspaces" >/dev/null
out=$(wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $token" "$api/orgs/$org/workspaces")
echo "$out"
bench_summary workspace-list "$out"
