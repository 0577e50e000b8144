#!/usr/bin/env bash
# Event latency: a change committed in one service → its effect committed by a consumer in another, both times from
# PostgreSQL's own commit timestamps (track_commit_timestamp), so one clock measures both. Two sources of events:
#   outbox  (default) EVENTS org.resumed events written at RATE per second straight into org-service's outbox, each in
#           its own transaction with the NOTIFY that Outbox.record sends, exactly as a request's transaction writes
#           them: the pipeline alone (relay → Kafka → consumer → inbox), without the cost of the requests that cause
#           events, which on two shared cores caps the rate long before the pipeline does;
#   api     EVENTS org creations at RATE per second through the gateway (each commits org.created).
# The effect measured is workspace-service's org-status row for the org (its consumer's inbox transaction).
# Needs, once: ALTER SYSTEM SET track_commit_timestamp = on; and a PostgreSQL restart (the script says so when it is
# off), then the suite (for the api source with the rate limits lifted:
#   COGNITA_RATE_DEFAULT=1000000000 COGNITA_RATE_ORG_CREATE=1000000000 deploy/local/up.sh --no-build).
# Usage: bench/events.sh [EVENTS=10000] [RATE=200] [outbox|api]. Loopback only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
events=${1:-10000}
rate=${2:-200}
source=${3:-outbox}
db() { (cd / && su postgres -c "psql -d cognita -At -v ON_ERROR_STOP=1 -c $(printf '%q' "$1")"); }
if [ "$(db 'SHOW track_commit_timestamp')" != on ]; then
  echo "track_commit_timestamp is off: run  su postgres -c \"psql -c 'ALTER SYSTEM SET track_commit_timestamp = on'\"" >&2
  echo "then restart PostgreSQL (pg_ctlcluster <version> main restart) and the suite" >&2
  exit 1
fi
bench_machine
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
bench_cpu_ticks > "$work/cpu.before"
if [ "$source" = api ]; then
  token=$(bench_token)
  python3 "$here/event_load.py" http://127.0.0.1:3000/api/orgs "$token" 200 50 > /dev/null # warm-up
  python3 "$here/event_load.py" http://127.0.0.1:3000/api/orgs "$token" "$events" "$rate" > "$work/orgs"
  commits="org.organizations"
else
  # one transaction per event on a fixed schedule; bench_events keeps each event's org id and, as its row's xmin, the
  # event's commit (the outbox row itself is deleted once published)
  db "CREATE TABLE IF NOT EXISTS public.bench_events (id uuid PRIMARY KEY)"
  cat > "$work/load.sql" <<SQL
DO \$\$
DECLARE
  started timestamptz := clock_timestamp();
  org uuid;
  event uuid;
BEGIN
  FOR i IN 0 .. $events - 1 LOOP
    PERFORM pg_sleep(greatest(0, extract(epoch FROM started + i * interval '1 second' / $rate - clock_timestamp())));
    org := gen_random_uuid();
    event := gen_random_uuid();
    INSERT INTO org.outbox (id, topic, msg_key, type, payload) VALUES (event, 'cognita.org', org, 'org.resumed',
      jsonb_build_object('specversion', '1.0', 'id', event, 'source', '/org-service', 'type', 'org.resumed',
        'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'subject', '/orgs/' || org,
        'datacontenttype', 'application/json', 'orgid', org, 'data', jsonb_build_object('orgId', org)));
    INSERT INTO public.bench_events (id) VALUES (org);
    PERFORM pg_notify('outbox_org', '');
    COMMIT;
  END LOOP;
END
\$\$;
SQL
  chmod 644 "$work/load.sql"
  db "TRUNCATE public.bench_events"
  (cd / && su postgres -c "psql -d cognita -q -v ON_ERROR_STOP=1 -f $work/load.sql")
  db "COPY public.bench_events (id) TO STDOUT" > "$work/orgs"
  commits="public.bench_events"
fi
# the ids go in through a temporary table (10,000 of them make too long a command line)
over_ids() {
  printf 'CREATE TEMP TABLE bench_ids (id uuid);\n\\copy bench_ids FROM %s\n%s\n' "$work/orgs" "$1" > "$work/q.sql"
  chmod 644 "$work/q.sql"
  (cd / && su postgres -c "psql -d cognita -At -q -v ON_ERROR_STOP=1 -f $work/q.sql")
}
for _ in $(seq 1 120); do
  seen=$(over_ids "SELECT count(*) FROM workspace.org_status s JOIN bench_ids b ON b.id = s.org_id;")
  [ "$seen" -ge "$(wc -l < "$work/orgs")" ] && break
  sleep 1
done
bench_cpu_ticks > "$work/cpu.after"
over_ids "SELECT round(1000 * extract(epoch FROM pg_xact_commit_timestamp(s.xmin) - pg_xact_commit_timestamp(o.xmin))::numeric, 1)
    FROM bench_ids b JOIN $commits o ON o.id = b.id JOIN workspace.org_status s ON s.org_id = o.id;" | sort -n > "$work/ms"
python3 - "$work/ms" "$work/cpu.before" "$work/cpu.after" "$(getconf CLK_TCK)" <<'PY'
import collections, sys
def ticks(path):
    total = collections.Counter()
    for line in open(path):
        name, value = line.split()
        total[name] += int(value)
    return total
used = ticks(sys.argv[3]) - ticks(sys.argv[2])
ms = [float(x) for x in open(sys.argv[1]) if x.strip()]
def q(p): return ms[min(len(ms) - 1, int(p * len(ms)))]
print(f"SUMMARY events: {len(ms)} applied, commit → consumer commit p50 {q(0.5):.1f} ms, p90 {q(0.9):.1f} ms, "
      f"p99 {q(0.99):.1f} ms, max {ms[-1]:.1f} ms")
hz = int(sys.argv[4])
print("CPU per event (ms): " + ", ".join(f"{name} {1000 * t / hz / len(ms):.2f}" for name, t in used.most_common())
      + f"; total {1000 * sum(used.values()) / hz / len(ms):.2f}")
PY
