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
# the gateway tests start their own redis-server (shared revocation list) on a free port
if ! command -v redis-server >/dev/null; then
  echo "redis: installing Debian's redis-server (the tests start it themselves)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
started_kafka=0
if ! "$here/kafka.sh" status >/dev/null 2>&1; then
  "$here/kafka.sh" start
  started_kafka=1
fi
stop_kafka() { if [ $started_kafka = 1 ]; then "$here/kafka.sh" stop; fi; }
trap stop_kafka EXIT

mvn -B verify "$@"
