#!/usr/bin/env bash
# Builds and starts the whole suite locally: PostgreSQL (schemas and roles), a Kafka broker, a mail catcher, the six
# services; waits until every /q/health/ready is UP. Stop it with deploy/local/down.sh.
#   --no-build   start the jars already built
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run_dir=${COGNITA_RUN_DIR:-$root/.run}
mkdir -p "$run_dir/pids" "$run_dir/logs" "$run_dir/keys"
cd "$root"

build=1
[ "${1:-}" = "--no-build" ] && build=0

"$here/postgres.sh"
"$here/db-setup.sh"
# transcription-service embeds PocketSphinx and Apertium (Debian)
"$here/speech.sh"
# identity-service hashes passwords with libargon2 (Debian's libargon2-1, through JNA)
if ! ldconfig -p | grep -q 'libargon2\.so\.1 '; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libargon2-1 >/dev/null
fi
if [ $build = 1 ]; then
  echo "build: mvn package (tests skipped; run deploy/local/test.sh for them)"
  mvn -B -q package -DskipTests
fi
"$here/kafka.sh" start
# identity sends real mail over SMTP; locally it goes to a mail catcher (read it with deploy/local/mail.sh read ADDRESS)
"$here/mail.sh" start
export COGNITA_SMTP_HOST=${COGNITA_SMTP_HOST:-127.0.0.1}
export COGNITA_SMTP_PORT=${COGNITA_SMTP_PORT:-${COGNITA_MAIL_SMTP_PORT:-3025}}
export COGNITA_SMTP_STARTTLS=${COGNITA_SMTP_STARTTLS:-DISABLED}
# the gateway runs on this machine; mails link to it
export COGNITA_TRUSTED_PROXIES=${COGNITA_TRUSTED_PROXIES:-127.0.0.1,::1/128}
export COGNITA_PUBLIC_URL=${COGNITA_PUBLIC_URL:-http://localhost:3000}
# readable log lines locally (production writes JSON lines)
export COGNITA_LOG_JSON=${COGNITA_LOG_JSON:-false}
# the services' shared token for /api/internal/** calls, made once per checkout (production takes it from a Secret)
if [ -z "${COGNITA_INTERNAL_TOKEN:-}" ]; then
  [ -s "$run_dir/internal-token" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$run_dir/internal-token")
  COGNITA_INTERNAL_TOKEN=$(cat "$run_dir/internal-token")
fi
export COGNITA_INTERNAL_TOKEN
export COGNITA_PUBLIC_WS_URL=${COGNITA_PUBLIC_WS_URL:-ws://localhost:3000}
# meeting-service keeps recordings here (its filesystem store; COGNITA_RECORDINGS_STORE=s3 with COGNITA_S3_* for S3)
export COGNITA_RECORDINGS_DIR=${COGNITA_RECORDINGS_DIR:-$run_dir/recordings}

# dev-only signing key and admin password, generated once, kept in .run (never in git)
key=$run_dir/keys/signing-key.pem
[ -f "$key" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
export COGNITA_SIGNING_KEY=${COGNITA_SIGNING_KEY:-$key}
export COGNITA_ADMIN_EMAIL=${COGNITA_ADMIN_EMAIL:-admin@cognita.local}
if [ -z "${COGNITA_ADMIN_PASSWORD:-}" ]; then
  [ -f "$run_dir/admin-password" ] || (umask 077; openssl rand -base64 18 > "$run_dir/admin-password")
  COGNITA_ADMIN_PASSWORD=$(cat "$run_dir/admin-password")
  export COGNITA_ADMIN_PASSWORD
fi

# the heap and collector a pod of the chart's default size gets (javaOpts: half of a 640 MiB limit, Serial GC);
# -Xms as small as a pod's, or the JVM would start with 1/64 of this machine's memory
java_opts="-XX:+UseSerialGC -Xms32m -Xmx320m"

launched=$SECONDS
# name:port, identity first (the others verify tokens against its JWKS)
services="identity-service:8081 org-service:8082 workspace-service:8083 meeting-service:8084 transcription-service:8085 gateway:3000"
for entry in $services; do
  name=${entry%%:*}
  pid_file=$run_dir/pids/$name.pid
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "$name: already running (pid $(cat "$pid_file"))"; continue
  fi
  # each service's dev-only database password (db-setup.sh set the same); production passes its own
  schema=${name%-service}; pw_var="COGNITA_DB_PASSWORD_$(echo "$schema" | tr '[:lower:]' '[:upper:]')"
  COGNITA_DB_PASSWORD=${!pw_var:-dev-only-$schema} nohup java ${COGNITA_JAVA_OPTS:-$java_opts} \
    -jar "$root/$name/target/quarkus-app/quarkus-run.jar" > "$run_dir/logs/$name.log" 2>&1 &
  echo $! > "$pid_file"
  echo "$name: starting (pid $!), log $run_dir/logs/$name.log"
done

deadline=$((SECONDS + ${COGNITA_START_TIMEOUT:-180}))
for entry in $services; do
  name=${entry%%:*}; port=${entry##*:}
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do
    if ! kill -0 "$(cat "$run_dir/pids/$name.pid")" 2>/dev/null; then
      echo "$name: exited; last lines of its log:" >&2; tail -30 "$run_dir/logs/$name.log" >&2; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then echo "$name: not ready in time" >&2; exit 1; fi
    sleep 1
  done
  echo "$name: ready on http://127.0.0.1:$port"
done

echo "all six ready $((SECONDS - launched)) s after the first was launched"
cat <<MSG

Cognita is up. Gateway: http://localhost:3000/api   (API docs: http://localhost:3000/api/docs)
Sign in as the bootstrap admin:
  curl -s -X POST http://localhost:3000/api/auth/login -H 'Content-Type: application/json' \\
    -d '{"email":"$COGNITA_ADMIN_EMAIL","password":"$COGNITA_ADMIN_PASSWORD"}'
(dev-only password, kept in $run_dir/admin-password).
Mail (verification and reset links) goes to the local mail catcher; after registering, read yours with
  deploy/local/mail.sh read you@example.org
Stop everything with deploy/local/down.sh
MSG
