#!/usr/bin/env bash
# A real local mail catcher for the local runtime: GreenMail standalone (from Maven Central), SMTP on
# 127.0.0.1:3025 that accepts every address, and an HTTP API on 127.0.0.1:8025 to read what arrived.
#   deploy/local/mail.sh start          start it unless ours already runs (pid file), wait until SMTP answers
#   deploy/local/mail.sh read ADDRESS   print the mails sent to ADDRESS, newest last
# down.sh stops it with the services (its pid file is in $COGNITA_RUN_DIR/pids).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run_dir=${COGNITA_RUN_DIR:-$root/.run}
version=2.1.3
smtp_port=${COGNITA_MAIL_SMTP_PORT:-3025}
api_port=${COGNITA_MAIL_API_PORT:-8025}
pid_file=$run_dir/pids/mail-catcher.pid
jar=$run_dir/mail/greenmail-standalone-$version.jar

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  mkdir -p "$run_dir/pids" "$run_dir/logs" "$run_dir/mail"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "mail catcher: already running (pid $(cat "$pid_file"))"; return 0
  fi
  if [ ! -s "$jar" ]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=com.icegreen:greenmail-standalone:$version -DoutputDirectory="$run_dir/mail" >&2
  fi
  nohup java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$api_port" -Dgreenmail.auth.disabled \
    -jar "$jar" > "$run_dir/logs/mail-catcher.log" 2>&1 &
  echo $! > "$pid_file"
  for _ in $(seq 1 60); do
    port_open "$smtp_port" && port_open "$api_port" && { echo "mail catcher: SMTP 127.0.0.1:$smtp_port, mails at http://127.0.0.1:$api_port/api/user/ADDRESS/messages/INBOX (pid $(cat "$pid_file"))"; return 0; }
    kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "mail catcher exited:" >&2; tail -20 "$run_dir/logs/mail-catcher.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "mail catcher: not listening after 30 s" >&2; exit 1
}

read_mail() {
  local address=${1:?usage: mail.sh read ADDRESS} body
  body=$(curl -sf "http://127.0.0.1:$api_port/api/user/$address/messages/INBOX" 2>/dev/null || true)
  if [ -z "$body" ] || [ "$body" = "[]" ]; then echo "no mail for $address yet"; return 0; fi
  printf '%s' "$body" | python3 -c 'import json,sys
for m in json.load(sys.stdin):
    raw = m["mimeMessage"]
    print("---", m["subject"]); print(raw.split("\r\n\r\n", 1)[-1].replace("=\r\n", "").replace("=3D", "="))'
}

case "${1:-}" in
  start) start ;;
  read) shift; read_mail "$@" ;;
  *) echo "usage: $0 start | read ADDRESS" >&2; exit 2 ;;
esac
