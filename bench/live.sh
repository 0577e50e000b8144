#!/usr/bin/env bash
# Live transcription under load: 1, 2, 4, 6, 8 … concurrent speakers (each in a meeting of its own) streaming
# Festival speech in real time to one transcription-service, until partial latency p99 passes 1 s; then the recorded
# path's real-time factor (a 3-minute WAV uploaded through the gateway, complete → transcript completed).
# Needs the suite running with room for many speaker sockets of one user:
#   COGNITA_LIVE_MAX_SPEAKER_STREAMS_PER_USER=64 COGNITA_LIVE_MAX_SOCKETS_PER_USER=64 COGNITA_SPEECH_MAX_STREAMS=16 \
#     deploy/local/up.sh --no-build
# Usage: bench/live.sh [SECONDS_PER_ROUND=30] [MAX_STREAMS=12]. Loopback only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seconds=${1:-30}
max=${2:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"

# speech: the tests' three sentences, each followed by a second of silence
: > "$work/list"
i=0
for sentence in "hello world this is a test of the meeting transcription" \
                "the committee will review the budget before the end of the month" \
                "please send the report to the team by friday"; do
  echo "$sentence" > "$work/s$i.txt"
  text2wave -eval "(voice_cmu_us_slt_arctic_hts)" "$work/s$i.txt" -o "$work/s$i-raw.wav"
  sox "$work/s$i-raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$work/s$i.wav" pad 0 1
  echo "$work/s$i.wav" >> "$work/list"
  i=$((i + 1))
done
sox $(cat "$work/list") "$work/script.wav"
length=$(soxi -D "$work/script.wav")
echo "speech: $(printf '%.1f' "$length") s of script, looped"

admin=$(bench_token)
read -r token org < <(bench_owner "$admin")
api=http://127.0.0.1:3000/api
workspace=$(curl -sf -X POST "$api/orgs/$org/workspaces" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Bench","visibility":"private"}' | sed 's/.*"workspaceId":"\([^"]*\)".*/\1/')
meeting() {
  curl -sf -X POST "$api/workspaces/$workspace/meetings" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"title":"Bench"}' | sed 's/.*"meetingId":"\([^"]*\)".*/\1/'
}
ready() { # transcription-service hears of a meeting from meeting-service's events
  for _ in $(seq 1 80); do
    curl -sf "$api/meetings/$1/transcripts" -H "Authorization: Bearer $token" >/dev/null && return 0; sleep 0.25
  done
}

# warm-up: the JIT, and a decoder per stream to come (each loads its model once, about 0.7 s, then is reused)
ids=(); for _ in $(seq 1 "$max"); do id=$(meeting); ready "$id"; ids+=("$id"); done
java "$here/LiveBench.java" ws://127.0.0.1:3000 "$token" "$work/script.wav" 8 "${ids[@]}" > /dev/null

for n in 1 2 4 6 8 10 12 16; do
  [ "$n" -le "$max" ] || break
  ids=()
  for _ in $(seq 1 "$n"); do id=$(meeting); ready "$id"; ids+=("$id"); done
  out=$(java "$here/LiveBench.java" ws://127.0.0.1:3000 "$token" "$work/script.wav" "$seconds" "${ids[@]}")
  echo "SUMMARY live $out"
  p99=$(echo "$out" | sed 's/.*partials [0-9]* p50 [-0-9]* ms p99 \([-0-9]*\) ms.*/\1/')
  if [ "$p99" -gt 1000 ] || [ "$p99" -lt 0 ]; then echo "partial p99 above 1 s (or none) at $n streams: stop"; break; fi
done

# recorded: the script repeated to 3 minutes, uploaded through the gateway
reps=$(python3 -c "import math; print(math.ceil(180 / $length))")
files=(); for _ in $(seq 1 "$reps"); do files+=("$work/script.wav"); done
sox "${files[@]}" "$work/long.wav"
size=$(stat -c %s "$work/long.wav"); sha=$(sha256sum "$work/long.wav" | cut -d' ' -f1)
audio=$(soxi -D "$work/long.wav")
id=$(meeting); ready "$id"
curl -sf -o /dev/null -X POST "$api/meetings/$id/join" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"recordingConsent":true}'
upload=$(curl -sf -X POST "$api/meetings/$id/recordings/upload-init" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"fileName\":\"bench.wav\",\"contentType\":\"audio/wav\",\"sizeBytes\":$size,\"sha256\":\"$sha\"}" \
  | sed 's/.*"uploadId":"\([^"]*\)".*/\1/')
curl -sf -o /dev/null -X PUT "$api/meetings/$id/recordings/$upload/parts/1" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$work/long.wav"
started=$(date +%s.%N)
curl -sf -o /dev/null -X POST "$api/meetings/$id/recordings/$upload/complete" -H "Authorization: Bearer $token"
until curl -sf "$api/meetings/$id/transcripts" -H "Authorization: Bearer $token" | grep -q '"source":"recording","recordingId":"[^"]*","language":"[^"]*","status":"completed"'; do
  sleep 0.2
  if [ "$(echo "$(date +%s.%N) - $started > 600" | bc)" = 1 ]; then echo "recorded: not completed in 10 min"; exit 1; fi
done
took=$(echo "$(date +%s.%N) - $started" | bc)
echo "SUMMARY recorded: $(printf '%.0f' "$audio") s of audio transcribed in $(printf '%.1f' "$took") s (real-time factor $(echo "scale=3; $took / $audio" | bc)), including up to 2 s of worker polling"
