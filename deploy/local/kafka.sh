#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, single node) from Maven Central jars.
#   deploy/local/kafka.sh start   start it unless ours already runs (pid file), wait until it answers
#   deploy/local/kafka.sh stop    stop the broker this script started (by its pid file only)
#   deploy/local/kafka.sh status
# State lives in $COGNITA_RUN_DIR/kafka (default: <repo>/.run/kafka), never in git.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run_dir=${COGNITA_RUN_DIR:-$root/.run}
dir=$run_dir/kafka
port=${COGNITA_KAFKA_PORT:-9092}
controller_port=${COGNITA_KAFKA_CONTROLLER_PORT:-9093}
pid_file=$dir/kafka.pid
topics=(cognita.identity cognita.org cognita.workspace cognita.meeting cognita.transcription
  cognita.identity.dlq cognita.org.dlq cognita.workspace.dlq cognita.meeting.dlq cognita.transcription.dlq
  cognita.platform-test) # the last one: platform's own outbox tests

running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

classpath() {
  # resolved once per version of kafka/pom.xml
  local file; file="$dir/classpath-$(sha256sum "$here/kafka/pom.xml" | cut -c1-12)"
  if [ ! -s "$file" ]; then
    mvn -B -q -f "$here/kafka/pom.xml" dependency:build-classpath -Dmdep.outputFile="$file" >&2
  fi
  cat "$file"
}

start() {
  mkdir -p "$dir"
  if running; then echo "kafka: already running (pid $(cat "$pid_file")) on 127.0.0.1:$port"; create_topics; return 0; fi
  if port_open "$port"; then
    echo "kafka: something else listens on 127.0.0.1:$port; using it as the broker" >&2
    return 0
  fi
  local cp; cp=$(classpath)
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid)
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" > "$dir/format.log" 2>&1
  fi
  nohup java -Xmx512m -cp "$cp" kafka.Kafka "$dir/server.properties" > "$dir/kafka.log" 2>&1 &
  echo $! > "$pid_file"
  for _ in $(seq 1 120); do
    if port_open "$port"; then break; fi
    if ! running; then echo "kafka: failed to start, see $dir/kafka.log" >&2; tail -20 "$dir/kafka.log" >&2; exit 1; fi
    sleep 0.5
  done
  port_open "$port" || { echo "kafka: not listening after 60 s" >&2; exit 1; }
  create_topics
  echo "kafka: started (pid $(cat "$pid_file")) on 127.0.0.1:$port"
}

create_topics() {
  local cp; cp=$(classpath)
  java -cp "$cp" "$here/kafka/CreateTopics.java" "127.0.0.1:$port" 3 "${topics[@]}" >/dev/null 2>>"$dir/topics.log" \
    || echo "kafka: could not create every topic (see $dir/topics.log); the rest will be auto-created" >&2
}

stop() {
  if ! running; then rm -f "$pid_file"; echo "kafka: not running (no live pid file)"; return 0; fi
  local pid; pid=$(cat "$pid_file")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
  rm -f "$pid_file"
  echo "kafka: stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pid_file"))"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
