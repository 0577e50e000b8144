#!/usr/bin/env bash
# Lints the Dockerfile with dockerfile-utils (the linter of the Docker language server, from the npm registry):
# no container engine runs on the build machines, so the images are checked, not built (docs/operations.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v npx >/dev/null; then
  echo "docker lint: npx (Node.js) is missing; install Debian's nodejs and npm" >&2
  exit 1
fi
npx --yes dockerfile-utils@0.16.3 lint "$here/Dockerfile"
echo "docker lint: deploy/docker/Dockerfile is clean"
