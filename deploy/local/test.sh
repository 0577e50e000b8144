#!/usr/bin/env bash
# Runs every test against real infrastructure: prepares PostgreSQL (database cognita_test), starts a
# Kafka broker unless one of ours already runs (and stops it again at the end), then `mvn verify`
# (unit, @QuarkusTest and e2e). Extra arguments go to Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

"$here/postgres.sh"
"$here/db-setup.sh"
# transcription-service embeds PocketSphinx and Apertium; its tests synthesise speech with Festival
"$here/speech.sh"
# servers the tests start themselves on free loopback ports: redis-server (the gateway's shared
# revocation list), dnsmasq (org-service's domain verification) and nginx
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
# identity-service hashes passwords with libargon2 (through JNA)
ldconfig -p | grep -q 'libargon2\.so\.1 ' || missing+=(libargon2-1)
[ -x /usr/sbin/dnsmasq ] || command -v dnsmasq >/dev/null || missing+=(dnsmasq-base)
# nginx: the load balancer in front of two gateways in the e2e rolling-restart test (started in the foreground by
# the test itself, on a free loopback port)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian's ${missing[*]} (the tests start them themselves)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# the images cannot be built here (no container engine): their Dockerfile is linted
"$root/deploy/docker/lint.sh"
started_kafka=0
if ! "$here/kafka.sh" status >/dev/null 2>&1; then
  "$here/kafka.sh" start
  started_kafka=1
fi
stop_kafka() { if [ $started_kafka = 1 ]; then "$here/kafka.sh" stop; fi; }
trap stop_kafka EXIT

mvn -B verify "$@"
