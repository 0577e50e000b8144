#!/usr/bin/env bash
# S3Proxy, a real S3 API server (filesystem-backed), from Maven Central jars.
#   deploy/local/s3proxy.sh classpath   print its class path (resolved once per version of s3proxy/pom.xml)
# meeting-service's S3 tests start it themselves on a free loopback port (and stop that process);
# run it by hand with: java -cp "$(deploy/local/s3proxy.sh classpath)" org.gaul.s3proxy.Main --properties FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=${COGNITA_RUN_DIR:-$root/.run}/s3proxy

case "${1:-}" in
  classpath)
    mkdir -p "$dir"
    file="$dir/classpath-$(sha256sum "$here/s3proxy/pom.xml" | cut -c1-12)"
    if [ ! -s "$file" ]; then
      mvn -B -q -f "$here/s3proxy/pom.xml" dependency:build-classpath -Dmdep.outputFile="$file" >&2
    fi
    cat "$file"
    ;;
  *) echo "usage: $0 classpath" >&2; exit 2 ;;
esac
