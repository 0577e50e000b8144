#!/usr/bin/env bash
# Makes sure the speech and translation engines transcription-service embeds are installed (Debian):
# PocketSphinx 0.8 with its US English model (live and recorded recognition, through JNA), Apertium with
# the eng-spa pair (translation), ffmpeg (recorded formats other than 16 kHz WAV), and, for the tests
# and the benchmark, Festival's HTS voice and sox (test speech is synthesised, never checked in).
# Installs only what is missing; `apt-get update` only when the install fails without one.
set -euo pipefail
packages=(libpocketsphinx3 pocketsphinx-en-us apertium apertium-eng-spa ffmpeg festival festvox-us-slt-hts sox)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "speech: engines installed"; exit 0; fi
echo "speech: installing Debian's ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
install || { apt-get update -qq && install; }
echo "speech: engines installed"
